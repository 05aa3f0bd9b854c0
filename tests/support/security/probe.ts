import type { TestServer } from '../test-server';

/** Text that only an internal failure would put in a response. */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\n\s+at \S/,
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
  /QueryFailedError|EntityNotFound|TypeORMError/,
  /\bSELECT\s/,
  /\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b/,
  /violates/,
  /relation "/,
  /syntax error at/,
  /invalid input syntax/,
  /invalid byte sequence/,
  /duplicate key value/,
  /stacktrace/i,
  /node_modules|\.ts:\d+/,
];

/** Every leaf string in a value (and object keys), longest first. */
export function stringsIn(value: unknown): string[] {
  const out = new Set<string>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) stack.push(...v.slice(0, 50));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        out.add(k);
        stack.push(x);
      }
  }
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * The leaks found in a response's errors. Error messages may quote the
 * client's own input back (GraphQL does, for a value of the wrong type), so
 * the sent strings are removed first: only text the server made up counts.
 */
export function leaksIn(errors: unknown, sent: string[]): string[] {
  let text = JSON.stringify(errors ?? []);
  for (const s of sent) {
    for (const form of [JSON.stringify(JSON.stringify(s)).slice(1, -1), JSON.stringify(s).slice(1, -1)]) {
      if (form.length > 0) text = text.split(form).join('');
    }
  }
  return LEAK_PATTERNS.filter((p) => p.test(text)).map((p) => p.source);
}

/**
 * A fingerprint of every application table: its row count and the sum of its
 * rows' inserting transaction ids (xmin), so an insert, update (a new row
 * version) or delete anywhere shows up. The rate-limit
 * counters are left out: counting a refused attempt is their job.
 */
export async function tableFingerprint(server: TestServer): Promise<Map<string, string>> {
  const tables = await server.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('rate_limit_bucket', 'schema_migration') ORDER BY 1`,
  );
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(sum(x.xmin::text::bigint), 0)::text AS print FROM "${t.name}" x`,
    )
    .join(' UNION ALL ');
  const rows = await server.query<{ name: string; print: string }>(sql);
  return new Map(rows.map((r) => [r.name, r.print]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k));
}

/** POSTs a GraphQL request and keeps the raw text as well as the parsed body. */
export async function post(
  server: TestServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: { data?: Record<string, unknown> | null; errors?: GqlError[] } | null }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}
