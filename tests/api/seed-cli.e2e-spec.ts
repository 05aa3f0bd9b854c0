import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * `pnpm seed` loads the demo province into the configured database; run again
 * it refuses to touch data already there unless told `--force`, and then
 * replaces the demo whole, lots' histories included, while the database keeps
 * refusing any other attempt to empty the trace record.
 */

const require = createRequire(import.meta.url);
const serverDir = new URL('../../server', import.meta.url).pathname;
const tsx = path.join(path.dirname(require.resolve('tsx/package.json', { paths: [serverDir] })), 'dist/cli.mjs');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

function seed(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, '--tsconfig', path.join(serverDir, 'tsconfig.json'), 'src/db/seed/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: server.databaseUrl },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function counts() {
  const [row] = await server.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM cooperative) AS cooperatives, (SELECT count(*) FROM business) AS businesses,
            (SELECT count(*) FROM product) AS products, (SELECT count(*) FROM trace_event) AS events,
            (SELECT count(*) FROM fair) AS fairs, (SELECT count(*) FROM need) AS needs,
            (SELECT count(*) FROM match_profile WHERE eligible) AS profiles`,
  );
  return row!;
}

describe('pnpm seed', () => {
  it('loads the demo, refuses to load it over itself, and replaces it with --force', async () => {
    const first = seed();
    expect(first.status, first.output).toBe(0);
    const loaded = await counts();
    expect(Number(loaded.cooperatives)).toBe(180);
    expect(Number(loaded.events)).toBeGreaterThan(0);
    expect(Number(loaded.fairs)).toBeGreaterThan(0);

    const again = seed();
    expect(again.status).toBe(1);
    expect(again.output).toContain('--force');
    expect(await counts()).toEqual(loaded);

    const forced = seed('--force');
    expect(forced.status, forced.output).toBe(0);
    expect(await counts()).toEqual(loaded);
    // The trace record is append-only again once the reload has committed.
    await expect(server.query('TRUNCATE trace_event CASCADE')).rejects.toThrow(/append-only/);
    await expect(server.query('DELETE FROM trace_event')).rejects.toThrow(/append-only/);
  }, 400_000);
});
