// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { addPomeloProduct, postPomeloNeed, servedRanking, tableRanking } from '../support/matches';

/**
 * The server ranks a buyer's offtake need over product profiles it keeps in
 * memory. These tests change the catalogue in every way that moves a ranking,
 * straight in the database as another server process would, and check that
 * the very next needMatches answers exactly as scoring every candidate in SQL.
 */

let server: TestServer;
let rep: TestUser;
let businessId: string;
let coops: string[];
let needId: string;
let certNeedId: string;

function post(extra: Record<string, unknown> = {}): Promise<string> {
  return postPomeloNeed(server, rep, businessId, extra);
}

/** What the API ranks, as product ids with scores. */
function served(id: string) {
  return servedRanking(server, rep, id);
}

/** Every candidate scored from the tables themselves. */
function expected(id: string) {
  return tableRanking(server, id);
}

async function agrees(id = needId) {
  expect(await served(id)).toEqual(await expected(id));
}

function addProduct(cooperativeId: string, capacity: number, extra = ''): Promise<string> {
  return addPomeloProduct(server, cooperativeId, capacity, `Bưởi Năm Roi thử ${extra}`);
}

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  coops = [await createCooperative(server), await createCooperative(server, { verified: false }), await createCooperative(server)];
  // Enough close candidates that every change below moves someone in or out of the first page.
  await server.query(
    `INSERT INTO product (cooperative_id, category_code, name_vi, unit, capacity_per_month, available_months, price_min, price_max,
                          status, published_at, updated_at)
     SELECT ($1::uuid[])[1 + i % 3], (ARRAY['fruit.citrus.pomelo','fruit.citrus','fruit.coconut.wax'])[1 + (i / 3) % 3], 'Bưởi thử ' || i, 'TNE',
            5 + i % 20, ARRAY[1 + i % 12, 1 + (i + 2) % 12]::smallint[], 18000000 + (i * 97) % 15000000, 28000000 + (i * 89) % 9000000,
            'PUBLISHED', now(), now() - make_interval(days => (i * 37) % 500)
       FROM generate_series(1, 150) AS i`,
    [coops],
  );
  needId = await post();
  certNeedId = await post({ requiredCertifications: ['VIETGAP'] });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('needMatches follows the catalogue from one request to the next', () => {
  it('agrees with the full ranking before anything changes', async () => {
    await agrees();
    expect((await served(needId)).total).toBeGreaterThan(100);
  });

  it('sees a new product, a capacity raised, and a product unpublished, deleted or moved to another branch', async () => {
    const fresh = await addProduct(coops[0]!, 40, 'mới');
    await agrees();
    expect((await served(needId)).top[0]![0]).toBe(fresh);

    const [lowRow] = await server.query<{ id: string }>(
      `SELECT id FROM product WHERE cooperative_id = $1 AND category_code = 'fruit.citrus.pomelo' ORDER BY capacity_per_month, id LIMIT 1`,
      [coops[2]],
    );
    const low = lowRow!.id;
    await server.query(`UPDATE product SET capacity_per_month = 500, available_months = '{3,4,5}', updated_at = now() WHERE id = $1`, [
      low,
    ]);
    await agrees();
    expect((await served(needId)).top.slice(0, 2).map((r) => r[0])).toContain(low);

    await server.query(`UPDATE product SET status = 'DRAFT' WHERE id = $1`, [fresh]);
    await agrees();
    expect((await served(needId)).top.map((r) => r[0])).not.toContain(fresh);

    await server.query(`UPDATE product SET category_code = 'vegetable.leafy' WHERE id = $1`, [low]);
    await agrees();
    expect((await served(needId)).top.map((r) => r[0])).not.toContain(low);

    const doomed = await addProduct(coops[1]!, 45, 'xoá');
    expect((await served(needId)).top[0]![0]).toBe(doomed);
    await server.query(`DELETE FROM product WHERE id = $1`, [doomed]);
    await agrees();
    expect((await served(needId)).top.map((r) => r[0])).not.toContain(doomed);
  });

  it('sees a cooperative suspended and reinstated, verified, and rated', async () => {
    const before = await served(needId);
    await server.query(`UPDATE cooperative SET status = 'SUSPENDED' WHERE id = $1`, [coops[0]]);
    await agrees();
    expect((await served(needId)).total).toBeLessThan(before.total);
    await server.query(`UPDATE cooperative SET status = 'OPERATING' WHERE id = $1`, [coops[0]]);
    await agrees();
    expect((await served(needId)).total).toBe(before.total);

    await server.query(`UPDATE cooperative SET verified_at = now() WHERE id = $1`, [coops[1]]);
    await agrees();
    await server.query(`INSERT INTO cooperative_rating (cooperative_id, year, score, rating_class) VALUES ($1, 2025, 92, 'GOOD')`, [
      coops[2],
    ]);
    await agrees();
    await server.query(`UPDATE cooperative_rating SET rating_class = 'WEAK', score = 30 WHERE cooperative_id = $1`, [coops[2]]);
    await agrees();
    expect(await served(needId)).not.toEqual(before);
  });

  it('admits a product once it holds a valid certificate the need requires, and drops it when the certificate lapses', async () => {
    expect((await served(certNeedId)).total).toBe(0);
    const [row] = await server.query<{ id: string }>(
      `SELECT id FROM product WHERE cooperative_id = $1 AND category_code = 'fruit.citrus.pomelo' AND status = 'PUBLISHED' ORDER BY id LIMIT 1`,
      [coops[1]],
    );
    const id = row!.id;
    await server.query(
      `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
       VALUES ($1, 'VIETGAP', 'VG-THU-1', 'Trung tâm Chứng nhận', current_date - 100, current_date + 200)`,
      [id],
    );
    await agrees(certNeedId);
    expect((await served(certNeedId)).top.map((r) => r[0])).toEqual([id]);
    // Not valid yet counts as not held.
    await server.query(`UPDATE certification SET issued_on = current_date + 5, expires_on = current_date + 300 WHERE product_id = $1`, [
      id,
    ]);
    await agrees(certNeedId);
    expect((await served(certNeedId)).total).toBe(0);
    await server.query(`UPDATE certification SET issued_on = current_date - 400, expires_on = current_date - 1 WHERE product_id = $1`, [
      id,
    ]);
    await agrees(certNeedId);
    expect((await served(certNeedId)).total).toBe(0);
  });

  it('does not miss a change that commits after a later one was already seen', async () => {
    const late = await addProduct(coops[0]!, 1, 'chậm');
    await agrees();
    // A long transaction raises the product's capacity but holds its commit...
    const slow = server.ds.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      await slow.query(`UPDATE product SET capacity_per_month = 900, updated_at = now() WHERE id = $1`, [late]);
      // ...while another change commits and the server looks at the profiles in between.
      await addProduct(coops[0]!, 2, 'nhanh');
      await agrees();
      expect((await served(needId)).top[0]![0]).not.toBe(late);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    await agrees();
    expect((await served(needId)).top[0]![0]).toBe(late);
  });

  it('does not keep what a transaction wrote and then rolled back', async () => {
    const [row] = await server.query<{ id: string }>(`SELECT id FROM product WHERE name_vi = 'Bưởi Năm Roi thử nhanh'`);
    const id = row!.id;
    const runner = server.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`UPDATE product SET capacity_per_month = 5000 WHERE id = $1`, [id]);
      await agrees();
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    await agrees();
    expect((await served(needId)).top[0]![0]).not.toBe(id);
  });
});
