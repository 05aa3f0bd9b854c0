import ExcelJS from 'exceljs';
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

/** A phone-sized page signed in as the given demo account. */
async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('cooplink-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('the oversight dashboard', () => {
  it('lets provincial staff open it, pick a district, drill down and export the register', async () => {
    const page = await signedIn('staff@demo.cooplink.vn');
    await page.getByRole('link', { name: 'Giám sát' }).first().click();
    await page.waitForURL(/\/staff\/oversight/);
    await page.getByTestId('oversight-area').filter({ hasText: 'Tỉnh Trà Vinh' }).waitFor();
    await page.getByTestId('accountability-table').waitFor();

    await page.getByTestId('area-picker').selectOption('845');
    await page.waitForURL(/area=845/);
    await page.getByTestId('oversight-area').filter({ hasText: 'Cầu Kè' }).waitFor();
    const coops = page.getByTestId('area-cooperatives').getByRole('link');
    await coops.first().waitFor();
    expect(await coops.count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-register-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^hop-tac-xa-845-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.getWorksheet('Hợp tác xã')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên hợp tác xã');
    expect(sheet.rowCount - 1).toBe(await coops.count());

    // Drill down to one cooperative's file and record this year's assessment.
    const name = await coops.first().innerText();
    await coops.first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const form = page.getByTestId('rating-form');
    await form.getByLabel('Năm').fill('2025');
    await form.getByLabel('Điểm').fill('80');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('row').filter({ hasText: '2025' }).filter({ hasText: 'Tốt' }).waitFor();
    await page.context().close();
  });

  it('keeps an officer scoped to Cầu Kè within Cầu Kè', async () => {
    const page = await signedIn('staff.cauke@demo.cooplink.vn');
    await page.goto(`${baseUrl}/staff/oversight`);
    await page.getByTestId('oversight-area').filter({ hasText: 'Cầu Kè' }).waitFor();
    const options = await page.getByTestId('area-picker').locator('option').allInnerTexts();
    expect(options.some((o) => o.includes('Tỉnh Trà Vinh'))).toBe(false);
    await page.context().close();
  });
});
