import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../../server/src/db/embedded';
import { REPO_ROOT } from '../../support/postgres';

const SERVER_DIR = path.join(REPO_ROOT, 'server');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/**
 * A PostgreSQL cluster of its own and the real server (`server/src/main.ts`)
 * as a child process against it, both on 127.0.0.1. The test may stop and
 * restart the cluster, kill its backends and signal the server.
 */
export interface Stack {
  url: string;
  databaseUrl: string;
  child: ChildProcess;
  /** Resolves when the server process exits. */
  exited: Promise<Exit>;
  /** Everything the server printed, for the failure message. */
  output(): string;
  /** SQL on the same database from the test, on a connection the outage drills leave alone. */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Ends every backend of the server (all sessions on its database but the test's own). */
  terminateServerBackends(): Promise<number>;
  /** Fast shutdown of the cluster (SIGINT to the postmaster, as pg_ctl stop -m fast). */
  stopPostgres(): Promise<void>;
  /** Starts the cluster again on the same folder and port; resolves once it accepts connections. */
  startPostgres(): Promise<void>;
  close(): Promise<void>;
}

const DATABASE = 'cooplink';
const PROBE_APP = 'cooplink-reliability-probe';

export async function startStack(label: string, env: Record<string, string> = {}): Promise<Stack> {
  const pgDir = path.join(REPO_ROOT, '.test-data', `reliability-${label}-${process.pid}-${Date.now()}`);
  mkdirSync(path.dirname(pgDir), { recursive: true });
  const pgPort = await freePort();
  let db: EmbeddedDatabase | null = await startEmbeddedPostgres(pgDir, { database: DATABASE, port: pgPort });
  const databaseUrl = db.url;
  const probeUrl = new URL(databaseUrl);
  probeUrl.searchParams.set('application_name', PROBE_APP);
  const probe = new pg.Pool({ connectionString: probeUrl.toString(), max: 4, connectionTimeoutMillis: 2000 });
  // The drills break these connections too; the pool replaces them.
  probe.on('error', () => undefined);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-rel-'));
  const port = await freePort();
  // As `pnpm start` runs it: one node process, so signals reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SEED_ON_EMPTY: 'false',
      SKIP_CLIENT_BUILD: 'true',
      LOG_LEVEL: 'warn',
      // Every fixture user signs in from this one address.
      LOGIN_ATTEMPTS_PER_IP: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s:\n${out}`)), 120_000);
    const onData = () => {
      if (/Ready .* after the process started/.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${e.code ?? e.signal}) while starting:\n${out}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    child,
    exited,
    output: () => out,
    async sql<R>(text: string, params?: unknown[]) {
      return (await probe.query(text, params)).rows as R[];
    },
    async terminateServerBackends() {
      const rows = (
        await probe.query(
          `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> $2`,
          [DATABASE, PROBE_APP],
        )
      ).rows as { ended: boolean }[];
      return rows.filter((r) => r.ended).length;
    },
    async stopPostgres() {
      await db?.stop();
      db = null;
    },
    async startPostgres() {
      db = await startEmbeddedPostgres(pgDir, { database: DATABASE, port: pgPort });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(t);
      }
      await probe.end().catch(() => undefined);
      await db?.stop();
      rmSync(pgDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
