// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from 'typeorm';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { addPomeloProduct, postPomeloNeed, servedRanking, tableRanking } from '../support/matches';
import { gqlOwnConnection } from '../support/parallel';

/**
 * Two people change the catalogue at the same moment: a cooperative manager
 * edits a product while provincial staff verify the cooperative, or add a
 * certificate, or move the product. Whatever order their transactions commit
 * in, the match profile must end up as the tables say, so the buyer's next
 * needMatches still equals the ranking scored straight from the tables.
 */

let server: TestServer;
let rep: TestUser;
let businessId: string;
let needId: string;

function post(extra: Record<string, unknown> = {}): Promise<string> {
  return postPomeloNeed(server, rep, businessId, extra);
}

function served(id = needId) {
  return servedRanking(server, rep, id);
}

function expected(id = needId) {
  return tableRanking(server, id);
}

async function agrees(id = needId) {
  expect(await served(id)).toEqual(await expected(id));
}

function addProduct(cooperativeId: string, capacity: number): Promise<string> {
  return addPomeloProduct(server, cooperativeId, capacity, 'Bưởi da xanh thử');
}

async function opened(): Promise<QueryRunner> {
  const runner = server.ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  return runner;
}

/** Resolves once another session of this database waits for a row lock, or `settled()` says the second writer is done. */
async function waitingOrDone(settled: () => boolean): Promise<void> {
  for (;;) {
    if (settled()) return;
    const [row] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `first` in one open transaction, then `second` in another, which may
 * have to wait for the first's locks; commits the first, then the second.
 */
async function overlapping(first: (r: QueryRunner) => Promise<unknown>, second: (r: QueryRunner) => Promise<unknown>) {
  const a = await opened();
  const b = await opened();
  try {
    await first(a);
    let done = false;
    const later = second(b).finally(() => {
      done = true;
    });
    await waitingOrDone(() => done);
    await a.commitTransaction();
    await later;
    await b.commitTransaction();
  } finally {
    await a.release();
    await b.release();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  const coop = await createCooperative(server);
  for (let i = 0; i < 6; i++) await addProduct(coop, 5 + i);
  needId = await post();
  await agrees();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('match profiles with two writers at once', () => {
  it('keeps a product edit made while staff verify its cooperative', async () => {
    const coop = await createCooperative(server, { verified: false });
    const product = await addProduct(coop, 1);
    await agrees();
    await overlapping(
      (a) => a.query(`UPDATE product SET capacity_per_month = 900, updated_at = now() WHERE id = $1`, [product]),
      (b) => b.query(`UPDATE cooperative SET verified_at = now() WHERE id = $1`, [coop]),
    );
    await agrees();
    expect((await served()).top[0]![0]).toBe(product);
  });

  it('keeps a product edit made while a certificate is added to it', async () => {
    const coop = await createCooperative(server);
    const product = await addProduct(coop, 2);
    await overlapping(
      (a) => a.query(`UPDATE product SET capacity_per_month = 950, updated_at = now() WHERE id = $1`, [product]),
      (b) =>
        b.query(
          `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
           VALUES ($1, 'VIETGAP', 'VG-HAI-1', 'Trung tâm Chứng nhận', current_date - 10, current_date + 200)`,
          [product],
        ),
    );
    await agrees();
    expect((await served()).top[0]![0]).toBe(product);
  });

  it('shows a product moved into a cooperative with the verification staff gave it meanwhile', async () => {
    const from = await createCooperative(server, { verified: false });
    const to = await createCooperative(server, { verified: false });
    const product = await addProduct(from, 500);
    await agrees();
    const before = (await served()).top.find((r) => r[0] === product)![1];
    await overlapping(
      (a) => a.query(`UPDATE product SET cooperative_id = $2 WHERE id = $1`, [product, to]),
      (b) => b.query(`UPDATE cooperative SET verified_at = now() WHERE id = $1`, [to]),
    );
    await agrees();
    expect((await served()).top.find((r) => r[0] === product)![1]).toBeGreaterThan(before as number);
  });

  it('lets twenty managers edit a cooperative’s products while staff change the cooperative, with no deadlock', async () => {
    const coop = await createCooperative(server);
    const manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coop });
    const products: string[] = [];
    for (let i = 0; i < 20; i++) products.push(await addProduct(coop, 3 + i));
    const UPDATE = `mutation TWritersUpdate($input: UpdateProductInput!) {
      updateProduct(input: $input) { __typename ... on Product { id } ... on ErrorResult { code } } }`;
    const edits = products.map((id, i) =>
      gqlOwnConnection<{ updateProduct: { __typename: string } }>(
        server.url,
        UPDATE,
        {
          input: {
            id,
            version: 1,
            capacityPerMonth: 100 + i,
            certifications: [{ scheme: 'VIETGAP', number: `VG-${i}`, issuer: 'Trung tâm Chứng nhận', issuedOn: '2026-01-01' }],
          },
        },
        manager.token,
      ),
    );
    // Staff change the cooperative's verification and area while the edits run.
    const staff = [0, 1, 2, 3].map((i) =>
      i % 2 === 0
        ? server.query(`UPDATE cooperative SET verified_at = NULL WHERE id = $1`, [coop])
        : server.query(
            `UPDATE cooperative SET verified_at = now(), area_code = (SELECT code FROM area WHERE level = 3 ORDER BY code OFFSET $2 LIMIT 1) WHERE id = $1`,
            [coop, i],
          ),
    );
    const results = await Promise.all(edits);
    await Promise.all(staff);
    expect(results.map((r) => r.errors ?? r.data!.updateProduct.__typename)).toEqual(products.map(() => 'Product'));
    await agrees();
    const [row] = await server.query<{ stale: number }>(
      `SELECT count(*)::int AS stale FROM match_profile m JOIN product p ON p.id = m.product_id JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.cooperative_id = $1 AND (m.capacity <> p.capacity_per_month::float8 OR m.verified <> (c.verified_at IS NOT NULL)
                                         OR m.area_path[1] IS DISTINCT FROM c.area_code OR cardinality(m.cert_schemes) <> 1)`,
      [coop],
    );
    expect(row!.stale).toBe(0);
  });
});

describe('match profiles after corrections staff make', () => {
  it('takes a rating recorded against the wrong cooperative off it when staff move the rating to the right one', async () => {
    const wrong = await createCooperative(server);
    const right = await createCooperative(server);
    await addProduct(wrong, 600);
    await addProduct(right, 601);
    const [rating] = await server.query<{ id: string }>(
      `INSERT INTO cooperative_rating (cooperative_id, year, score, rating_class) VALUES ($1, 2025, 20, 'WEAK') RETURNING id`,
      [wrong],
    );
    await agrees();
    await server.query(`UPDATE cooperative_rating SET cooperative_id = $2 WHERE id = $1`, [rating!.id, right]);
    await agrees();
  });
});
