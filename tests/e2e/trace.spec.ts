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
