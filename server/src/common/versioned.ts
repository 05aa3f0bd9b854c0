import type { EntityManager } from 'typeorm';

export type VersionedUpdate = { kind: 'updated' } | { kind: 'conflict'; currentVersion: number } | { kind: 'missing' };

/**
 * An optimistic-lock update: `UPDATE … WHERE id = $id AND version = $v`, then
 * the affected-row count decides. A stale version changes nothing and reports
 * the version that is stored now.
 */
export async function updateVersioned(
  em: EntityManager,
  table: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<VersionedUpdate> {
  const cols = Object.entries(changes).filter(([, v]) => v !== undefined);
  const sets = cols.map(([c], i) => `${c} = $${i + 3}`);
  sets.push('version = version + 1', 'updated_at = now()');
  const result: [unknown[], number] = await em.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, [
    id,
    version,
    ...cols.map(([, v]) => v),
  ]);
  if (result[1] > 0) return { kind: 'updated' };
  const current: { version: number }[] = await em.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  const row = current[0];
  return row ? { kind: 'conflict', currentVersion: row.version } : { kind: 'missing' };
}
