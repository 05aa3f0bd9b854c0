import type { EntityManager } from 'typeorm';

export interface Bucket {
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters kept in Postgres, so every replica sees the same
 * count. `hit` adds one and returns the new count in a single statement.
 */
export async function hit(em: EntityManager, key: string, windowSeconds: number): Promise<Bucket> {
  const rows: { hits: number; retry: number }[] = await em.query(
    `INSERT INTO rate_limit_bucket AS b (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN b.window_start < now() - make_interval(secs => $2) THEN 1 ELSE b.hits + 1 END,
       window_start = CASE WHEN b.window_start < now() - make_interval(secs => $2) THEN now() ELSE b.window_start END
     RETURNING hits, GREATEST(1, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry`,
    [key, windowSeconds],
  );
  const row = rows[0];
  return { hits: row?.hits ?? 1, retryAfterSeconds: row?.retry ?? windowSeconds };
}

/** The current count of a window without adding to it. */
export async function peek(em: EntityManager, key: string, windowSeconds: number): Promise<Bucket> {
  const rows: { hits: number; retry: number }[] = await em.query(
    `SELECT hits, GREATEST(1, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry
       FROM rate_limit_bucket WHERE key = $1 AND window_start >= now() - make_interval(secs => $2)`,
    [key, windowSeconds],
  );
  const row = rows[0];
  return { hits: row?.hits ?? 0, retryAfterSeconds: row?.retry ?? 0 };
}

export async function clear(em: EntityManager, key: string): Promise<void> {
  await em.query(`DELETE FROM rate_limit_bucket WHERE key = $1`, [key]);
}

/** Returns `amount` taken from the current window, e.g. an attempt reserved for a check that then passed. */
export async function giveBack(em: EntityManager, key: string, windowSeconds: number, amount = 1): Promise<void> {
  await em.query(
    `UPDATE rate_limit_bucket SET hits = GREATEST(0, hits - $3)
      WHERE key = $1 AND window_start >= now() - make_interval(secs => $2)`,
    [key, windowSeconds, amount],
  );
}

export interface Take {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Adds `amount` to a window only if the total stays within `limit`, in one
 * statement, so concurrent requests on different replicas cannot both slip
 * under the limit. A refused request adds nothing.
 */
export async function take(em: EntityManager, key: string, windowSeconds: number, amount: number, limit: number): Promise<Take> {
  if (amount > limit) {
    const current = await peek(em, key, windowSeconds);
    return { allowed: false, hits: current.hits, retryAfterSeconds: Math.max(1, current.retryAfterSeconds || windowSeconds) };
  }
  const rows: { hits: number; retry: number }[] = await em.query(
    `INSERT INTO rate_limit_bucket AS b (key, window_start, hits) VALUES ($1, now(), $3)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN b.window_start < now() - make_interval(secs => $2) THEN $3 ELSE b.hits + $3 END,
       window_start = CASE WHEN b.window_start < now() - make_interval(secs => $2) THEN now() ELSE b.window_start END
     WHERE b.window_start < now() - make_interval(secs => $2) OR b.hits + $3 <= $4
     RETURNING hits, GREATEST(1, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry`,
    [key, windowSeconds, amount, limit],
  );
  const row = rows[0];
  if (row) return { allowed: true, hits: row.hits, retryAfterSeconds: row.retry };
  const current = await peek(em, key, windowSeconds);
  return { allowed: false, hits: current.hits, retryAfterSeconds: Math.max(1, current.retryAfterSeconds) };
}
