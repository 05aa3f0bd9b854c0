// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/http/app';
import { createCooperative, createUser, PASSWORD, type TestUser } from '../support/fixtures';
import { PNG_1X1, uploadFile } from '../support/uploads';

/** Writes per user per minute in this file, low enough to reach in a test. */
const WRITES = 5;
/** Sign-ups and session renewals per address per 15 minutes in this file. */
const SIGNUPS = 4;
const RENEWALS = 6;

let server: TestServer;
/** A second replica of the API on the same database. */
let replica: FastifyInstance;
let replicaUrl: string;
/** A replica behind a reverse proxy, so each test can call from an address of its own. */
let proxied: FastifyInstance;
let proxiedUrl: string;
let cooperativeId: string;
let categoryCode: string;

beforeAll(async () => {
  server = await startTestServer({
    rateLimitWritesPerMinute: WRITES,
    loginAttemptsPerIp: 12,
    registerAttemptsPerIp: SIGNUPS,
    refreshAttemptsPerIp: RENEWALS,
  });
  replica = (await buildApp(server.ds, server.config)).app;
  await replica.listen({ port: 0, host: '127.0.0.1' });
  const address = replica.server.address();
  replicaUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // A third one set up as behind a reverse proxy, which names each client's address in X-Forwarded-For.
  const trust = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = 'true';
  try {
    proxied = (await buildApp(server.ds, server.config)).app;
  } finally {
    if (trust === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trust;
  }
  await proxied.listen({ port: 0, host: '127.0.0.1' });
  const proxiedAddress = proxied.server.address();
  proxiedUrl = `http://127.0.0.1:${typeof proxiedAddress === 'object' && proxiedAddress ? proxiedAddress.port : 0}`;
  cooperativeId = await createCooperative(server);
  categoryCode = (await server.query<{ code: string }>(`SELECT code FROM category WHERE depth > 0 ORDER BY code LIMIT 1`))[0]!.code;
});
afterAll(async () => {
  await replica?.close();
  await proxied?.close();
  await server?.close();
});

interface Response {
  status: number;
  retryAfterHeader: string | null;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; retryAfter?: number; retryAfterSeconds?: number } }[];
}

async function send(query: string, token?: string, url = server.url, variables?: unknown, from?: string): Promise<Response> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfterHeader: res.headers.get('retry-after'), ...((await res.json()) as object) };
}

/** A mutation with `n` aliased product creations. */
function createProducts(n: number, tag: string): string {
  const fields = Array.from(
    { length: n },
    (_, i) =>
      `p${i}: createProduct(input: { cooperativeId: "${cooperativeId}", nameVi: "Sản phẩm ${tag} ${i}", categoryCode: "${categoryCode}", unit: "KGM" }) { id }`,
  );
  return `mutation { ${fields.join(' ')} }`;
}

