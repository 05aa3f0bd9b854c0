import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../../server/src/config';
import { freePort } from '../../../server/src/db/embedded';

/**
 * `pnpm start`'s server on an empty data folder (a fresh embedded cluster,
 * migrations, the demo province), timed until it answers its first query.
 */
export async function coldStart(): Promise<{ seconds: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-cold-'));
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT_DIR, 'server', 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
    cwd: path.join(ROOT_DIR, 'server'),
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (Date.now() - started > 120_000) throw new Error('the server did not answer within 120 s');
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
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
