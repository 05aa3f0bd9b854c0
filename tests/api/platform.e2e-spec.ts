import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDataSource } from '../../server/src/db/data-source';
import * as clientDocuments from '../../schema/generated/graphql';
import { graphql } from '../generated';
import { adminQuery, withDatabase } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/test-server';

const Products = graphql(`
  query TPlatformProducts {
    products(first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('migrations', () => {
  it('run up, down and up again on an empty database', async () => {
    const adminUrl = inject('adminUrl');
    const name = `mig_${Date.now()}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const ds = createDataSource({ url: withDatabase(adminUrl, name), poolSize: 2 });
    await ds.initialize();
    try {
      const tables = async () =>
        (
          await ds.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY 1`,
          )
        ).map((r: { table_name: string }) => r.table_name);
      const extensions = async () =>
        (await ds.query(`SELECT extname FROM pg_extension ORDER BY 1`)).map((r: { extname: string }) => r.extname);
      await ds.runMigrations();
      const first = await tables();
      expect(first).toEqual(
        expect.arrayContaining(['app_user', 'area', 'cooperative', 'business', 'product', 'certification', 'audit_log']),
      );
      expect(await extensions()).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm', 'unaccent']));
      while ((await ds.query(`SELECT count(*)::int AS n FROM schema_migration`))[0].n > 0) await ds.undoLastMigration();
      expect(await tables()).toEqual([]);
      await ds.runMigrations();
      expect(await tables()).toEqual(first);
    } finally {
      await ds.destroy();
      await adminQuery(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});

describe('health', () => {
  it('answers /healthz always and /readyz only while the database answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const db = new URL(server.databaseUrl).pathname.slice(1);
    const adminUrl = inject('adminUrl');
    await adminQuery(adminUrl, `ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
    await adminQuery(adminUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db}'`);
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const started = Date.now();
      const res = await server.gql(Products, {});
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|pg_|SELECT|stack/i);
    } finally {
      await adminQuery(adminUrl, `ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
    }
    let ok = false;
    for (let i = 0; i < 50 && !ok; i++) {
      ok = (await fetch(`${server.url}/readyz`)).status === 200;
      if (!ok) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ok).toBe(true);
    expect((await server.gql(Products, {})).errors).toBeUndefined();
  });
});

describe('errors never leak internals', () => {
  it('returns codes without stack traces or SQL for malformed requests', async () => {
    const bodies = [
      '{"query":"{ products(first: 1) { edges { node { nope } } } }"}',
      '{"query":"{ product(id: \\"x\\") { id } }"}',
      '{"query":"{ products(filter: {sector: MOON}) { totalCount } }"}',
      '{"query":"mutation { login(input: {email: 5, password: null}) { __typename } }"}',
      '{"query":"{ cooperatives(areaCode: \\"\'; select pg_sleep(5); --\\") { totalCount } }"}',
      'not json at all',
    ];
    for (const body of bodies) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      expect(text, body).not.toMatch(/stacktrace|\s{4}at |QueryFailedError|syntax error at|relation "/);
    }
  });

  it('answers persisted-query requests with PERSISTED_QUERY_NOT_SUPPORTED, never an internal error', async () => {
    const logged: unknown[] = [];
    const spy = server.app.log.error;
    server.app.log.error = ((...args: unknown[]) => void logged.push(args)) as typeof spy;
    try {
      for (const extensions of [
        { persistedQuery: { version: 1, sha256Hash: 'abc' } },
        { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        { persistedQuery: { version: 2, sha256Hash: 'abc' } },
      ]) {
        for (const query of ['{ __typename }', undefined]) {
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, extensions }),
          });
          const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          expect(res.status).toBeLessThan(500);
          expect(body.data ?? null).toBeNull();
          expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
        }
      }
    } finally {
      server.app.log.error = spy;
    }
    expect(logged).toEqual([]);
  });

  it('turns away cross-site form posts (CSRF prevention) and batches', async () => {
    const form = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, { method: 'GET' });
    expect(form.status).toBe(400);
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('refuses queries that are too deep, too aliased or too long, before running them', async () => {
    const deep = `{ categories { ${'children { '.repeat(11)}code${' }'.repeat(11)} } }`;
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const tokens = `{ ${Array.from({ length: 400 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    for (const query of [deep, aliases, tokens]) {
      const res = await server.gql(query, {});
      expect(res.data ?? null, query.slice(0, 40)).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, query.slice(0, 40)).toMatch(
        /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT|GRAPHQL_PARSE_FAILED/,
      );
    }
  });

  it('lets every operation the web client sends through the query limits', async () => {
    const documents = Object.entries(clientDocuments).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, doc] of documents) {
      const res = await server.gql(doc as never, {});
      const limited = (res.errors ?? []).filter((e) => /limit|exceeded/i.test(e.message));
      expect(limited, name).toEqual([]);
    }
  });

  it('serves pages with a Content-Security-Policy and the usual protective headers', async () => {
    const res = await fetch(`${server.url}/some/client/route`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    if ((res.headers.get('content-type') ?? '').startsWith('text/html'))
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
