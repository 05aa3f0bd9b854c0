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

/** A cheap phone in Vietnamese, signed in as a demo login. */
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

describe('needs and linkage screens', () => {
  it('a business finds its need in “my needs”, opens the need page, pauses it and finds it again', async () => {
    const page = await signedIn('business@demo.cooplink.vn');
    await page.getByRole('navigation').getByRole('link', { name: 'Nhu cầu của tôi' }).click();
    await page.waitForURL(/\/my\/needs$/);
    const first = page.getByTestId('need-card').first();
    await first.waitFor();
    const title = (await first.getByRole('heading').innerText()).trim();
    await first.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('need-facts').innerText()).toContain('Thời gian giao hàng');
    await page.getByTestId('need-matches-link').waitFor();
    expect(await page.getByTestId('need-status').innerText()).toBe('Đang mở');

    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByTestId('need-status').filter({ hasText: 'Tạm dừng' }).waitFor();
    // Paused, it is off the public board but still in the business's own list.
    await page.goto(`${baseUrl}/my/needs?status=PAUSED`);
    await page.getByTestId('need-card').filter({ hasText: title }).first().waitFor();
    await page.getByTestId('need-card').filter({ hasText: title }).first().getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Mở lại' }).click();
    await page.getByTestId('need-status').filter({ hasText: 'Đang mở' }).waitFor();
    await page.context().close();
  });

  it('a cooperative declares an input need with OCOP stars and quality notes, and its page shows them', async () => {
    const page = await signedIn('coop@demo.cooplink.vn');
    await page.goto(`${baseUrl}/needs/new`);
    // A cooperative manager is offered only the cooperative's own kind of need.
    await page.locator('#need-kind option').first().waitFor({ state: 'attached' });
    expect(await page.locator('#need-kind option').allInnerTexts()).toEqual(['HTX chúng tôi cần vật tư']);
    await page.locator('#need-title').fill('Cần mua phân hữu cơ vi sinh cho vụ lúa');
    await page.locator('#need-category option[value="input.fertiliser.organic"]').waitFor({ state: 'attached' });
    await page.locator('#need-category').selectOption('input.fertiliser.organic');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.locator('#need-quantity').fill('12');
    await page.locator('#need-from').fill('2027-02-01');
    await page.locator('#need-to').fill('2027-04-30');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.locator('#need-ocop').selectOption('4');
    await page.locator('#need-quality').fill('Có giấy chứng nhận hợp quy, bao 50 kg.');
    await page.getByRole('button', { name: 'Đăng và xem kết quả phù hợp' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Cần mua phân hữu cơ vi sinh cho vụ lúa' }).waitFor();
    expect(await page.getByTestId('need-ocop').innerText()).toBe('Tối thiểu OCOP 4 sao');
    expect(await page.getByTestId('need-quality').innerText()).toBe('Có giấy chứng nhận hợp quy, bao 50 kg.');

    await page.goto(`${baseUrl}/my/needs`);
    await page.getByTestId('need-card').filter({ hasText: 'Cần mua phân hữu cơ vi sinh cho vụ lúa' }).waitFor();
    await page.context().close();
  });

  it('provincial staff post an input need on behalf of a cooperative they find by name', async () => {
    const page = await signedIn('staff@demo.cooplink.vn');
    await page.goto(`${baseUrl}/needs/new`);
    await page.locator('#need-kind').selectOption('INPUT_DEMAND');
    await page.locator('#need-org-search').fill('Long Hiep');
    await page.getByRole('button', { name: 'HTX NN Long Hiệp' }).click();
    await page.getByTestId('need-org').filter({ hasText: 'HTX NN Long Hiệp' }).waitFor();
    await page.locator('#need-title').fill('Cần mua lúa giống xác nhận vụ hè thu');
    await page.locator('#need-category option[value="input.seed.rice"]').waitFor({ state: 'attached' });
    await page.locator('#need-category').selectOption('input.seed.rice');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.locator('#need-quantity').fill('3');
    await page.locator('#need-from').fill('2027-04-01');
    await page.locator('#need-to').fill('2027-05-15');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByRole('button', { name: 'Đăng và xem kết quả phù hợp' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Cần mua lúa giống xác nhận vụ hè thu' }).waitFor();
    await page.getByRole('link', { name: 'HTX NN Long Hiệp' }).waitFor();
    await page.context().close();
  });

  it('a cooperative opens its joint offer from “my linkages” and sees the shares and who took each step', async () => {
    const page = await signedIn('coop@demo.cooplink.vn');
    await page.getByRole('navigation').getByRole('link', { name: 'Liên kết của tôi' }).click();
    await page.waitForURL(/\/my\/linkages$/);
    const joint = page.getByTestId('my-linkages').locator('li').filter({ hasText: 'Chào hàng chung' }).first();
    await joint.getByRole('link').click();
    await page.waitForURL(/\/linkages\/[0-9a-f-]{36}$/);
    await page.getByTestId('shares').waitFor();
    expect(await page.getByTestId('shares').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('shares').innerText()).toContain('HTX NN Long Hiệp');
    expect(await page.getByTestId('timeline').innerText()).toContain('Trần Văn Lợi (HTX NN Long Hiệp');
    await page.getByTestId('linkage-need-link').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.getByTestId('need-facts').waitFor();
    await page.context().close();
  });

  it('the inbox lets a cooperative respond to a company’s input offer', async () => {
    const page = await signedIn('coop@demo.cooplink.vn');
    await page.goto(`${baseUrl}/my/inbox`);
    const offer = page.getByTestId('inbox-need').filter({ hasText: 'Cung ứng đầu vào' }).first();
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Phản hồi nhu cầu này' }).waitFor();
    await page.context().close();
  });
});
