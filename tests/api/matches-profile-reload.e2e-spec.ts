// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchingService } from '../../server/src/modules/matching/matching.service';
import { Need } from '../../server/src/modules/need/need.entity';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { inDays } from '../support/needs';

/**
 * A correction run by hand may empty certificates or ratings with TRUNCATE,
 * which the triggers on insert, update and delete do not see. Buyers must not
 * be ranked on certificates or ratings that are gone.
 */

const MATCHES = `query TReloadMatches($needId: ID!) {
  needMatches(needId: $needId, first: 100) { totalCount edges { node { score product { id } } } }
}`;
const POST = `mutation TReloadPost($input: PostNeedInput!) { postNeed(input: $input) { id } }`;

let server: TestServer;
let rep: TestUser;
let businessId: string;
const reference = new MatchingService();

async function post(): Promise<string> {
  const input = {
    kind: 'OFFTAKE',
    businessId,
    title: 'Thu mua bưởi cho chuỗi siêu thị',
    categoryCode: 'fruit.citrus.pomelo',
    quantity: 30,
    unit: 'TNE',
    frequency: 'MONTHLY',
    deliveryFrom: '2027-03-01',
    deliveryTo: '2027-05-31',
    expiresAt: inDays(30),
  };
  const res = await server.gql<{ postNeed: { id: string } }, Record<string, unknown>>(POST, { input }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed.id;
}

async function agrees(id: string) {
  const res = await server.gql<
    { needMatches: { totalCount: number; edges: { node: { score: number; product: { id: string } | null } }[] } },
    Record<string, unknown>
  >(MATCHES, { needId: id }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  const need = await server.ds.getRepository(Need).findOneByOrFail({ id });
  const full = await reference.rankForNeed(server.ds.manager, need);
  expect({
    total: res.data.needMatches.totalCount,
    top: res.data.needMatches.edges.map((e) => [e.node.product?.id ?? null, e.node.score]),
  }).toEqual({ total: full.length, top: full.slice(0, 100).map((m) => [m.productId, m.score]) });
}

/** A cooperative with a rating and a few certified pomelo products. */
async function catalogue(): Promise<string> {
  const coop = await createCooperative(server);
  await server.query(`INSERT INTO cooperative_rating (cooperative_id, year, score, rating_class) VALUES ($1, 2025, 95, 'GOOD')`, [coop]);
  const rows = await server.query<{ id: string }>(
    `INSERT INTO product (cooperative_id, category_code, name_vi, unit, capacity_per_month, available_months, status, published_at)
     SELECT $1, 'fruit.citrus.pomelo', 'Bưởi thử ' || i, 'TNE', 10 + i, '{3,4,5}', 'PUBLISHED', now() FROM generate_series(1, 5) i
     RETURNING id`,
    [coop],
  );
  await server.query(
    `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
     SELECT id, 'VIETGAP', 'VG-' || id, 'Trung tâm Chứng nhận', current_date - 10, current_date + 300 FROM unnest($1::uuid[]) id`,
    [rows.map((r) => r.id)],
  );
  return coop;
}

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  await catalogue();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('match profiles when tables are emptied wholesale', () => {
  it('forgets certificates and ratings emptied with TRUNCATE', async () => {
    const needId = await post();
    await agrees(needId);
    await server.query(`TRUNCATE certification CASCADE`);
    await agrees(needId);
    await server.query(`TRUNCATE cooperative_rating`);
    await agrees(needId);
  });
});
