import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../server/src/config';
import { freePort } from '../../../server/src/db/embedded';

/**
 * `pnpm start` on an empty data folder (a fresh embedded cluster, migrations,
 * the demo province), timed from the command to its first answered query.
 *
 * The data folder lives under .bench-data/ rather than a private temporary
 * directory: when run as root, PostgreSQL runs as its own system user and
 * must be able to reach the folder.
 */
export async function coldStart(benchDataDir: string, log: (m: string) => void): Promise<{ seconds: number }> {
  const dataDir = path.join(benchDataDir, 'cold-start');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const started = Date.now();
  // Its own process group, so pnpm, tsx, the server and its PostgreSQL stop together.
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT_DIR,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`pnpm start exited (${child.exitCode ?? child.signalCode}) before answering:\n${stderr}`);
      if (Date.now() - started > 120_000) throw new Error('pnpm start did not answer within 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ products(first: 1) { edges { node { id } } } }' }),
          signal: AbortSignal.timeout(1000),
        });
        if (res.ok && ((await res.json()) as { data?: unknown }).data) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { seconds: (Date.now() - started) / 1000 };
  } finally {
    await stopGroup(child, log);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** SIGTERM to the whole group (the server drains and stops its database), SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, log: (m: string) => void): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => {
    log('pnpm start did not stop within 20 s of SIGTERM; killing it');
    signal('SIGKILL');
  }, 20_000);
  await exited;
  clearTimeout(timer);
  // The server exits after its PostgreSQL has stopped; wait for any straggler in the group too.
  for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) signal('SIGKILL');
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
