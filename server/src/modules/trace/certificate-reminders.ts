import type { DataSource, EntityManager } from 'typeorm';

/** How many days before expiry a cooperative hears about a certificate; the nearest window that applies wins. */
export const REMINDER_WINDOWS = [30, 7, 1] as const;
/** Arbitrary but fixed: the advisory-lock key every replica uses for this job. */
export const REMINDER_LOCK_KEY = 753_002;

export interface ReminderRun {
  ran: boolean;
  created: number;
}

/**
 * Writes in-app reminders for certificates about to expire. It runs inside
 * one transaction holding a transaction-level advisory lock: when another
 * replica already holds it this run does nothing, so however many replicas
 * tick at once, one does the work. The unique key on (certificate, expiry,
 * window, channel) makes a repeated run harmless. E-mail will be a second
 * channel over the same rows.
 */
export async function runCertificateReminders(ds: DataSource, today: string): Promise<ReminderRun> {
  return ds.transaction(async (em) => {
    const [lock] = (await em.query(`SELECT pg_try_advisory_xact_lock($1) AS got`, [REMINDER_LOCK_KEY])) as { got: boolean }[];
    if (!lock?.got) return { ran: false, created: 0 };
    return { ran: true, created: await createCertificateReminders(em, today) };
  });
}

/**
 * The reminders due on `today` that do not exist yet; the periodic job runner
 * calls this under its own lock, and a run that overlaps another changes nothing.
 */
export async function createCertificateReminders(em: EntityManager, today: string): Promise<number> {
  const rows: unknown[] = await em.query(
    `INSERT INTO certificate_reminder (certification_id, cooperative_id, expires_on, days_before)
       SELECT c.id, p.cooperative_id, c.expires_on,
              (SELECT min(w) FROM unnest($2::int[]) AS w WHERE w >= c.expires_on - $1::date)
         FROM certification c JOIN product p ON p.id = c.product_id
        WHERE c.expires_on IS NOT NULL AND c.expires_on >= $1::date AND c.expires_on - $1::date <= $3
          AND p.status <> 'ARCHIVED'
       ON CONFLICT DO NOTHING
       RETURNING id`,
    [today, [...REMINDER_WINDOWS], Math.max(...REMINDER_WINDOWS)],
  );
  return rows.length;
}
