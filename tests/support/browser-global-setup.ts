import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/config';
import { connectAndMigrate } from '../../server/src/db/database';
import { prepareData } from '../../server/src/db/prepare';
import { buildApp } from '../../server/src/http/app';
import { runCertificateReminders } from '../../server/src/modules/trace/certificate-reminders';
import { ensureClientBuilt } from '../../server/src/start-client-build';
import { adminQuery, startTestPostgres, withDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * The real server with the demo province and the built client, as a
 * newcomer gets it from `pnpm start`, for the browser tests to drive.
 */
export default async function setup(project: TestProject) {
  const log = (m: string) => console.log(`[browser setup] ${m}`);
  const build = ensureClientBuilt(log);
  const pgServer = await startTestPostgres('browser');
  await adminQuery(pgServer.adminUrl, 'CREATE DATABASE cooplink_browser');
  const ds = await connectAndMigrate(withDatabase(pgServer.adminUrl, 'cooplink_browser'), { poolSize: 8 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cooplink-browser-'));
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    uploadsDir: path.join(dir, 'uploads'),
    jwtSecret: 'browser-tests-secret-that-is-long-enough',
    logLevel: 'silent',
    seedOnEmpty: true,
  });
  await prepareData(ds, config, log);
  // What the hourly job would have produced by now, so managers see their reminders.
  await runCertificateReminders(ds, new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }));
  await build;
  const { app } = await buildApp(ds, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await app.close();
    await ds.destroy();
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
