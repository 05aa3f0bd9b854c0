import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../support/fixtures';
import { LEAK_PATTERNS } from '../support/security/probe';
import { startTestServer, type TestServer } from '../support/test-server';

/** The server as it runs for the province: NODE_ENV=production. */
let server: TestServer;

interface Raw {
  status: number;
  text: string;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function raw(body: string, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let parsed: Raw['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, text, headers: res.headers, body: parsed };
}

const gql = (query: string, variables?: unknown) => raw(JSON.stringify({ query, variables }));

function expectNoInternals(res: Raw) {
  expect(res.status, res.text).toBeLessThan(500);
  for (const pattern of LEAK_PATTERNS) expect(res.text, res.text.slice(0, 300)).not.toMatch(pattern);
  for (const e of res.body?.errors ?? []) expect(e.extensions ?? {}).not.toHaveProperty('stacktrace');
}

beforeAll(async () => {
  server = await startTestServer({ nodeEnv: 'production', isProduction: true });
});
afterAll(async () => {
  await server?.close();
});

describe('with production settings', () => {
  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Product") { fields { name } } }']) {
      const res = await gql(query);
      expect(res.status).toBe(400);
      expect(res.body?.data ?? null).toBeNull();
      expect(res.body?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body?.errors?.[0]?.message).toMatch(/introspection/i);
      expectNoInternals(res);
    }
    // Ordinary queries still work.
    expect((await gql('{ products(first: 1) { totalCount } }')).body?.errors).toBeUndefined();
  });

  it('never suggests field, argument, type or enum value names', async () => {
    const cases: [string, unknown?][] = [
      ['{ products(first: 1) { totalCont } }'],
      ['{ products(frist: 1) { totalCount } }'],
      ['{ product(id: "7d3f1c2e-9b1a-4c55-8d2e-3f4a5b6c7d8e") { nameV } }'],
      ['query($s: ProductSrt!) { products(sort: $s) { totalCount } }', { s: 'RELEVANCE' }],
      ['{ products(sort: RELEVANC) { totalCount } }'],
      ['query($s: ProductSort!) { products(sort: $s) { totalCount } }', { s: 'RELEVANC' }],
      ['query($f: ProductFilter) { products(filter: $f) { totalCount } }', { f: { sectr: 'AGRICULTURE' } }],
      ['query($f: ProductFilter) { products(filter: $f) { totalCount } }', { f: { sector: 'AGRICULTUR' } }],
    ];
    for (const [query, variables] of cases) {
      const res = await gql(query, variables);
      expect(res.status, query).toBe(400);
      expect(res.body?.errors?.length, query).toBeGreaterThan(0);
      expect(res.text, query).not.toMatch(/did you mean/i);
      expectNoInternals(res);
    }
  });

  it('keeps stack traces and internals out of every kind of error', async () => {
    const bodies = [
      JSON.stringify({ query: '{ product(id: "not-an-id") { id } }' }),
      JSON.stringify({ query: '{ product(id: "7d3f1c2e-9b1a-4c55-8d2e-3f4a5b6c7d8e") { id } }' }),
      JSON.stringify({ query: '{ verificationQueue { totalCount } }' }),
      JSON.stringify({ query: 'mutation { login(input: {email: 5}) { __typename } }' }),
      JSON.stringify({ query: '{ products(first: 1) {' }),
      JSON.stringify({ query: 'query($s: String) { products(search: $s) { totalCount } }', variables: { s: 'a\u0000' } }),
      JSON.stringify({ query: '{ __typename }', variables: '[not an object' }),
      '{"query": "{ __typename }"',
      'not json at all',
      JSON.stringify([1, 2, 3]),
    ];
    for (const body of bodies) {
      const res = await raw(body);
      expect(res.status, body).toBeGreaterThanOrEqual(200);
      expectNoInternals(res);
    }
  });

  it('sets the session cookies Secure, HttpOnly and SameSite', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const res = await raw(
      JSON.stringify({
        query: `mutation($input: LoginInput!) { login(input: $input) { __typename } }`,
        variables: { input: { email: user.email, password: PASSWORD } },
      }),
    );
    const cookies = res.headers.getSetCookie();
    const access = cookies.find((c) => c.startsWith('cl_access='));
    const refresh = cookies.find((c) => c.startsWith('cl_refresh='));
    expect(access).toBeDefined();
    expect(refresh).toBeDefined();
    for (const cookie of [access!, refresh!]) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    }
    expect(refresh).toMatch(/SameSite=Strict/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('answers a 2 MB request body with 413, not a 500', async () => {
    const res = await raw(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expectNoInternals(res);
    // Just under the limit is read and answered.
    const under = await raw(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024 - 100) } }));
    expect(under.status).toBe(200);
  });
});

describe('query limits (graphql-armor and the parser)', () => {
  const refused = async (query: string, pattern: RegExp) => {
    const res = await gql(query);
    expect(res.status, query.slice(0, 60)).toBe(400);
    expect(res.body?.data ?? null).toBeNull();
    expect(res.body?.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED/);
    expect(res.body?.errors?.[0]?.message).toMatch(pattern);
    expectNoInternals(res);
  };
  const accepted = async (query: string) => {
    const res = await gql(query);
    expect(res.body?.errors, query.slice(0, 60)).toBeUndefined();
  };

  it('refuses a query deeper than 10 levels', async () => {
    const nest = (n: number) => `{ categories { ${'children { '.repeat(n)}code${' }'.repeat(n)} } }`;
    await accepted(nest(8));
    await refused(nest(11), /depth/i);
  });

  it('refuses a query costing more than 15,000', async () => {
    await accepted('{ cooperatives(first: 100) { edges { node { products(first: 5) { totalCount } } } } }');
    await refused('{ cooperatives(first: 100) { edges { node { products(first: 100) { edges { node { id nameVi } } } } } } }', /cost/i);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(' ')} }`;
    await accepted(aliases(15));
    await refused(aliases(16), /alias/i);
  });

  it('refuses more than 50 directives', async () => {
    const directives = (n: number) => `{ ${Array.from({ length: n }, () => '__typename @include(if: true)').join(' ')} }`;
    await accepted(directives(50));
    await refused(directives(51), /directive/i);
  });

  it('refuses a document of more than 1,000 tokens with a 400', async () => {
    // 16 tokens around a list of n enum values.
    const tokens = (n: number) => `{ fairs(filter: { kind: [${Array(n).fill('TRADE_FAIR').join(' ')}] }) { totalCount } }`;
    await accepted(tokens(970));
    await refused(tokens(1_000), /token/i);
  });
});
