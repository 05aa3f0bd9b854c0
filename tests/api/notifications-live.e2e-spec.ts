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
  server = await startTestServer();
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
