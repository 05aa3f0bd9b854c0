import type { Queryable } from './queryable';

/** Postgres types the seed writes; array and json columns travel as text and are cast. */
export type ColumnType =
  | 'uuid'
  | 'text'
  | 'integer'
  | 'smallint'
  | 'bigint'
  | 'numeric'
  | 'boolean'
  | 'date'
  | 'timestamptz'
  | 'float8'
  | 'jsonb'
  | 'smallint[]'
  | 'text[]';

export type Columns = Readonly<Record<string, ColumnType>>;
export type Row = Record<string, unknown>;

/** Rows per statement: large enough to amortise round trips, small enough to keep memory flat. */
export const BATCH_ROWS = 5000;

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest(…)` per batch: one bound
 * parameter per column whatever the row count, so there is no 65,535-parameter
 * ceiling and Postgres plans the statement once.
 */
export async function insertRows(q: Queryable, table: string, columns: Columns, rows: readonly Row[], suffix = ''): Promise<number> {
  const names = Object.keys(columns);
  const unnestArgs = names.map((n, i) => `$${i + 1}::${arrayParamType(columns[n] as ColumnType)}`).join(', ');
  const selectList = names.map((n, i) => (isTextCarried(columns[n] as ColumnType) ? `c${i}::${columns[n]}` : `c${i}`)).join(', ');
  const aliases = names.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${selectList} FROM unnest(${unnestArgs}) AS u(${aliases}) ${suffix}`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const params = names.map((n) => batch.map((r) => toParam(r[n], columns[n] as ColumnType)));
    await q.query(sql, params);
  }
  return rows.length;
}

function isTextCarried(t: ColumnType): boolean {
  return t === 'jsonb' || t.endsWith('[]');
}

function arrayParamType(t: ColumnType): string {
  return isTextCarried(t) ? 'text[]' : `${t}[]`;
}

function toParam(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  if (type.endsWith('[]')) return arrayLiteral(value as readonly (string | number)[]);
  return value;
}

/** Only plain codes and month numbers go into array columns, so quoting covers them. */
function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
}
