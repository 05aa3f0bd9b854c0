/**
 * The one method the seed needs. A pg Pool or Client, a TypeORM DataSource or
 * QueryRunner all fit, so the server can seed through whatever it already holds.
 * Statements are independent: pass a single connection and wrap the call in
 * BEGIN/COMMIT when the load must be all-or-nothing.
 */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** pg answers `{ rows }`, TypeORM answers the rows themselves. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: T[] }).rows;
  }
  return [];
}
