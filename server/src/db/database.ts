import type { EventEmitter } from 'node:events';
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
  keepCheckedOutClientsFromCrashing(ds);
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

/**
 * The pool listens for errors only on idle connections. When the database
 * ends a connection that a request holds between two statements (a restart,
 * an administrator terminating backends), the error would have no listener
 * and end the process. Every connection gets one for good; the request's next
 * statement then fails as "not queryable" and answers UNAVAILABLE.
 */
function keepCheckedOutClientsFromCrashing(ds: DataSource): void {
  const pool = (ds.driver as unknown as { master?: EventEmitter }).master;
  if (!pool) return;
  const guarded = new WeakSet<EventEmitter>();
  pool.on('acquire', (client: EventEmitter) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', () => undefined);
  });
}
