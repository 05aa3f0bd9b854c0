import type { TestProject } from 'vitest/node';
import { connectAndMigrate } from '../../server/src/db/database';
import { loadReferenceData } from '../../server/src/db/seed/reference-data';
import { adminQuery, startTestPostgres, withDatabase } from './postgres';

export const TEMPLATE_DB = 'cooplink_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the whole API run, with a migrated template database;
 * each test file clones the template into a database of its own.
 */
export default async function setup(project: TestProject) {
  const pgServer = await startTestPostgres('api');
  await adminQuery(pgServer.adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await adminQuery(pgServer.adminUrl, `CREATE DATABASE ${TEMPLATE_DB}`);
  const ds = await connectAndMigrate(withDatabase(pgServer.adminUrl, TEMPLATE_DB), { poolSize: 2 });
  await loadReferenceData(ds);
  await ds.destroy();
  project.provide('adminUrl', pgServer.adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
  return async () => {
    await pgServer.stop();
  };
}
