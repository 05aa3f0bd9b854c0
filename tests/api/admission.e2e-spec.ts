import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  // One request at a time works on the database; the rest wait in line.
  server = await startTestServer({ apiConcurrency: 1, apiQueueMs: 4_000 });
});
afterAll(() => server?.close());

const post = (signal?: AbortSignal) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
    signal,
  });

describe('the request queue', () => {
  it('gives the place of someone who hung up while waiting to the next in line', async () => {
    // Hold the catalogue so the first request keeps the only place for a while.
    const locker = new pg.Client({ connectionString: server.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE product IN ACCESS EXCLUSIVE MODE');
    try {
      const first = post();
      await new Promise((r) => setTimeout(r, 300));
      const gaveUp = new AbortController();
      const second = post(gaveUp.signal).catch(() => 'aborted');
      await new Promise((r) => setTimeout(r, 300));
      gaveUp.abort();
      expect(await second).toBe('aborted');
      await locker.query('COMMIT');
      expect((await first).status).toBe(200);

      // Were the abandoned place still taken, this would wait out the queue and be refused as busy.
      const third = await post();
      expect(third.status).toBe(200);
      const body = (await third.json()) as { data?: { products: { totalCount: number } } };
      expect(body.data?.products.totalCount).toBeGreaterThanOrEqual(0);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });
});
