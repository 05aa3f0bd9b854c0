import type { DataSource, EntityManager } from 'typeorm';

export interface Job {
  /** Also the advisory-lock key, so every process agrees on it. */
  name: string;
  intervalMs: number;
  run(em: EntityManager): Promise<number>;
}

export interface JobRunner {
  /** Runs one job now, if no other process is running it; answers whether this process ran it. */
  runOnce(job: Job): Promise<{ ran: boolean; changed: number }>;
  stop(): void;
}

/**
 * A small periodic runner. Every process starts it; each tick takes a
 * transaction-scoped Postgres advisory lock with pg_try_advisory_xact_lock,
 * so while one process runs a job the others skip that tick instead of
 * doing the work twice. The lock goes with the transaction, even if the
 * process dies mid-run.
 */
export function startJobs(ds: DataSource, jobs: Job[], log: (msg: string) => void = () => {}): JobRunner {
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const runOnce = async (job: Job) => {
    return ds.transaction(async (em) => {
      const [row] = (await em.query(`SELECT pg_try_advisory_xact_lock(hashtext('cooplink.job'), hashtext($1)) AS got`, [job.name])) as {
        got: boolean;
      }[];
      if (!row?.got) return { ran: false, changed: 0 };
      return { ran: true, changed: await job.run(em) };
    });
  };
  for (const job of jobs) {
    const tick = async () => {
      if (stopped) return;
      try {
        const { ran, changed } = await runOnce(job);
        if (ran && changed > 0) log(`job ${job.name}: ${changed} changed`);
      } catch (err) {
        // A database outage must not stop the process; the next tick tries again.
        log(`job ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    const t = setInterval(() => void tick(), job.intervalMs);
    t.unref();
    timers.push(t);
    void tick();
  }
  return {
    runOnce,
    stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
    },
  };
}
