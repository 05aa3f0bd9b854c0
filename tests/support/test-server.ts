import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config';
import { createDataSource } from '../../server/src/db/data-source';
import { SqlCounter } from '../../server/src/db/sql-counter';
import { buildApp } from '../../server/src/http/app';
import { adminQuery, withDatabase } from './postgres';

export interface GqlResult<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { path: string }[]; [k: string]: unknown } }[];
  headers: Headers;
}

export interface Caller {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  ds: DataSource;
  config: Config;
  app: FastifyInstance;
  counter: SqlCounter;
  databaseUrl: string;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  gql<TData, TVars>(
    doc: TypedDocumentNode<TData, TVars> | DocumentNode | string,
    variables?: TVars,
    caller?: Caller,
  ): Promise<GqlResult<TData>>;
  close(): Promise<void>;
}

/**
 * A real server on a database of its own, cloned from the migrated template:
 * the test talks to it over HTTP exactly as a client would.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
  opts: {
    /** How the server reaches its database, e.g. through a relay the test can cut. */
    connectVia?: (databaseUrl: string) => Promise<string>;
  } = {},
): Promise<TestServer> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDb');
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName} TEMPLATE ${template}`);
  const databaseUrl = withDatabase(adminUrl, dbName);
  const counter = new SqlCounter();
  const ds = createDataSource({ url: opts.connectVia ? await opts.connectVia(databaseUrl) : databaseUrl, poolSize: 8, counter });
  await ds.initialize();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-test-'));
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    uploadsDir: path.join(dir, 'uploads'),
    jwtSecret: randomBytes(32).toString('hex'),
    logLevel: 'silent',
    seedOnEmpty: false,
    loginAttemptsPerIp: 100_000,
    ...overrides,
  });
  const { app } = await buildApp(ds, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    ds,
    config,
    app,
    counter,
    databaseUrl,
    query: (sql, params) => ds.query(sql, params),
    async gql(doc, variables, caller = {}) {
      const query = typeof doc === 'string' ? doc : print(doc);
      const headers: Record<string, string> = { 'content-type': 'application/json', ...caller.headers };
      if (caller.token) headers.authorization = `Bearer ${caller.token}`;
      if (caller.cookie) headers.cookie = caller.cookie;
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResult<unknown>['errors'] };
      return { status: res.status, data: body.data as never, errors: body.errors, headers: res.headers };
    },
    async close() {
      await app.close();
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    },
  };
}
