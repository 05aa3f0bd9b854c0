import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from '../support/browser';
import { PNG_1X1 } from '../support/uploads';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone-sized page, as a cooperative manager would hold it, in Vietnamese unless told otherwise. */
async function phonePage(locale = 'vi-VN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase();

describe('an anonymous visitor', () => {
  it('searches "dua sap" without diacritics and opens a wax-coconut product', async () => {
    const page = await phonePage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Tìm sản phẩm' }).first().fill('dua sap');
    await page.getByRole('searchbox', { name: 'Tìm sản phẩm' }).first().press('Enter');
    await page.waitForURL(/\/products\?/);
    const first = page.getByTestId('product-card').first();
    await first.waitFor();
    // The previous screen's cards can still be on show for a moment after the URL changes.
    await expect.poll(async () => fold(await first.innerText())).toContain('dua sap');
    await first.getByRole('link').first().click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    // The page shows a placeholder heading while the product loads; wait for the product's own.
    const heading = page.getByRole('heading', { level: 1, name: /dừa sáp/i });
    await heading.waitFor();
    expect(fold(await heading.innerText())).toContain('dua sap');
    await page.context().close();
  });

  it('searches with a typo ("dua sapp") and is told which phrase it found wax coconut by', async () => {
    const page = await phonePage();
    await page.goto(`${baseUrl}/products?q=${encodeURIComponent('dua sapp')}`);
    const note = page.getByTestId('search-correction');
    await note.waitFor();
    expect(await note.innerText()).toBe('Đã sửa lỗi gõ, tìm theo: “dua sap”');
    await expect.poll(async () => fold(await page.getByTestId('product-card').first().innerText())).toContain('dua sap');
    // Spelled right, there is nothing to say.
    await page.goto(`${baseUrl}/products?q=${encodeURIComponent('dừa sáp')}`);
    await page.getByTestId('product-card').first().waitFor();
    expect(await page.getByTestId('search-correction').count()).toBe(0);
    await page.context().close();
  });

  it('switches the interface between Vietnamese and English', async () => {
    const page = await phonePage();
    await page.goto(`${baseUrl}/products`);
    await page.getByRole('searchbox', { name: 'Tìm sản phẩm' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const toEnglish = page.getByTestId('language-switch');
    if ((await toEnglish.evaluate((el) => el.tagName)) === 'SELECT') await toEnglish.selectOption('en');
    else await toEnglish.click();
    await page.getByRole('searchbox', { name: 'Search products' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('searchbox', { name: 'Tìm sản phẩm' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('the demo cooperative manager', () => {
  it('logs in, creates a product with a VietGAP certificate and an image, publishes it and finds it in search', async () => {
    const page = await phonePage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-email').fill('coop@demo.cooplink.vn');
    await page.getByTestId('login-password').fill('cooplink-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.goto(`${baseUrl}/my/products/new`);
    const form = page.getByTestId('product-form');
    await form.waitFor();
    const name = `Gạo hữu cơ Long Hiệp thử nghiệm ${Date.now().toString(36)}`;
    await page.locator('#field-nameVi').fill(name);
    await page.locator('#field-categoryCode').selectOption({ index: 1 });
    await page.locator('#field-unit').selectOption('KGM');

    const dir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-e2e-'));
    const image = path.join(dir, 'lua.png');
    writeFileSync(image, PNG_1X1);
    await page.locator('#field-imageUploadIds').setInputFiles(image);
    await page.locator('img[src^="/uploads/"]').first().waitFor();

    await page.getByRole('button', { name: /Thêm chứng nhận/ }).click();
    await page.locator('#field-certifications-0-scheme').selectOption('VIETGAP');
    await page.locator('#field-certifications-0-number').fill('VG-TV-2026-001');
    await page.locator('#field-certifications-0-issuer').fill('Chi cục Quản lý Chất lượng Nông Lâm sản Trà Vinh');
    await page.locator('#field-certifications-0-issuedOn').fill('2026-01-15');
    await page.locator('#field-certifications-0-expiresOn').fill('2028-01-15');
    await page.getByTestId('save-product').click();

    const publish = page.getByTestId('publish-button');
    await publish.waitFor();
    await publish.click();
    await page.getByTestId('archive-button').waitFor();

    await page.goto(`${baseUrl}/products?q=${encodeURIComponent(fold(name))}`);
    const card = page.getByTestId('product-card').filter({ hasText: name });
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.first().innerText()).toMatch(/VietGAP/i);
    await page.context().close();
  });
});
