import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../support/fixtures';
import { publishedProduct } from '../support/needs';
import { GqlClient, sleep } from './support/load';
import { fixtureServer } from './support/parties';
import { startStack, type Stack } from './support/stack';

// Stopping a replica (a deploy, a scale-down) must not cut off the people
// whose requests it is serving: on SIGTERM the server stops taking new
// connections, finishes what is in flight, and exits cleanly.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack('drain');
  const setup = new GqlClient(stack.url, 2);
  const server = fixtureServer(stack, setup);
  for (let i = 0; i < 3; i++) await publishedProduct(server, await createCooperative(server), { categoryCode: 'fruit.coconut.wax' });
  setup.close();
});
afterAll(async () => {
  await stack?.close();
});

/** A new TCP connection to the server: resolves with the HTTP status, or the socket error code. */
function connectAndGet(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { agent: false, timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? err.message));
  });
}

describe('SIGTERM', () => {
  it('finishes the requests in flight with 200, refuses new connections and exits 0 promptly', async () => {
    const IN_FLIGHT = 4;
    // Hold the catalogue still so that requests are provably in flight when the signal lands.
    const blocker = new pg.Client({ connectionString: stack.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE product IN ACCESS EXCLUSIVE MODE');

    const client = new GqlClient(stack.url, IN_FLIGHT);
    const inFlight = Array.from({ length: IN_FLIGHT }, () => client.post(`query { products(first: 3) { edges { node { id nameVi } } } }`));
    let waiting = 0;
    for (let i = 0; i < 40 && waiting < IN_FLIGHT; i++) {
      await sleep(50);
      const [row] = await stack.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      waiting = row!.n;
    }
    expect(waiting, 'requests waiting on the catalogue').toBeGreaterThanOrEqual(IN_FLIGHT);

    const signalledAt = Date.now();
    stack.child.kill('SIGTERM');
    await sleep(300);
    const newcomer = await connectAndGet(stack.url);
    const stillRunning = stack.child.exitCode === null;
    await blocker.query('ROLLBACK');
    const releasedAt = Date.now();
    await blocker.end();

    const replies = await Promise.all(inFlight);
    const exit = await Promise.race([stack.exited, sleep(10_000).then(() => null)]);
    client.close();

    expect(stillRunning, `the process waited for its requests: ${JSON.stringify(exit)}\n${stack.output()}`).toBe(true);
    expect(newcomer, 'a new connection after SIGTERM').toBe('ECONNREFUSED');
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(r.body?.errors).toBeUndefined();
      expect((r.body?.data?.products as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    }
    expect(exit, `the process did not exit:\n${stack.output()}`).not.toBeNull();
    expect(exit).toMatchObject({ code: 0, signal: null });
    console.log(
      `SIGTERM drain: ${IN_FLIGHT} requests in flight all answered 200; new connection ${String(newcomer)}; ` +
        `exit 0 ${exit!.at - releasedAt} ms after the last request could finish (${exit!.at - signalledAt} ms after the signal)`,
    );
  });
});
