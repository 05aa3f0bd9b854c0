import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';
import { TokenService } from '../../server/src/modules/auth/tokens';

const PostNeed = graphql(`
  mutation TLivePostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
    }
  }
`);

const SUBSCRIPTION = `subscription { notificationAdded { id kind score need { id title } } }`;

interface Added {
  notificationAdded: { id: string; kind: string; score: number; need: { id: string; title: string } };
}

const require = createRequire(import.meta.url);
const tsx = path.join(
  path.dirname(require.resolve('tsx/package.json', { paths: [new URL('../../server', import.meta.url).pathname] })),
  'dist/cli.mjs',
);

/** Starts the second server as its own OS process on the same database. */
function startProcessB(server: TestServer): Promise<{ url: string; child: ChildProcess }> {
  const script = new URL('../support/server-process.ts', import.meta.url).pathname;
  // The server's tsconfig turns on the decorators its code is written with.
  const serverDir = new URL('../../server', import.meta.url).pathname;
  const child = spawn(process.execPath, [tsx, '--tsconfig', path.join(serverDir, 'tsconfig.json'), script], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: server.databaseUrl, JWT_SECRET: server.config.jwtSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`process B exited with ${code}: ${err}`)));
  });
}

function subscribe(client: Client): { next: Promise<Added>; stop: () => void } {
  let stop = () => {};
  const next = new Promise<Added>((resolve, reject) => {
    stop = client.subscribe<Added>({ query: SUBSCRIPTION }, { next: (v) => resolve(v.data as Added), error: reject, complete: () => {} });
  });
  return { next, stop };
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let server: TestServer;
let processB: { url: string; child: ChildProcess };

beforeAll(async () => {
  // Each event asks the database about the session again, so a missed announcement shows at once.
  server = await startTestServer({ liveSessionRecheckMs: 0 });
  processB = await startProcessB(server);
});
afterAll(async () => {
  processB?.child.kill('SIGTERM');
  await server?.close();
});

describe('live notifications', () => {
  it('reach a subscriber on process B for a need posted through process A', async () => {
    const businessId = await createBusiness(server);
    const rep = await createUser(server, ['BUSINESS_REP'], { businessId });
    const coopId = await createCooperative(server);
    const manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
    await publishedProduct(server, coopId, { categoryCode: 'grain.rice.fragrant', capacity: 100, certs: ['VIETGAP'] });

    const acked = deferred<void>();
    const client = createClient({
      url: processB.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { token: manager.token },
      lazy: false,
      on: { connected: () => acked.resolve() },
      retryAttempts: 0,
    });
    await acked.promise;
    const sub = subscribe(client);
    // Let the subscribe message reach process B before anything is posted.
    await new Promise((r) => setTimeout(r, 500));

    const res = await server.gql(
      PostNeed,
      {
        input: {
          kind: 'OFFTAKE',
          businessId,
          title: 'Thu mua gạo thơm ST25',
          categoryCode: 'grain.rice.fragrant',
          quantity: 50,
          unit: 'TNE',
          frequency: 'SEASONAL',
          deliveryFrom: '2027-02-01',
          deliveryTo: '2027-04-30',
          expiresAt: inDays(20),
        },
      },
      { token: rep.token },
    );
    const needId = res.data!.postNeed.id;
    const added = await sub.next;
    expect(added.notificationAdded).toMatchObject({ kind: 'NEED_MATCH', need: { id: needId, title: 'Thu mua gạo thơm ST25' } });
    expect(added.notificationAdded.score).toBeGreaterThan(40);
    sub.stop();
    await client.dispose();
  });

  it('refuses a WebSocket connection without a valid token', async () => {
    const closed = deferred<number>();
    const client = createClient({
      url: processB.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { token: 'not-a-token' },
      lazy: false,
      retryAttempts: 0,
      on: { closed: (e) => closed.resolve((e as { code: number }).code) },
    });
    expect(await closed.promise).toBe(4403);
    await client.dispose();
  });
});

describe('live notifications after the session ends', () => {
  let rep: { token: string };
  let businessId: string;
  let n = 0;

  beforeAll(async () => {
    businessId = await createBusiness(server);
    rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  });

  /** A cooperative manager whose fragrant rice matches every need posted below. */
  async function manager() {
    const coopId = await createCooperative(server);
    const user = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
    await publishedProduct(server, coopId, { categoryCode: 'grain.rice.fragrant', capacity: 100, certs: ['VIETGAP'] });
    return user;
  }

  /** A socket on process A with the subscription running: what it received and how it closed. */
  async function listen(token: string) {
    const received: Added[] = [];
    const closed = deferred<number>();
    const acked = deferred<void>();
    const client = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { token },
      lazy: false,
      retryAttempts: 0,
      // The 4401 close is what the tests wait for, not an error to print.
      onNonLazyError: () => {},
      on: { connected: () => acked.resolve(), closed: (e) => closed.resolve((e as { code: number }).code) },
    });
    await acked.promise;
    const first = deferred<Added>();
    client.subscribe<Added>(
      { query: SUBSCRIPTION },
      {
        next: (v) => {
          received.push(v.data as Added);
          first.resolve(v.data as Added);
        },
        error: () => {},
        complete: () => {},
      },
    );
    return { received, closed: closed.promise, first: first.promise, client };
  }

  async function postNeed(): Promise<string> {
    const res = await server.gql(
      PostNeed,
      {
        input: {
          kind: 'OFFTAKE',
          businessId,
          title: `Thu mua gạo thơm đợt ${++n}`,
          categoryCode: 'grain.rice.fragrant',
          quantity: 50,
          unit: 'TNE',
          frequency: 'SEASONAL',
          deliveryFrom: '2027-02-01',
          deliveryTo: '2027-04-30',
          expiresAt: inDays(20),
        },
      },
      { token: rep.token },
    );
    return res.data!.postNeed.id;
  }

  const alerted = async (userId: string, needId: string) =>
    (
      await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND need_id = $2`, [userId, needId])
    )[0]!.n;

  it('stop at sign-out: the socket closes with 4401 and a need that alerts the user is not sent on it', async () => {
    const signedOut = await manager();
    const other = await manager();
    const a = await listen(signedOut.token);
    const b = await listen(other.token);
    // Let both subscribe messages reach the server before anything happens.
    await new Promise((r) => setTimeout(r, 300));

    const logout = await server.gql(`mutation { logout }`, {}, { token: signedOut.token });
    expect(logout.data).toEqual({ logout: true });
    expect(await a.closed).toBe(4401);

    const needId = await postNeed();
    const got = await b.first;
    expect(got.notificationAdded.need.id).toBe(needId);
    // The need did alert the signed-out user (it waits for their next sign-in), but not on the old socket.
    expect(await alerted(signedOut.id, needId)).toBe(1);
    expect(a.received).toEqual([]);
    await a.client.dispose();
    await b.client.dispose();
  });

  it('check the session again before each event, so a revocation that was never announced still stops delivery', async () => {
    const revoked = await manager();
    const other = await manager();
    const a = await listen(revoked.token);
    const b = await listen(other.token);
    await new Promise((r) => setTimeout(r, 300));
    // As if the announcement were lost (the listener reconnecting): revoke without it.
    await server.query(`ALTER TABLE auth_session DISABLE TRIGGER auth_session_revoked`);
    try {
      await server.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [revoked.id]);
    } finally {
      await server.query(`ALTER TABLE auth_session ENABLE TRIGGER auth_session_revoked`);
    }

    const needId = await postNeed();
    expect((await b.first).notificationAdded.need.id).toBe(needId);
    expect(await alerted(revoked.id, needId)).toBe(1);
    expect(await a.closed).toBe(4401);
    expect(a.received).toEqual([]);
    await a.client.dispose();
    await b.client.dispose();
  });

  it('close the socket with 4401 when the access token it opened with lapses, and refuse that token afterwards', async () => {
    const user = await manager();
    const [session] = await server.query<{ id: string }>(
      `SELECT id FROM auth_session WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [user.id],
    );
    const short = await new TokenService(server.config.jwtSecret, 2).sign({ userId: user.id, sessionId: session!.id });
    const a = await listen(short.token);
    expect(await a.closed).toBe(4401);
    expect(Date.now()).toBeGreaterThanOrEqual(short.expiresAt.getTime() - 1_000);
    await a.client.dispose();

    const again = deferred<number>();
    const retry = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { token: short.token },
      lazy: false,
      retryAttempts: 0,
      // The 4401 close is what the tests wait for, not an error to print.
      onNonLazyError: () => {},
      on: { closed: (e) => again.resolve((e as { code: number }).code) },
    });
    expect(await again.promise).toBe(4403);
    await retry.dispose();
  });
});
