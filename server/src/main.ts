import 'reflect-metadata';
import { loadConfig } from './config';
import { connectAndMigrate, openDatabase } from './db/database';
import { prepareData } from './db/prepare';
import { buildApp } from './http/app';
import { ensureClientBuilt } from './start-client-build';
import { DEMO_LOGINS, DEMO_PASSWORD } from './db/seed/demo';
import { platformJobs } from './jobs';
import { startJobs } from './jobs/runner';

const log = (msg: string) => console.log(`[cooplink] ${msg}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const clientBuild = ensureClientBuilt(log);
  const db = await openDatabase();
  log(db.embedded ? `Embedded PostgreSQL is running (data in ${config.dataDir}).` : 'Using the PostgreSQL at DATABASE_URL.');
  const ds = await connectAndMigrate(db.url, { poolSize: config.dbPoolSize });
  const seeded = await prepareData(ds, config, log);
  await clientBuild;
  const { app, services } = await buildApp(ds, config);
  await app.listen({ port: config.port, host: config.host });
  const jobs = startJobs(ds, platformJobs(services), log);
  // The first buyer to open their matches should not wait for the catalogue to load; a failure here only delays it to that request.
  services.matching.profiles.current(ds.manager).catch((e: unknown) => log(`Match profiles not loaded yet: ${String(e)}`));

  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  log(`Ready ${process.uptime().toFixed(1)} s after the process started: ${url}`);
  log(`GraphQL: ${url}/graphql`);
  if (seeded || !config.isProduction) {
    log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of DEMO_LOGINS) log(`  ${l.email.padEnd(32)} ${l.role.padEnd(13)} ${l.note}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      jobs.stop();
      await app.close();
      await ds.destroy();
      await db.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  // The embedded PostgreSQL package installs an exit hook that ends the process
  // as soon as a signal arrives, cutting off requests in flight. This process
  // drains first and stops its cluster itself, so its handlers are the only ones.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((err: unknown) => {
  console.error('[cooplink] could not start:', err);
  process.exit(1);
});
