// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { postPomeloNeed, servedRanking, tableRanking } from '../support/matches';

/**
 * A correction run by hand may empty certificates or ratings with TRUNCATE,
 * which the triggers on insert, update and delete do not see. Buyers must not
 * be ranked on certificates or ratings that are gone.
 */

let server: TestServer;
let rep: TestUser;
let businessId: string;

/** A negotiable pomelo need: no price range. */
function post(): Promise<string> {
  return postPomeloNeed(server, rep, businessId, { priceMin: undefined, priceMax: undefined });
}

async function agrees(id: string) {
  expect(await servedRanking(server, rep, id)).toEqual(await tableRanking(server, id));
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
