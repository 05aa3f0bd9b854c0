import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { ROOT_DIR, loadConfig } from '../../../server/src/config';
import { connectAndMigrate } from '../../../server/src/db/database';
import { startEmbeddedPostgres } from '../../../server/src/db/embedded';
import { seedDemo } from '../../../server/src/db/seed/demo';
import { loadReferenceData } from '../../../server/src/db/seed/reference-data';
import { SqlCounter } from '../../../server/src/db/sql-counter';
import { buildApp } from '../../../server/src/http/app';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Git-ignored and stable, so later runs reuse the loaded catalogue. */
export const BENCH_DATA_DIR = path.join(ROOT_DIR, '.bench-data');

/**
 * The benchmark database: a `bench_s<scale>` database on DATABASE_URL's server
 * or on an embedded cluster kept under .bench-data/, loaded once and reused by
 * later runs of the same scale.
 */
export async function benchDatabase(scale: number, log: (m: string) => void): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  const server = external
    ? { url: external, stop: async () => undefined }
    : await startEmbeddedPostgres(path.join(BENCH_DATA_DIR, 'postgres'), { database: 'postgres', quiet: process.env.BENCH_PG_LOG !== '1' });
  const name = `bench_s${scale}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(server.url, name);
  const ds = await connectAndMigrate(url, { poolSize: 2 });
  await loadReferenceData(ds);
  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM cooperative`)) as [{ n: number }];
  await ds.destroy();
  if (n < 180 * scale) {
    if (n > 0) throw new Error(`${name} holds a partial load (${n} cooperatives); drop it and run again`);
    log(`Loading the demo province ${scale} times over (about ${200 * scale} products); this happens once.`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const started = Date.now();
    let last = 0;
    try {
      await client.query('BEGIN');
      await seedDemo(client, {
        seed: 753,
        scale,
        onProgress: (done, total, label) => {
          if (Date.now() - last > 1000 || done === total) {
            last = Date.now();
            const pct = total ? Math.round((done / total) * 100) : 100;
            process.stdout.write(`\r  ${String(pct).padStart(3)}%  ${label.padEnd(40).slice(0, 40)}`);
          }
        },
      });
      await client.query('COMMIT');
      await client.query('VACUUM ANALYZE');
    } finally {
      await client.end();
    }
    process.stdout.write('\n');
    log(`Loaded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
  return { url, stop: server.stop };
}

export interface BenchApp {
  url: string;
  ds: DataSource;
  counter: SqlCounter;
  poolSize: number;
  close(): Promise<void>;
}

/** The real server, in this process, with its production settings apart from logging. */
export async function startApp(url: string, poolSize: number): Promise<BenchApp> {
  const counter = new SqlCounter();
  const ds = await connectAndMigrate(url, { poolSize, counter });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-bench-'));
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    uploadsDir: path.join(dir, 'uploads'),
    jwtSecret: 'benchmark-secret-benchmark-secret-32',
    logLevel: 'silent',
    seedOnEmpty: false,
    dbPoolSize: poolSize,
  });
  const { app } = await buildApp(ds, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ds,
    counter,
    poolSize,
    async close() {
      await app.close();
      await ds.destroy();
    },
  };
}