const READ_ALL = `mutation { markNotificationsRead(input: {}) }`;
const productCount = async () => (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM product`))[0]!.n;

function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  const ext = res.errors![0]!.extensions!;
  expect(ext.code).toBe('RATE_LIMITED');
  expect(ext.retryAfter).toBeGreaterThan(0);
  expect(ext.retryAfter).toBeLessThanOrEqual(60);
  expect(res.retryAfterHeader).toBe(String(ext.retryAfter));
}

describe('writes per user', () => {
  it(`lets a user run ${WRITES} mutations a minute and then refuses with RATE_LIMITED and a retry time`, async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    for (let i = 0; i < WRITES; i++) {
      const res = await send(READ_ALL, user.token);
      expect(res.errors, `write ${i + 1}`).toBeUndefined();
    }
    expectLimited(await send(READ_ALL, user.token));
    // Reading goes on; another user has a budget of their own.
    expect((await send(`query { me { id } }`, user.token)).data).toEqual({ me: { id: user.id } });
    const other = await createUser(server, ['BUSINESS_REP']);
    expect((await send(READ_ALL, other.token)).errors).toBeUndefined();
  });

  it('counts every aliased mutation field, and refuses a request that would go over without running any of it', async () => {
    const manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId });
    const start = await productCount();

    const tooMany = await send(createProducts(WRITES + 1, 'a'), manager.token);
    expectLimited(tooMany);
    expect(await productCount()).toBe(start);

    const three = await send(createProducts(3, 'b'), manager.token);
    expect(three.errors).toBeUndefined();
    expect(await productCount()).toBe(start + 3);

    // 3 used, 3 more would make 6: refused whole, nothing created.
    expectLimited(await send(createProducts(3, 'c'), manager.token));
    expect(await productCount()).toBe(start + 3);

    // The last two of the five still fit, written through a fragment.
    const viaFragment = `mutation { ...Two } fragment Two on Mutation {
      a: markNotificationsRead(input: {}) b: markNotificationsRead(input: {}) skipped: markNotificationsRead(input: {}) @skip(if: true) }`;
    const two = await send(viaFragment, manager.token);
    expect(two.errors).toBeUndefined();
    expect(two.data).toEqual({ a: 0, b: 0 });
    expectLimited(await send(READ_ALL, manager.token));
  });

  it('is shared by every replica through the database', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    for (let i = 0; i < WRITES; i++) {
      const res = await send(READ_ALL, user.token, i % 2 === 0 ? server.url : replicaUrl);
      expect(res.errors, `write ${i + 1}`).toBeUndefined();
    }
    expectLimited(await send(READ_ALL, user.token, replicaUrl));
    expectLimited(await send(READ_ALL, user.token, server.url));
    const [bucket] = await server.query<{ hits: number }>(`SELECT hits FROM rate_limit_bucket WHERE key = $1`, [`writes:user:${user.id}`]);
    expect(bucket?.hits).toBe(WRITES);
  });
});

describe('uploads', () => {
  it(`count against the same per-user write limit: ${WRITES} writes in all, then 429 RATE_LIMITED with Retry-After and nothing stored`, async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const uploads = async () =>
      (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM upload WHERE owner_id = $1`, [user.id]))[0]!.n;
    // Two uploads and three mutations use up the allowance between them.
    for (let i = 0; i < 2; i++) expect((await uploadFile(server.url, user.token, PNG_1X1, 'a.png', 'image/png')).status).toBe(201);
    for (let i = 0; i < WRITES - 2; i++) expect((await send(READ_ALL, user.token)).errors).toBeUndefined();
    expectLimited(await send(READ_ALL, user.token));

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG_1X1)], { type: 'image/png' }), 'a.png');
    const res = await fetch(`${replicaUrl}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${user.token}` } });
    const body = (await res.json()) as { code: string; retryAfter: number };
    expect(res.status).toBe(429);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.retryAfter).toBeGreaterThan(0);
    expect(res.headers.get('retry-after')).toBe(String(body.retryAfter));
    expect(await uploads()).toBe(2);
  });
});

