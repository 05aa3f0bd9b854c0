import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('certificate reminders', () => {
  it('show the demo manager which certificates expire soon, on the products page', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-email').fill('coop@demo.cooplink.vn');
    await page.getByTestId('login-password').fill('cooplink-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/my/products`);
    const panel = page.getByTestId('certificate-reminders');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/hết hạn ngày \d{2}\/\d{2}\/\d{4}/);
    await context.close();
  });
});
