import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

const PHONE = 'Mozilla/5.0 (Linux; Android 10; Redmi 9A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A manager of their own, so changing the password leaves the shared demo accounts alone. */
async function registerUser(): Promise<{ email: string; password: string }> {
  const email = `account-${randomBytes(4).toString('hex')}@test.cooplink.vn`;
  const password = 'mật khẩu ban đầu';
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`,
      variables: { input: { email, password, displayName: 'Chị Lan', locale: 'vi' } },
    }),
  });
  const body = (await res.json()) as { data?: { register?: { __typename: string } } };
  if (body.data?.register?.__typename !== 'AuthPayload') throw new Error(`registration failed: ${JSON.stringify(body)}`);
  return { email, password };
}

async function signIn(userAgent: string, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', userAgent });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return context;
}

describe('account and devices', () => {
  it('lets a manager sign a lost device out and change the password, in Vietnamese', async () => {
    const user = await registerUser();
    const phone = await signIn(PHONE, user.email, user.password);
    const desktop = await signIn(DESKTOP, user.email, user.password);
    const page = phone.pages()[0]!;

    await page.locator('.user-menu summary').click();
    await page.getByTestId('account-link').click();
    await page.waitForURL((url) => url.pathname === '/my/account');
    await page.getByTestId('device-current').waitFor();
    expect(await page.getByTestId('device-current').innerText()).toContain('Chrome trên Android');
    expect(await page.getByTestId('device-current').innerText()).toContain('Thiết bị này');
    // The desktop, and the session the sign-up itself opened.
    expect(await page.getByTestId('device-other').count()).toBe(2);
    const desktopRow = page.getByTestId('device-other').filter({ hasText: 'Chrome trên Windows' });

    await desktopRow.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Đã đăng xuất thiết bị.').waitFor();
    await expect.poll(() => page.getByTestId('device-other').count(), { timeout: 10_000 }).toBe(1);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('sign-out-others').click();
    await page.getByText('Tài khoản chỉ đang đăng nhập trên thiết bị này.').waitFor();
    expect(await page.getByTestId('device-other').count()).toBe(0);

    // The desktop's session is gone: the next screen it opens asks it to sign in again.
    const desk = desktop.pages()[0]!;
    await desk.goto(`${baseUrl}/my/account`);
    await desk.waitForURL((url) => url.pathname.startsWith('/login'));

    const form = page.getByTestId('change-password');
    await form.locator('#current-password').fill('không phải mật khẩu');
    await form.locator('#new-password').fill('mật khẩu mới 2026');
    await form.locator('#confirm-password').fill('mật khẩu mới 2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();

    await form.locator('#current-password').fill(user.password);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    expect(await form.locator('#current-password').inputValue()).toBe('');

    const again = await signIn(DESKTOP, user.email, 'mật khẩu mới 2026');
    expect(new URL(again.pages()[0]!.url()).pathname).not.toBe('/login');
    await Promise.all([phone.close(), desktop.close(), again.close()]);
  });
});