describe('login attempts sent as aliases', () => {
  const LOGIN_FIELD = (alias: string, email: string, password: string) =>
    `${alias}: login(input: { email: "${email}", password: "${password}" }) { __typename ... on RateLimitedError { retryAfterSeconds } }`;

  async function ipHits(): Promise<number> {
    const rows = await server.query<{ hits: number }>(`SELECT hits FROM rate_limit_bucket WHERE key LIKE 'login:ip:%'`);
    return rows.reduce((n, r) => n + r.hits, 0);
  }

  it('count one attempt each against the account: 15 aliased guesses get 5 tries, and then not even the right password', async () => {
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const victim: TestUser = await createUser(server, ['COOP_MANAGER']);
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:ip:%'`);
    const fields = Array.from({ length: 14 }, (_, i) => LOGIN_FIELD(`g${i}`, victim.email, `guess number ${i}`));
    fields.push(LOGIN_FIELD('right', victim.email, PASSWORD));
    const res = await send(`mutation { ${fields.join(' ')} }`);
    expect(res.status).toBe(200);
    const kinds = Object.values(res.data ?? {}).map((r) => (r as { __typename: string }).__typename);
    expect(kinds).toEqual([...Array(5).fill('InvalidCredentialsError'), ...Array(10).fill('RateLimitedError')]);
    expect(await ipHits()).toBe(15);
  });

  it('count one attempt each against the address, so aliases cannot go past its limit', async () => {
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const users = await Promise.all(Array.from({ length: 3 }, () => createUser(server, ['BUSINESS_REP'])));
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    // 15 attempts over three accounts (5 each, within each account's limit) from one address allowed 12.
    const fields = Array.from({ length: 15 }, (_, i) => LOGIN_FIELD(`a${i}`, users[i % 3]!.email, `wrong ${i}`));
    const res = await send(`mutation { ${fields.join(' ')} }`);
    const kinds = Object.values(res.data ?? {}).map((r) => (r as { __typename: string }).__typename);
    expect(kinds).toEqual([...Array(12).fill('InvalidCredentialsError'), ...Array(3).fill('RateLimitedError')]);
    expect(await ipHits()).toBe(15);
  });
});

describe('login attempts sent at the same time', () => {
  it('check at most the account’s limit of passwords when 12 wrong guesses arrive together from 12 addresses', async () => {
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const victim = await createUser(server, ['COOP_MANAGER']);
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const limit = server.config.loginFailuresPerAccount;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(
          `mutation { login(input: { email: "${victim.email}", password: "parallel guess ${i}" }) { __typename } }`,
          undefined,
          proxiedUrl,
          undefined,
          `203.0.113.${i + 1}`,
        ),
      ),
    );
    const kinds = results.map((r) => (r.data?.login as { __typename: string }).__typename);
    // Each InvalidCredentialsError is one password checked; the rest were refused before any check.
    expect(kinds.filter((k) => k === 'InvalidCredentialsError')).toHaveLength(limit);
    expect(kinds.filter((k) => k === 'RateLimitedError')).toHaveLength(12 - limit);
    const [bucket] = await server.query<{ hits: number }>(`SELECT hits FROM rate_limit_bucket WHERE key = $1`, [
      `login:account:${victim.email}`,
    ]);
    expect(bucket?.hits).toBe(limit);
    // The account stays closed to the right password until the window passes.
    const right = await send(`mutation { login(input: { email: "${victim.email}", password: "${PASSWORD}" }) { __typename } }`);
    expect((right.data?.login as { __typename: string }).__typename).toBe('RateLimitedError');
  });

  it('still let the right password in after a few wrong ones, and then forget the failures', async () => {
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const user = await createUser(server, ['BUSINESS_REP']);
    await server.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'login:%'`);
    const attempt = (password: string) =>
      send(
        `mutation { login(input: { email: "${user.email}", password: "${password}" }) { __typename } }`,
        undefined,
        proxiedUrl,
        undefined,
        '203.0.113.99',
      );
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong ${i}`)).data?.login).toEqual({ __typename: 'InvalidCredentialsError' });
    expect((await attempt(PASSWORD)).data?.login).toEqual({ __typename: 'AuthPayload' });
    const rows = await server.query(`SELECT hits FROM rate_limit_bucket WHERE key = $1`, [`login:account:${user.email}`]);
    expect(rows).toEqual([]);
  });
});

