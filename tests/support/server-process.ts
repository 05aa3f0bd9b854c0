/**
 * A second, separate server process for the cross-process tests: run with
 * `tsx tests/support/server-process.ts` and DATABASE_URL and JWT_SECRET in
 * the environment. It shares nothing in memory with the test's own server,
 * only the database, and prints `listening <url>` when ready.
 */
// First: the data source loads reflect-metadata, which the server's decorators need.
import { createDataSource } from '../../server/src/db/data-source';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config';
import { buildApp } from '../../server/src/http/app';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-proc-'));
  const ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
  await ds.initialize();
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    uploadsDir: path.join(dir, 'uploads'),
    jwtSecret: process.env.JWT_SECRET!,
    logLevel: 'silent',
    seedOnEmpty: false,
  });
  const { app } = await buildApp(ds, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening http://127.0.0.1:${port}`);
  const stop = async () => {
    await app.close();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
