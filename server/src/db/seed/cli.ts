import cliProgress from 'cli-progress';
import pg from 'pg';
import { connectAndMigrate, openDatabase } from '../database';
import { DEMO_PASSWORD, demoLoginLines, seedDemo, type DemoSummary } from './demo';
import { rowsOf } from './queryable';

const USAGE = `Usage: pnpm seed [--scale N] [--seed S] [--force]

Loads the demo province into the configured database (DATABASE_URL, or the
embedded PostgreSQL under DATA_DIR).

  --scale N   copies of the province (default 1: 180 cooperatives, ~200 products;
              500 gives ~90k cooperatives and ~100k products for benchmarks)
  --seed S    random seed (default 753); the same seed builds the same data
  --force     replace the cooperatives, companies and catalogue already there
              (this also empties every table that refers to them); accounts are kept`;

interface Args {
  scale: number;
  seed: number;
  force: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: 1, seed: 753, force: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    if (raw === '--') continue;
    const [flag, inline] = raw.includes('=') ? (raw.split('=', 2) as [string, string]) : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--scale':
        args.scale = Number(value());
        if (!Number.isInteger(args.scale) || args.scale < 1) throw new Error('--scale must be a whole number ≥ 1');
        break;
      case '--seed':
        args.seed = Number(value());
        if (!Number.isInteger(args.seed)) throw new Error('--seed must be a whole number');
        break;
      case '--force':
        args.force = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${raw}\n\n${USAGE}`);
    }
  }
  return args;
}

/** A bar on a terminal; in CI or a log file, a line every tenth of the way. */
function progressReporter(): { update(done: number, total: number, label: string): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'Seeding {bar} {percentage}% | {value}/{total} organisations | {label} | ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, label) {
        if (!started) {
          bar.start(total, done, { label });
          started = true;
        } else bar.update(done, { label });
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total, label) {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      console.log(`seed: ${done}/${total} organisations (${Math.round((done / Math.max(1, total)) * 100)}%) ${label}`);
    },
    stop: () => undefined,
  };
}

function printSummary(s: DemoSummary, seconds: number): void {
  console.log(`\nSeeded scale ${s.scale}, seed ${s.seed} in ${seconds.toFixed(1)} s:`);
  console.log(
    `  ${s.cooperatives} cooperatives (${s.pilots} pilots, ${s.unverifiedCooperatives} awaiting verification), ${s.ratings} ratings`,
  );
  console.log(`  ${s.products} products (${s.publishedProducts} published), ${s.brands} brands, ${s.certifications} certificates`);
  console.log(`  ${s.businesses} companies, ${s.users} demo logins, password "${DEMO_PASSWORD}":`);
  for (const line of demoLoginLines()) console.log(`    ${line}`);
}

/** Resolves to the process exit code. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const db = await openDatabase({ quiet: true });
  let client: pg.Client | undefined;
  try {
    const ds = await connectAndMigrate(db.url, { poolSize: 2 });
    await ds.destroy();
    // A connection of our own: no pool statement timeout, one transaction for the whole load.
    client = new pg.Client({ connectionString: db.url, application_name: 'cooplink-seed' });
    await client.connect();
    const existing = Number(rowsOf<{ n: string }>(await client.query('SELECT count(*) AS n FROM cooperative'))[0]?.n ?? 0);
    if (existing > 0 && !args.force) {
      console.error(`The database already holds ${existing} cooperatives; nothing was changed. Run with --force to replace them.`);
      return 1;
    }
    const started = performance.now();
    const reporter = progressReporter();
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL synchronous_commit = off');
      if (existing > 0) {
        // Replacing the demo replaces its lots' histories too: the rule that keeps trace events
        // append-only is lifted for this one transaction, and is back in force when it commits.
        const guards = ['trace_event', 'trace_event_lot'].map((t) => [t, `${t}_no_truncate`] as const);
        for (const [table, trigger] of guards) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        await client.query('TRUNCATE cooperative, business, fair CASCADE');
        for (const [table, trigger] of guards) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
        await client.query(`DELETE FROM audit_log WHERE action = 'cooperative.status_changed'`);
      }
      const summary = await seedDemo(client, { seed: args.seed, scale: args.scale, onProgress: (d, t, l) => reporter.update(d, t, l) });
      await client.query('COMMIT');
      reporter.stop();
      await client.query('ANALYZE');
      printSummary(summary, (performance.now() - started) / 1000);
      return 0;
    } catch (err) {
      reporter.stop();
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await client?.end().catch(() => undefined);
    await db.stop();
  }
}

// Exit explicitly: embedded Postgres's exit hook would otherwise decide the code.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
