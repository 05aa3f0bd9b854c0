import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from '../support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('cooplink-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('needs and linkages in the browser', () => {
  it('a business posts a need in three steps, sees explained matches and proposes a linkage', async () => {
    const page = await signedIn('business@demo.cooplink.vn');
    await page.goto(`${baseUrl}/needs/new`);
    await page.locator('#need-title').fill('Thu mua dừa sáp thử nghiệm');
    await page.locator('#need-category option[value="fruit.coconut.wax"]').waitFor({ state: 'attached' });
    await page.locator('#need-category').selectOption('fruit.coconut.wax');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.locator('#need-quantity').fill('5');
    await page.locator('#need-from').fill('2027-03-01');
    await page.locator('#need-to').fill('2027-06-30');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByRole('button', { name: 'Đăng và xem kết quả phù hợp' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}\/matches$/);
    const first = page.getByTestId('match').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Đúng loại hàng cần');
    await first.getByRole('button', { name: 'Đề xuất liên kết' }).click();
    await page.waitForURL(/\/linkages\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('linkage-status').innerText()).toBe('Đã đề xuất');
    expect(await page.getByTestId('timeline').innerText()).toContain('Đã đề xuất');
    await page.context().close();
  });

  it('a cooperative sees its inbox of matching needs, its linkages and unread alerts', async () => {
    const page = await signedIn('coop@demo.cooplink.vn');
    await page.goto(`${baseUrl}/my/inbox`);
    await page.getByRole('heading', { level: 1, name: 'Nhu cầu dành cho hợp tác xã' }).waitFor();
    await page.getByTestId('inbox-need').first().waitFor();
    await page.getByTestId('bell').click();
    expect(await page.getByRole('dialog', { name: 'Thông báo' }).innerText()).toContain('Có nhu cầu mới phù hợp');
    await page.context().close();
  });
});
