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

async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('cooplink-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('fairs', () => {
  it('lets staff run the scheduler on the demo conference and see the quality figure and the grid', async () => {
    const page = await signedIn('staff@demo.cooplink.vn', { width: 1280, height: 900 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026' }).click();
    await page.getByRole('button', { name: 'Xếp lịch tự động' }).click();
    const summary = page.getByTestId('schedule-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Chất lượng: \d/);
    const grid = page.getByTestId('meeting-grid');
    await grid.waitFor();
    expect(await grid.locator('td.grid-meeting').count()).toBeGreaterThan(5);
    await page.context().close();
  });

  it('shows a cooperative manager the agenda of its cooperative on a phone', async () => {
    const page = await signedIn('coop@demo.cooplink.vn', { width: 360, height: 740 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội chợ Thương mại – Nông sản Trà Vinh 2025' }).click();
    const agenda = page.getByTestId('agenda');
    await agenda.waitFor();
    expect(await agenda.innerText()).toContain('Lịch gặp của');
    await agenda.locator('tbody tr').first().waitFor();
    expect(await agenda.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lets a cooperative manager record "negotiation started" after a held meeting and open its linkage with one click', async () => {
    const page = await signedIn('coop@demo.cooplink.vn', { width: 390, height: 844 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội chợ Thương mại – Nông sản Trà Vinh 2025' }).click();
    const agenda = page.getByTestId('agenda');
    await agenda.locator('tbody tr').first().waitFor();
    await agenda.getByTestId('agenda-meeting-link').first().click();
    const status = page.getByTestId('meeting-status');
    await status.waitFor();
    const meetingUrl = page.url();
    // Should the meeting have been marked a no-show, the manager corrects it: both sides did come.
    if ((await status.getAttribute('data-status')) !== 'HELD') {
      for (const box of await page.getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
      await page.locator('[data-testid="meeting-status"][data-status="HELD"]').waitFor();
    }
    await page.getByLabel('Bắt đầu đàm phán').check();
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    await page.getByRole('button', { name: 'Mở liên kết từ cuộc gặp này' }).click();
    await page.waitForURL(/\/linkages\//);
    const linkageUrl = page.url();
    expect(await page.getByTestId('linkage-status').textContent()).toBe('Đang thương thảo');
    const origin = page.getByTestId('linkage-from-fair');
    expect(await origin.innerText()).toContain('Hội chợ Thương mại – Nông sản Trà Vinh 2025');
    // And back: the meeting now leads to the same linkage instead of opening another.
    await origin.getByRole('link').click();
    await page.waitForURL(meetingUrl);
    await page.getByRole('link', { name: /Xem liên kết/ }).click();
    await page.waitForURL(linkageUrl);
    await page.context().close();
  });
});
