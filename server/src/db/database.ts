import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import type { SqlCounter } from './sql-counter';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The configured PostgreSQL: DATABASE_URL when set, otherwise the embedded
 * cluster kept under DATA_DIR/postgres.
 */
export async function openDatabase(opts: { quiet?: boolean } = {}): Promise<OpenDatabase> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), {
    database: 'cooplink',
    quiet: opts.quiet ?? true,
    port: process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** Connects and brings the schema up to date; migrations never run twice. */
export async function connectAndMigrate(url: string, opts: { poolSize?: number; counter?: SqlCounter } = {}): Promise<DataSource> {
  const ds = createDataSource({ url, poolSize: opts.poolSize, counter: opts.counter });
  await ds.initialize();
  // Replicas starting together take turns: the first migrates, the rest find nothing to do.
  const lock = ds.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(753019)');
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(753019)').catch(() => undefined);
    await lock.release();
  }
  return ds;
}
