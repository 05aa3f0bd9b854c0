import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The PostgreSQL the tests run against: TEST_DATABASE_URL (a server where we
 * may create databases), else a throw-away embedded cluster with its own
 * folder and port, so parallel runs never meet.
 */
export async function startTestPostgres(label: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const dir = path.join(REPO_ROOT, '.test-data', `${label}-${process.pid}-${Date.now()}`);
  const db: EmbeddedDatabase = await startEmbeddedPostgres(dir, { database: 'postgres' });
  return {
    adminUrl: db.url,
    async stop() {
      await db.stop();
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
