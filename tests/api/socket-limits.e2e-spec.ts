import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, type TestUser } from '../support/fixtures';
import { LEAK_PATTERNS } from '../support/security/probe';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The notification socket on /graphql serves live notifications and nothing
 * else, under the same limits as an HTTP request: a socket must not be a way
 * around the write limit, the query limits or the production settings.
 */

interface Outcome {
  data: unknown[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  text: string;
}

function open(server: TestServer, user: TestUser): Client {
  return createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { token: user.token },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Runs one operation over the socket and returns what came back once it ended (or after a short wait for a live one). */
function run(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve) => {
    const out: Outcome = { data: [], errors: [], text: '' };
    const finish = () => {
      clearTimeout(timer);
      stop();
      out.text = JSON.stringify(out);
      resolve(out);
    };
    const timer = setTimeout(finish, 1500);
    const stop = client.subscribe(
      { query, variables },
      {
        next: (v) => {
          if (v.data) out.data.push(v.data);
          if (v.errors) out.errors.push(...(v.errors as Outcome['errors']));
        },
        error: (e) => {
          if (Array.isArray(e)) out.errors.push(...(e as Outcome['errors']));
          else out.errors.push({ message: String((e as { reason?: string }).reason ?? e) });
          finish();
        },
        complete: finish,
      },
    );
  });
}

function expectNoInternals(out: Outcome) {
  for (const pattern of LEAK_PATTERNS) expect(out.text).not.toMatch(pattern);
  for (const e of out.errors) expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
}

describe('the subscription socket', () => {
  let server: TestServer;
  let user: TestUser;
  let client: Client;

  beforeAll(async () => {
    server = await startTestServer({ rateLimitWritesPerMinute: 5 });
    user = await createUser(server, ['BUSINESS_REP']);
    client = open(server, user);
  });
  afterAll(async () => {
    await client?.dispose();
    await server?.close();
  });

  it('refuses queries with a typed error and runs nothing', async () => {
    const out = await run(client, '{ products(first: 1) { totalCount } }');
    expect(out.data).toEqual([]);
    expect(out.errors.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(out.errors[0]!.message).toMatch(/subscriptions/i);
  });

  it('refuses aliased mutations, so the per-user write limit cannot be bypassed', async () => {
    for (let i = 0; i < 3; i++) await server.query(`INSERT INTO notification (user_id, kind) VALUES ($1, 'NEED_MATCH')`, [user.id]);
    // Use up the write allowance over HTTP first.
    const http = await server.gql(
      `mutation { ${Array.from({ length: 6 }, (_, i) => `m${i}: markNotificationsRead(input: {})`).join(' ')} }`,
      {},
      { token: user.token },
    );
    expect(http.status).toBe(429);
    const aliases = Array.from({ length: 15 }, (_, i) => `m${i}: markNotificationsRead(input: {})`).join(' ');
    const out = await run(client, `mutation { ${aliases} }`);
    expect(out.data).toEqual([]);
    expect(out.errors.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    const [row] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NOT NULL`,
      [user.id],
    );
    expect(row!.n).toBe(0);
  });

  it('applies the depth and alias limits to subscriptions', async () => {
    const deep = `subscription { notificationAdded { need { ${'business { needs(first: 1) { edges { node { '.repeat(3)} id ${'} } } }'.repeat(3)} } } }`;
    const tooDeep = await run(client, deep);
    expect(tooDeep.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.errors[0]?.message).toMatch(/depth/i);

    const many = `subscription { notificationAdded { ${Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(' ')} } }`;
    const tooMany = await run(client, many);
    expect(tooMany.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooMany.errors[0]?.message).toMatch(/alias/i);
    expectNoInternals(tooDeep);
    expectNoInternals(tooMany);
  });

  it('refuses text PostgreSQL cannot store with BAD_USER_INPUT and the field path', async () => {
    const out = await run(client, 'subscription { notificationAdded { id } }', { search: 'dừa\u0000sáp' });
    expect(out.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((out.errors[0]?.extensions?.fields as { path: string }[])[0]?.path).toBe('search');
    expectNoInternals(out);
  });

  it('a query with a NUL byte in a search gets a typed error, never database text', async () => {
    const out = await run(client, 'query ($s: String) { products(search: $s, first: 1) { totalCount } }', { s: 'a\u0000b' });
    expect(out.data).toEqual([]);
    expect(out.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    expectNoInternals(out);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and an over-long document unparsed', async () => {
    const broken = await run(client, 'subscription { notificationAdded { id ');
    expect(broken.errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const long = await run(client, `subscription { notificationAdded { ${'id '.repeat(1200)} } }`);
    expect(long.errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(long.errors[0]?.message).toMatch(/token/i);
  });
});

describe('the subscription socket with production settings', () => {
  let server: TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startTestServer({ nodeEnv: 'production', isProduction: true });
    client = open(server, await createUser(server, ['BUSINESS_REP']));
  });
  afterAll(async () => {
    await client?.dispose();
    await server?.close();
  });

  it('refuses introspection', async () => {
    const schemaAsked = await run(client, '{ __schema { types { name } } }');
    expect(schemaAsked.data).toEqual([]);
    expect(schemaAsked.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(schemaAsked.errors[0]?.message).toMatch(/introspection/i);
    const typeAsked = await run(client, 'subscription { notificationAdded { need { __type(name: "User") { name } } } }');
    expect(typeAsked.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // A subscription asking for nothing of the schema itself is accepted (and waits for events).
    const ordinary = await run(client, 'subscription { notificationAdded { id __typename } }');
    expect(ordinary.errors).toEqual([]);
  });

  it('never suggests field names', async () => {
    const out = await run(client, 'subscription { notificationAdded { idd kindd } }');
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.text).not.toMatch(/Did you mean/);
    for (const e of out.errors) expect(e.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoInternals(out);
  });
});
