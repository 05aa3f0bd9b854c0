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

async function signedIn(email: string, language: 'vi' | 'en' = 'vi'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
  if (language === 'en') await context.addInitScript(() => localStorage.setItem('cooplink.lang', 'en'));
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('cooplink-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** GraphQL as the page's signed-in user, with its cookies, the way the app itself calls the API. */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post(`${baseUrl}/graphql`, {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const ME = `{ me { memberships { organizationId organizationKind } } }`;
type Me = { me: { memberships: { organizationId: string; organizationKind: string }[] } };

async function organization(page: Page, kind: 'BUSINESS' | 'COOPERATIVE'): Promise<string> {
  const me = await gql<Me>(page, ME);
  return me.me.memberships.find((m) => m.organizationKind === kind)!.organizationId;
}

/** A published product of the cooperative and where the cooperative is, to post a need it matches best. */
async function productOf(page: Page, cooperativeId: string) {
  const data = await gql<{
    cooperative: {
      area: { code: string };
      products: { edges: { node: { id: string; unit: string; category: { code: string } } }[] };
    };
  }>(
    page,
    `query ($id: ID!) { cooperative(id: $id) { area { code } products(first: 5) { edges { node { id unit category { code } } } } } }`,
    {
      id: cooperativeId,
    },
  );
  const product = data.cooperative.products.edges[0]!.node;
  return { productId: product.id, unit: product.unit, categoryCode: product.category.code, areaCode: data.cooperative.area.code };
}

async function postNeed(page: Page, businessId: string, title: string, p: { unit: string; categoryCode: string; areaCode: string }) {
  const data = await gql<{ postNeed: { id: string } }>(page, `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`, {
    input: {
      kind: 'OFFTAKE',
      businessId,
      title,
      categoryCode: p.categoryCode,
      quantity: 1,
      unit: p.unit,
      frequency: 'ONE_OFF',
      deliveryFrom: '2027-01-01',
      deliveryTo: '2027-12-31',
      deliveryAreaCode: p.areaCode,
      negotiable: true,
      expiresAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    },
  });
  return data.postNeed.id;
}

describe('linkage agreement and deliveries in the browser', () => {
  it('both sides take a proposal to a recorded agreement with its value and document, a delivery and completion', async () => {
    const business = await signedIn('business@demo.cooplink.vn');
    const coop = await signedIn('coop@demo.cooplink.vn');
    const businessId = await organization(business, 'BUSINESS');
    const cooperativeId = await organization(coop, 'COOPERATIVE');
    const product = await productOf(coop, cooperativeId);
    const needId = await postNeed(business, businessId, 'Hợp đồng thử nghiệm qua trình duyệt', product);
    const proposed = await gql<{ proposeLinkage: { id: string } }>(
      business,
      `mutation ($input: ProposeLinkageInput!) { proposeLinkage(input: $input) { ... on Linkage { id } } }`,
      { input: { needId, cooperativeId, productId: product.productId } },
    );
    const linkageUrl = `${baseUrl}/linkages/${proposed.proposeLinkage.id}`;

    // The cooperative accepts and opens the negotiation on its phone.
    await coop.goto(linkageUrl);
    await coop.getByRole('button', { name: 'Chấp nhận' }).click();
    await coop.getByTestId('linkage-status').getByText('Đã chấp nhận').waitFor();
    await coop.getByRole('button', { name: 'Bắt đầu thương thảo' }).click();
    const form = coop.getByTestId('agreement-form');
    await form.waitFor();
    // Recording the agreement is a form, not a bare button.
    expect(await coop.getByRole('button', { name: 'Ghi nhận hợp đồng' }).count()).toBe(0);

    await coop.locator('#agreement-quantity').fill('2500');
    await coop.locator('#agreement-unit').selectOption('KGM');
    await coop.locator('#agreement-price').fill('18.500');
    await coop.locator('#agreement-starts').fill('2026-11-01');
    await coop.locator('#agreement-ends').fill('2027-04-30');
    expect(await coop.getByTestId('agreement-total').innerText()).toContain('46.250.000');
    await coop.locator('#agreement-document').setInputFiles({ name: 'hop-dong.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await coop.getByTestId('agreement-document-attached').waitFor();
    await form.getByRole('button', { name: 'Lưu thỏa thuận' }).click();
    await coop.getByTestId('linkage-status').getByText('Đã ký kết').waitFor();
    expect(await coop.getByTestId('agreement-value').innerText()).toContain('46.250.000');
    const documentLink = coop.getByRole('link', { name: 'Xem tài liệu đã ký' });
    const documentHref = (await documentLink.getAttribute('href'))!;
    expect(documentHref).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png$/);
    // The link opens the signed scan in a new tab on the sign-in cookie; a visitor who is not signed in gets nothing.
    const [tab] = await Promise.all([coop.context().waitForEvent('page'), documentLink.click()]);
    await tab.waitForLoadState();
    expect(await tab.evaluate(() => document.images[0]?.naturalWidth)).toBe(1);
    await tab.close();
    const stranger = await browser.newContext();
    const strangerView = await (await stranger.newPage()).goto(`${baseUrl}${documentHref}`);
    expect(strangerView?.status()).toBe(404);
    await stranger.close();

    // A delivery that has not happened yet is refused in the form.
    const deliveries = coop.getByTestId('delivery-form');
    await coop.locator('#delivery-quantity').fill('1000');
    await coop.locator('#delivery-date').fill('2099-01-01');
    await deliveries.getByRole('button', { name: 'Lưu đợt giao hàng' }).click();
    await deliveries.getByText('Quá lớn.').waitFor();
    await coop.locator('#delivery-date').fill('2026-11-20');
    await coop.locator('#delivery-note').fill('Đợt 1, xe tải');
    await deliveries.getByRole('button', { name: 'Lưu đợt giao hàng' }).click();
    await coop.getByTestId('linkage-status').getByText('Đang giao hàng').waitFor();
    expect(await coop.getByTestId('deliveries').innerText()).toContain('Đợt 1, xe tải');
    expect(await coop.getByTestId('delivered-total').innerText()).toContain('1.000');

    // The business sees the same agreement and closes the linkage.
    await business.goto(linkageUrl);
    expect(await business.getByTestId('agreement-value').innerText()).toContain('46.250.000');
    await business.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
    await business.getByTestId('linkage-status').getByText('Hoàn thành').waitFor();
    expect(await business.getByTestId('timeline').innerText()).toContain('Đang giao hàng');
    expect(await business.getByTestId('delivery-form').count()).toBe(0);
    await business.context().close();
    await coop.context().close();
  });
});

describe('the live notification bell', () => {
  it('counts a need another user posts through the API without a reload, and again after the network comes back', async () => {
    const coop = await signedIn('coop@demo.cooplink.vn');
    const business = await signedIn('business@demo.cooplink.vn');
    const cooperativeId = await organization(coop, 'COOPERATIVE');
    const businessId = await organization(business, 'BUSINESS');
    const product = await productOf(coop, cooperativeId);
    await coop.goto(`${baseUrl}/my/inbox`);
    const bell = coop.getByTestId('bell-root');
    await coop.locator('[data-testid="bell-root"][data-live="true"]').waitFor();
    const count = async () => Number((await coop.getByTestId('bell-count').count()) ? await coop.getByTestId('bell-count').innerText() : 0);
    const before = await count();
    let graphqlRequests = 0;
    coop.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') graphqlRequests++;
    });

    const title = `Thu mua trực tiếp ${Date.now()}`;
    const needId = await postNeed(business, businessId, title, product);
    const ranked = await gql<{ needMatches: { edges: { node: { cooperative: { id: string } | null } }[] } }>(
      business,
      `query ($id: ID!) { needMatches(needId: $id, first: 5) { edges { node { cooperative { id } } } } }`,
      { id: needId },
    );
    expect(ranked.needMatches.edges.map((e) => e.node.cooperative?.id)).toContain(cooperativeId);
    await coop.waitForFunction((n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? 0) === n, before + 1);
    // It arrived over the socket: the page sent no request for it.
    expect(graphqlRequests).toBe(0);
    await bell.getByTestId('bell').click();
    expect(await coop.getByRole('dialog', { name: 'Thông báo' }).innerText()).toContain(title);
    await bell.getByTestId('bell').click();

    // The connection drops and comes back; the bell reconnects on its own.
    await coop.context().setOffline(true);
    await coop.locator('[data-testid="bell-root"][data-live="false"]').waitFor();
    await coop.context().setOffline(false);
    await coop.locator('[data-testid="bell-root"][data-live="true"]').waitFor({ timeout: 40_000 });
    await postNeed(business, businessId, `${title} lần 2`, product);
    await coop.waitForFunction((n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? 0) >= n, before + 2);
    await business.context().close();
    await coop.context().close();
  });
});

describe('the delivery-area picker', () => {
  it('narrows from province to district to commune in English, and the need is posted for that commune', async () => {
    const page = await signedIn('business@demo.cooplink.vn', 'en');
    await page.goto(`${baseUrl}/needs/new`);
    await page.getByRole('heading', { level: 1, name: 'Post a need' }).waitFor();
    await page.locator('#need-title').fill('Buying wax coconut for Cầu Kè');
    await page.locator('#need-category option[value="fruit.coconut.wax"]').waitFor({ state: 'attached' });
    await page.locator('#need-category').selectOption('fruit.coconut.wax');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('#need-quantity').fill('3');
    await page.locator('#need-from').fill('2027-03-01');
    await page.locator('#need-to').fill('2027-06-30');

    const picker = page.getByTestId('delivery-area');
    expect(await picker.innerText()).toContain('Delivery area');
    expect(await page.locator('#need-area-province option:checked').innerText()).toBe('Anywhere');
    expect(await page.locator('#need-area-district').count()).toBe(0);
    const province = await page.locator('#need-area-province option').nth(1).getAttribute('value');
    await page.locator('#need-area-province').selectOption(province!);
    await page.locator('#need-area-district option').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('#need-area-district option:checked').innerText()).toBe('The whole province');
    await page.locator('#need-area-district').selectOption({ label: 'Huyện Cầu Kè' });
    await page.locator('#need-area-commune option').nth(1).waitFor({ state: 'attached' });
    const commune = await page.locator('#need-area-commune option').nth(1).getAttribute('value');
    await page.locator('#need-area-commune').selectOption(commune!);

    // Going back and forth through the steps keeps the choice.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.locator('#need-area-commune').inputValue()).toBe(commune);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Post and see matches' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}\/matches$/);
    const needId = /\/needs\/([0-9a-f-]{36})\/matches$/.exec(page.url())![1]!;
    const saved = await gql<{ need: { deliveryArea: { code: string; level: number; parent: { name: string } } } }>(
      page,
      `query ($id: ID!) { need(id: $id) { deliveryArea { code level parent { name } } } }`,
      { id: needId },
    );
    expect(saved.need.deliveryArea).toEqual({ code: commune, level: 3, parent: { name: 'Huyện Cầu Kè' } });
    await page.context().close();
  });
});

describe('the shortlist in the browser', () => {
  it('keeps shortlisted matches across a reload and proposes to them', async () => {
    const page = await signedIn('business@demo.cooplink.vn');
    const businessId = await organization(page, 'BUSINESS');
    const needId = await postNeed(page, businessId, 'Danh sách chọn thử nghiệm', {
      unit: 'TNE',
      categoryCode: 'fruit.coconut.wax',
      areaCode: (await gql<{ areas: { code: string }[] }>(page, `{ areas { code } }`)).areas[0]!.code,
    });
    await page.goto(`${baseUrl}/needs/${needId}/matches`);
    const first = page.getByTestId('match').first();
    await first.waitFor();
    await first.getByRole('button', { name: 'Đưa vào danh sách chọn' }).click();
    await first.getByRole('button', { name: 'Đã chọn ✓' }).waitFor();
    await page.reload();
    await page.getByTestId('shortlist-entry').first().waitFor();
    expect(await page.getByTestId('shortlist-entry').count()).toBe(1);
    expect(await page.getByTestId('match').first().getByRole('button', { name: 'Đã chọn ✓' }).count()).toBe(1);
    await page.getByRole('button', { name: /Đề xuất liên kết với 1 hợp tác xã/ }).click();
    await page.getByTestId('shortlist-entry').getByRole('link', { name: 'Đã đề xuất' }).waitFor();
    await page.context().close();
  });
});
