import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCooperative, createUser } from '../support/fixtures';
import { publishedProduct } from '../support/needs';
import { GqlClient, needInput, Q, sleep } from './support/load';
import { createParties, fixtureServer, type Party } from './support/parties';
import { startStack, type Stack } from './support/stack';
import { judgeOutage, steadyLoad } from './support/steady';

// Database outages under steady traffic, against the real server process.
// Requests may fail while PostgreSQL is gone, but only quickly and as
// UNAVAILABLE (HTTP 503); the process keeps running and recovers by itself.

let stack: Stack;
let setup: GqlClient;
let parties: Party[];
const WORKERS = 16;

beforeAll(async () => {
  stack = await startStack('outage');
  setup = new GqlClient(stack.url, 8);
  parties = await createParties(stack, setup, WORKERS / 2);
});
afterAll(async () => {
  setup?.close();
  await stack?.close();
});

function alive() {
  expect(stack.child.exitCode, `the server process exited:\n${stack.output()}`).toBeNull();
  expect(stack.child.signalCode).toBeNull();
}

describe('database outage', () => {
  it('survives every backend being terminated: quick UNAVAILABLE failures, then recovery within 10 s', async () => {
    const load = steadyLoad(stack.url, parties, WORKERS);
    await sleep(3000);
    const at = Date.now();
    const ended = await stack.terminateServerBackends();
    await sleep(300);
    // Again, catching the connections the pool had just opened.
    const endedAgain = await stack.terminateServerBackends();
    await sleep(15_000);
    await load.stop();
    alive();
    const before = load.samples.filter((s) => s.end < at);
    expect(before.length).toBeGreaterThan(50);
    expect(before.every((s) => s.ok)).toBe(true);
    const report = judgeOutage(load.samples, at, at + 10_000, 5000, stack.output());
    console.log(
      `terminate backends: ended ${ended}+${endedAgain} backends; ${report.requests} requests, ${report.failed} failed ` +
        `(slowest failure ${report.slowestFailureMs} ms); last failure ${report.recoveryMs} ms after the kill; ` +
        `${report.okAfterWindow}/${report.windowRequests} succeeded 10–15 s after`,
    );
    expect(ended).toBeGreaterThan(0);
  });

  it('survives PostgreSQL stopping and starting again: /readyz 503 during, ≥ 99% success within 10 s after', async () => {
    const probe = new GqlClient(stack.url, 2);
    const load = steadyLoad(stack.url, parties, WORKERS);
    await sleep(3000);
    const stopAt = Date.now();
    await stack.stopPostgres();
    const stoppedAt = Date.now();
    const ready: number[] = [];
    while (Date.now() - stoppedAt < 5000) {
      ready.push(await probe.get('/readyz'));
      await sleep(250);
    }
    const health = await probe.get('/healthz');
    await stack.startPostgres();
    const upAt = Date.now();
    await sleep(15_000);
    await load.stop();
    alive();
    expect(new Set(ready)).toEqual(new Set([503]));
    expect(health).toBe(200);
    expect(await probe.get('/readyz')).toBe(200);
    const during = load.samples.filter((s) => s.start >= stoppedAt && s.end < upAt);
    expect(during.length, 'requests answered during the outage').toBeGreaterThan(20);
    expect(during.filter((s) => !s.ok).length).toBeGreaterThan(0);
    const report = judgeOutage(load.samples, upAt, upAt + 10_000, 5000, stack.output());
    const lastFailure = Math.max(...load.samples.filter((s) => !s.ok).map((s) => s.end));
    console.log(
      `stop/start PostgreSQL: stop took ${stoppedAt - stopAt} ms, down ${upAt - stoppedAt} ms; ${report.requests} requests, ` +
        `${report.failed} failed (slowest failure ${report.slowestFailureMs} ms); ` +
        `recovered ${Math.max(0, lastFailure - upAt)} ms after PostgreSQL accepted connections; ` +
        `${report.okAfterWindow}/${report.windowRequests} succeeded 10–15 s after`,
    );
    probe.close();
  });

  it('delivers live notifications again after the outage (the LISTEN connection reconnected)', async () => {
    const server = fixtureServer(stack, setup);
    const coopId = await createCooperative(server);
    const manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
    await publishedProduct(server, coopId, { categoryCode: 'grain.rice.fragrant', capacity: 100, certs: ['VIETGAP'] });
    let connected!: () => void;
    const ack = new Promise<void>((resolve) => (connected = resolve));
    const client = createClient({
      url: stack.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { token: manager.token },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => connected() },
    });
    await ack;
    let stop = () => {};
    const next = new Promise<{ notificationAdded: { kind: string; need: { id: string } } }>((resolve, reject) => {
      stop = client.subscribe<{ notificationAdded: { kind: string; need: { id: string } } }>(
        { query: `subscription { notificationAdded { kind need { id } } }` },
        { next: (v) => resolve(v.data!), error: reject, complete: () => {} },
      );
    });
    await sleep(500);
    const party = parties[0]!;
    const posted = await setup.post(
      Q.postNeed,
      { input: { ...needInput(party.businessId, 'Thu mua gạo thơm sau sự cố'), categoryCode: 'grain.rice.fragrant', quantity: 50 } },
      party.rep.token,
    );
    const needId = (posted.body?.data?.postNeed as { id: string }).id;
    const added = await Promise.race([next, sleep(10_000).then(() => null)]);
    expect(added?.notificationAdded).toEqual({ kind: 'NEED_MATCH', need: { id: needId } });
    stop();
    await client.dispose();
    alive();
  });
});