describe('sign-ups and session renewals per address', () => {
  const typenames = (res: Response) => Object.values(res.data ?? {}).map((r) => (r as { __typename: string }).__typename);
  const REGISTER_FIELD = (alias: string, email: string) =>
    `${alias}: register(input: { email: "${email}", password: "mật khẩu đủ dài 123", displayName: "Người thử" }) {
      __typename ... on AuthPayload { refreshToken } ... on RateLimitedError { code retryAfterSeconds } }`;
  const REFRESH_FIELD = (alias: string, token: string) =>
    `${alias}: refreshSession(input: { refreshToken: "${token}" }) {
      __typename ... on AuthPayload { refreshToken } ... on RateLimitedError { code retryAfterSeconds } }`;
  const users = async () => (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`))[0]!.n;
  let n = 0;
  const email = () => `dang-ky-${Date.now()}-${n++}@test.cooplink.vn`;

  it(`lets one address sign up ${SIGNUPS} times in 15 minutes, then refuses with a retry time and creates nobody`, async () => {
    const office = '198.51.100.7';
    for (let i = 0; i < SIGNUPS; i++) {
      const res = await send(`mutation { ${REGISTER_FIELD('r', email())} }`, undefined, proxiedUrl, undefined, office);
      expect(typenames(res), `sign-up ${i + 1}`).toEqual(['AuthPayload']);
    }
    const before = await users();
    const refused = await send(`mutation { ${REGISTER_FIELD('r', email())} }`, undefined, proxiedUrl, undefined, office);
    expect(refused.status).toBe(200);
    const r = refused.data!.r as { __typename: string; code: string; retryAfterSeconds: number };
    expect(r).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect(r.retryAfterSeconds).toBeGreaterThan(0);
    expect(r.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await users()).toBe(before);
    // Another address has a budget of its own.
    const elsewhere = await send(`mutation { ${REGISTER_FIELD('r', email())} }`, undefined, proxiedUrl, undefined, '198.51.100.8');
    expect(typenames(elsewhere)).toEqual(['AuthPayload']);
    expect(await users()).toBe(before + 1);
  });

  it('counts each aliased register field, so one request cannot create more accounts than the limit', async () => {
    const before = await users();
    const fields = Array.from({ length: SIGNUPS + 3 }, (_, i) => REGISTER_FIELD(`s${i}`, email()));
    const res = await send(`mutation { ${fields.join(' ')} }`, undefined, proxiedUrl, undefined, '198.51.100.9');
    expect(typenames(res)).toEqual([...Array(SIGNUPS).fill('AuthPayload'), ...Array(3).fill('RateLimitedError')]);
    expect(await users()).toBe(before + SIGNUPS);
  });

  it('counts each aliased refreshSession field against the address, and then refuses even a good token without using it', async () => {
    const signup = await send(`mutation { ${REGISTER_FIELD('r', email())} }`, undefined, proxiedUrl, undefined, '203.0.113.50');
    const good = (signup.data!.r as { refreshToken: string }).refreshToken;
    const attacker = '203.0.113.66';
    const guesses = Array.from({ length: RENEWALS + 2 }, (_, i) => REFRESH_FIELD(`g${i}`, `guess-${i}-${'x'.repeat(20)}`));
    const res = await send(`mutation { ${guesses.join(' ')} }`, undefined, proxiedUrl, undefined, attacker);
    expect(typenames(res)).toEqual([...Array(RENEWALS).fill('InvalidCredentialsError'), ...Array(2).fill('RateLimitedError')]);
    const [bucket] = await server.query<{ hits: number }>(`SELECT hits FROM rate_limit_bucket WHERE key = $1`, [`refresh:ip:${attacker}`]);
    expect(bucket?.hits).toBe(RENEWALS + 2);

    const blocked = await send(`mutation { ${REFRESH_FIELD('x', good)} }`, undefined, proxiedUrl, undefined, attacker);
    expect(blocked.data!.x).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect((blocked.data!.x as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // The refused renewal did not rotate the token: its owner renews from their own address.
    const owner = await send(`mutation { ${REFRESH_FIELD('x', good)} }`, undefined, proxiedUrl, undefined, '203.0.113.50');
    expect(owner.data!.x).toMatchObject({ __typename: 'AuthPayload' });
  });
});
