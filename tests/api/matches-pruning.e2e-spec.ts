// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchingService } from '../../server/src/modules/matching/matching.service';
import { Need } from '../../server/src/modules/need/need.entity';
import { anyCommune, createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { inDays } from '../support/needs';

/**
 * A buyer's offtake need is ranked by reading products best score bound first
 * and stopping early. These tests hold that shortcut to the full ranking: every
 * candidate of the branch scored by the core and sorted, on a catalogue where
 * hundreds of products share the need's category and differ in every factor.
 */

const MATCHES = `query TPruneMatches($needId: ID!, $first: Int, $after: String) {
  needMatches(needId: $needId, first: $first, after: $after) {
    totalCount
    edges { cursor node { score factors { code weight value note } product { id } cooperative { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const POST = `mutation TPrunePost($input: PostNeedInput!) { postNeed(input: $input) { id } }`;

interface Edge {
  cursor: string;
  node: { score: number; factors: { code: string; weight: number; value: number; note: string }[]; product: { id: string } | null };
}
interface Conn {
  totalCount: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let server: TestServer;
let rep: TestUser;
let businessId: string;
let deliveryCommune: string;
const matching = new MatchingService();

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  deliveryCommune = await anyCommune(server, '845');
  // Cooperatives in the delivery commune, elsewhere in its district and province, and further away; some verified, some rated.
  const coops = [
    await createCooperative(server, { areaCode: deliveryCommune }),
    await createCooperative(server, { areaCode: deliveryCommune, verified: false }),
    await createCooperative(server, { areaCode: await anyCommune(server, '845') }),
    await createCooperative(server, { areaCode: await anyCommune(server, '842'), verified: false }),
    await createCooperative(server),
    await createCooperative(server, { areaCode: await anyCommune(server, '842') }),
  ];
  const classes = ['GOOD', 'FAIR', 'WEAK', 'AVERAGE'];
  for (const [i, id] of coops.slice(0, 4).entries())
    await server.query(`INSERT INTO cooperative_rating (cooperative_id, year, score, rating_class) VALUES ($1, 2025, $2, $3)`, [
      id,
      90 - i * 20,
      classes[i],
    ]);
  const categories = (
    await server.query<{ code: string }>(`SELECT code FROM category WHERE split_part(code, '.', 1) = 'fruit' ORDER BY code`)
  ).map((r) => r.code);
  // 600 products of the same branch, spread over every factor the bound reads and the two it does not (certificates, rating).
  await server.query(
    `INSERT INTO product (cooperative_id, category_code, name_vi, unit, capacity_per_month, available_months, price_min, price_max,
                          ocop_stars, ocop_year, status, published_at, updated_at)
     SELECT ($1::uuid[])[1 + i % cardinality($1::uuid[])],
            ($2::text[])[1 + (i * 7) % cardinality($2::text[])],
            'Sản phẩm thử ' || i,
            (ARRAY['TNE','KGM','TNE','BOX'])[1 + (i * 3) % 4],
            CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 37) % 60 END,
            CASE WHEN i % 4 = 0 THEN '{}'::smallint[] ELSE ARRAY[1 + i % 12, 1 + (i + 3) % 12, 1 + (i * 5) % 12]::smallint[] END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 10000000 + (i * 613) % 20000000 END,
            CASE WHEN i % 7 = 0 THEN NULL ELSE CASE WHEN i % 5 = 0 THEN 0 ELSE 10000000 + (i * 613) % 20000000 END + (i * 389) % 8000000 END,
            CASE WHEN i % 6 = 0 THEN 3 + (i / 6) % 3 END,
            CASE WHEN i % 6 = 0 THEN 2024 END,
            'PUBLISHED', now(), now() - make_interval(days => (i * 53) % 700)
       FROM generate_series(1, 600) AS i`,
    [coops, categories],
  );
  // Valid, expired and not-yet-valid certificates on a share of them.
  await server.query(
    `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
     SELECT id, (ARRAY['VIETGAP','GLOBALGAP','ORGANIC'])[1 + n % 3], 'C-' || n, 'Test',
            CASE WHEN n % 11 = 0 THEN current_date + 30 ELSE DATE '2024-01-01' END,
            CASE WHEN n % 13 = 0 AND n % 11 <> 0 THEN DATE '2024-06-01' ELSE DATE '2099-01-01' END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM product WHERE name_vi LIKE 'Sản phẩm thử %') t
      WHERE n % 3 = 0`,
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function post(extra: Record<string, unknown>): Promise<string> {
  const input = {
    kind: 'OFFTAKE',
    businessId,
    title: 'Thu mua dừa cho nhà máy',
    categoryCode: 'fruit.coconut.wax',
    quantity: 20,
    unit: 'TNE',
    frequency: 'MONTHLY',
    deliveryFrom: '2027-03-01',
    deliveryTo: '2027-06-30',
    priceMin: 15_000_000,
    priceMax: 25_000_000,
    expiresAt: inDays(30),
    ...extra,
  };
  const res = await server.gql<{ postNeed: { id: string } }, Record<string, unknown>>(POST, { input }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed.id;
}

async function page(needId: string, first: number, after?: string | null): Promise<Conn> {
  const res = await server.gql<{ needMatches: Conn }, Record<string, unknown>>(MATCHES, { needId, first, after }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.needMatches;
}

/** Every candidate scored by the core and sorted: the ranking the shortcut must reproduce. */
async function fullRanking(needId: string) {
  const need = await server.ds.getRepository(Need).findOneByOrFail({ id: needId });
  return matching.rankForNeed(server.ds.manager, need);
}

const NEEDS: [string, Record<string, unknown>][] = [
  ['a priced monthly need in one season', {}],
  ['a need delivered to a commune', { deliveryAreaCode: '' }],
  ['a negotiable need in kilograms, all year', { negotiable: true, unit: 'KGM', quantity: 5000, deliveryTo: '2028-02-28' }],
  ['a need with a low price ceiling', { priceMin: null, priceMax: 12_000_000, quantity: 3 }],
  ['a need requiring a certificate', { requiredCertifications: ['VIETGAP'] }],
  ['a need requiring OCOP stars, broad category', { minOcopStars: 4, categoryCode: 'fruit' }],
];

describe('needMatches reads the best candidates first and ranks exactly as scoring all of them', () => {
  for (const [label, extra] of NEEDS) {
    it(label, async () => {
      const needId = await post(extra.deliveryAreaCode === '' ? { ...extra, deliveryAreaCode: deliveryCommune } : extra);
      const full = await fullRanking(needId);
      expect(full.length).toBeGreaterThan(20);
      const need = await server.ds.getRepository(Need).findOneByOrFail({ id: needId });
      for (const k of [0, 1, 5, 20, 100, 250, full.length + 10]) {
        const { total, top } = await matching.topForOfftake(server.ds.manager, need, k);
        expect(total).toBe(full.length);
        expect(top).toEqual(full.slice(0, k));
      }
      // Over the API: a first page, the page after it, and a larger page agree with the full ranking, factors included.
      const view = (rows: typeof full) => rows.map((r) => ({ score: r.score, factors: r.factors, product: { id: r.productId } }));
      const first = await page(needId, 20);
      expect(first.totalCount).toBe(full.length);
      expect(first.edges.map((e) => ({ score: e.node.score, factors: e.node.factors, product: e.node.product }))).toEqual(
        view(full.slice(0, 20)),
      );
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(needId, 7, first.pageInfo.endCursor);
      expect(second.edges.map((e) => e.node.product?.id)).toEqual(full.slice(20, 27).map((r) => r.productId));
      const big = await page(needId, 100);
      expect(big.edges.map((e) => e.node.product?.id)).toEqual(full.slice(0, 100).map((r) => r.productId));
      for (const { node } of big.edges)
        expect(node.factors.reduce((s, f) => s + Math.round(f.value * 100), 0)).toBe(Math.round(node.score * 100));
    });
  }

  it('the last page ends the list and a page past the end is empty', async () => {
    const needId = await post({ requiredCertifications: ['ORGANIC'], minOcopStars: 3 });
    const full = await fullRanking(needId);
    const all = await page(needId, 100);
    expect(all.totalCount).toBe(full.length);
    expect(all.edges.map((e) => e.node.product?.id)).toEqual(full.map((r) => r.productId));
    expect(all.pageInfo.hasNextPage).toBe(false);
    const past = await page(needId, 5, all.edges.at(-1)?.cursor ?? null);
    expect(past.edges).toEqual([]);
    expect(past.pageInfo.hasNextPage).toBe(false);
  });
});
