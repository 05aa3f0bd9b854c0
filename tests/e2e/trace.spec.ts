import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from '../support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** A demo lot of a processed product: its page has upstream lots and a timeline. */
async function demoSugarLot(): Promise<{ code: string; product: string }> {
  const query = `{ products(first: 5, search: "duong dua") { edges { node { nameVi lots(first: 5) { edges { node { code } } } } } } }`;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data: { products: { edges: { node: { nameVi: string; lots: { edges: { node: { code: string } }[] } } }[] } };
  };
  const withLot = body.data.products.edges.find((e) => e.node.lots.edges.length);
  if (!withLot) throw new Error('no demo coconut sugar lot');
  return { code: withLot.node.lots.edges[0]!.node.code, product: withLot.node.nameVi };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the public trace page', () => {
  it('shows the product and the timeline on a phone with JavaScript disabled', async () => {
    const { code, product } = await demoSugarLot();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/t/${code}`);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(product);
    expect(await page.getByRole('heading', { name: 'Nhật ký sản xuất' }).isVisible()).toBe(true);
    expect(await page.locator('li.e').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('li.e strong').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getByRole('heading', { name: 'Production timeline' }).isVisible()).toBe(true);
    await context.close();
  });

  it('answers an unknown lot with a page that offers another search', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/t/KHONG-TON-TAI`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: 'Không tìm thấy lô hàng' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tra cứu' }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('a cooperative manager on a phone', () => {
  it('creates a lot, records a harvest with a preset and opens the label sheet', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-email').fill('coop@demo.cooplink.vn');
    await page.getByTestId('login-password').fill('cooplink-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/my/products`);
    await page.getByRole('link', { name: 'Lô hàng' }).first().click();
    await page.waitForURL(/\/my\/products\/[0-9a-f-]{36}\/lots$/);
    const before = await page.getByTestId('lot-row').count();
    await page.getByText('Tạo lô mới').click();
    await page
      .getByLabel(/^Số lượng/)
      .first()
      .fill('250');
    await page.getByRole('button', { name: 'Tạo lô' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="lot-row"]').length > n, before);
    const row = page.getByTestId('lot-row').first();
    await row.getByRole('button', { name: 'Thêm sự kiện' }).click();
    await row.getByRole('radio', { name: 'Thu hoạch' }).click();
    await row.getByRole('button', { name: 'Lưu sự kiện' }).click();
    await row.getByText(/1 sự kiện/).waitFor();
    const labels = await row.getByRole('link', { name: 'In tem' }).getAttribute('href');
    const sheet = await page.request.get(`${baseUrl}${labels}`);
    expect(sheet.status()).toBe(200);
    expect(await sheet.text()).toContain('class="l"');
    await context.close();
  });
});
