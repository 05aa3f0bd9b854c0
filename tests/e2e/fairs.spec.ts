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
    // At 360 px each meeting is a stacked card: nothing, the contact included, runs off the screen.
    const box = (await agenda.locator('tbody tr').first().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('prints only the agenda when a participant prints it from the event page', async () => {
    const page = await signedIn('coop@demo.cooplink.vn', { width: 1280, height: 900 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026' }).click();
    const agenda = page.getByTestId('agenda');
    await agenda.locator('tbody tr').first().waitFor();
    // The print dialog is replaced by a no-op, so the page stays as it is laid out for paper.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await agenda.getByRole('button', { name: 'In' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await agenda.isVisible()).toBe(true);
    expect(await agenda.locator('tbody tr').first().isVisible()).toBe(true);
    for (const selector of ['.slot-toggles', '.fair-facts', '[data-testid="partner-search"]', 'h1'])
      expect(await page.locator(selector).first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
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

  it('explains a refused move on the grid: a meeting moved onto a participant busy in that slot', async () => {
    const page = await signedIn('staff@demo.cooplink.vn', { width: 1280, height: 900 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026' }).click();
    const grid = page.getByTestId('meeting-grid');
    await grid.locator('td.grid-meeting').first().waitFor();
    // Find a meeting and an empty cell in another slot where one of its two sides already meets someone.
    const plan = await grid.evaluate((table) => {
      const rows: (string[] | null)[][] = Array.from(table.querySelectorAll('tbody tr'), (tr) =>
        Array.from(tr.querySelectorAll('td'), (td) =>
          td.classList.contains('grid-meeting') ? (td.querySelector('button')?.textContent ?? '').split(' × ') : null,
        ),
      );
      for (const [r1, row1] of rows.entries())
        for (const [c1, m1] of row1.entries()) {
          if (!m1) continue;
          for (const [r2, row2] of rows.entries()) {
            if (r2 === r1 || !row2.some((m2) => m2 && m2.some((n: string) => m1.includes(n)))) continue;
            const empty = row2.findIndex((cell) => cell === null);
            if (empty >= 0) return { r1, c1, r2, empty };
          }
        }
      return null;
    });
    expect(plan).not.toBeNull();
    const rows = grid.locator('tbody tr');
    await rows.nth(plan!.r1).locator('td').nth(plan!.c1).locator('button').first().click();
    await rows.nth(plan!.r2).locator('td').nth(plan!.empty).getByRole('button', { name: 'Chuyển vào đây' }).click();
    const alert = page.locator('.meeting-grid-wrap [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Không thể chuyển cuộc gặp đến đó');
    expect(await alert.innerText()).toMatch(/đã có cuộc gặp khác trong khung giờ này|đã báo bận/);
    // The grid stayed on screen while the page refreshed, and the meeting did not move.
    expect(await rows.nth(plan!.r2).locator('td').nth(plan!.empty).getAttribute('class')).toBe('grid-empty');
    await page.context().close();
  });

  it('keeps a phone where it was when a manager ticks a slot off far down the page', async () => {
    const page = await signedIn('coop@demo.cooplink.vn', { width: 360, height: 740 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026' }).click();
    const box = page.locator('.slot-toggles input[type="checkbox"]').last();
    await box.waitFor();
    // The request a company sent waits for the manager's answer.
    await page.getByRole('button', { name: 'Nhận lời' }).first().waitFor();
    await box.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(200);
    // The box follows the saved availability: it clears once the server has the change and the page refetched.
    const refetched = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('FairDetail'));
    await box.click();
    await refetched;
    await expect.poll(() => box.isChecked()).toBe(false);
    await page.waitForLoadState('networkidle');
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(40);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.context().close();
  });

  it('lets staff book a meeting for a cooperative and check a participant in at the door', async () => {
    const page = await signedIn('staff@demo.cooplink.vn', { width: 1280, height: 900 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026' }).click();
    const book = page.getByTestId('book-on-behalf');
    const cooperative = book.getByLabel('Hợp tác xã');
    await cooperative.locator('option').nth(2).waitFor({ state: 'attached' });
    await cooperative.selectOption({ index: 2 });
    await book.getByLabel('Lý do muốn gặp (không bắt buộc)').fill('HTX nhờ cán bộ đặt lịch gặp');
    // Some pairs already asked each other; the first company free of a request gets the booking.
    const rows = book.getByTestId('book-counterparts').locator('li');
    await rows.first().waitFor();
    let booked = false;
    for (let i = 0; i < (await rows.count()) && !booked; i++) {
      await rows.nth(i).getByRole('button', { name: 'Đặt lịch' }).click();
      const done = book.getByRole('status');
      const refused = rows.nth(i).getByRole('alert');
      await Promise.race([done.waitFor(), refused.waitFor()]);
      booked = await done.isVisible();
    }
    expect(booked).toBe(true);
    expect(await book.getByRole('status').innerText()).toMatch(/^Đã đặt: .+ gặp .+\./);

    const checkIn = page.getByTestId('check-in');
    const count = checkIn.getByText(/đơn vị đã có mặt/);
    const presentBefore = Number((await count.innerText()).split('/')[0]);
    await checkIn.getByLabel('Tìm đơn vị tham gia').fill('Long Hiep');
    await checkIn.getByRole('button', { name: /^Điểm danh .*Long Hiệp/ }).click();
    await checkIn.getByTestId('checked-in').first().waitFor();
    expect(await checkIn.getByTestId('checked-in').first().innerText()).toMatch(/Có mặt lúc \d{2}:\d{2}/);
    expect(Number((await count.innerText()).split('/')[0])).toBe(presentBefore + 1);
    await page.context().close();
  });

  it('shows staff the agreements and their value in the completed demo fair’s report, with charts', async () => {
    const page = await signedIn('staff@demo.cooplink.vn', { width: 390, height: 844 });
    await page.goto(`${baseUrl}/fairs`);
    await page.getByRole('link', { name: 'Hội chợ Thương mại – Nông sản Trà Vinh 2025' }).click();
    const agreements = page.getByTestId('report-agreements');
    await agreements.waitFor();
    expect(await agreements.innerText()).toMatch(/^[1-9]\d* thỏa thuận, trị giá [1-9][\d.]*\s?₫/);
    expect(await page.getByTestId('report-meetings').locator('li').count()).toBe(6);
    const areas = page.getByTestId('report-areas');
    expect(await areas.locator('li').count()).toBeGreaterThan(0);
    expect(await areas.innerText()).toMatch(/Trà Cú|Châu Thành|Cầu Kè|Tiểu Cần|Càng Long|Cầu Ngang|Duyên Hải|Trà Vinh/);
    await page.context().close();
  });
});
