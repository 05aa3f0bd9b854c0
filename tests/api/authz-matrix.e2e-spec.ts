import { createClient } from 'graphql-ws';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { NOTIFY_CHANNEL } from '../../server/src/modules/notification/notification.hub';
import { expected, MUTATIONS, QUERIES, SUBSCRIPTIONS, type MatrixEntry } from '../support/security/authz-matrix';
import { buildWorld, CALLER_ROLES, CALLERS, type CallerName, type World } from '../support/security/authz-world';
import { classify, idsIn, introspect, operationFor } from '../support/security/operations';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let world: World;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  schema = await introspect(server);
});
afterAll(async () => {
  await server?.close();
});

interface Row {
  field: string;
  caller: CallerName;
  expected: 'ALLOW' | 'DENY';
  got: string;
  detail: string;
}

const mismatches = (rows: Row[]) => rows.filter((r) => r.got !== r.expected).map((r) => `${r.field} as ${r.caller}: expected ${r.expected}, got ${r.got} (${r.detail})`);

/** Runs `fn` over `items`, a few at a time. */
async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** Row count and a digest of every row of every table: any write shows up here. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await server.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const sql = tables
    .map((t) => `SELECT '${t.name}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.name}" x`)
    .join(' UNION ALL ');
  const rows = await server.query<{ t: string; h: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}

async function call(kind: 'query' | 'mutation', field: string, entry: MatrixEntry, caller: CallerName) {
  const args = (await entry.args?.(world)) ?? {};
  const doc = operationFor(schema, kind, field, Object.keys(args));
  const who = entry.ownSession ? await world.freshCaller(caller) : world.caller(caller);
  const res = await server.gql<Record<string, unknown>, unknown>(doc, args, who);
  return { res, verdict: classify(res, field, { probe: entry.probe?.(world), reached: entry.reached }) };
}

describe('the authorization matrix', () => {
  it('has an entry for every Query, Mutation and Subscription field, and none for a field that is gone', () => {
    const live = (t: { getFields(): object } | null | undefined) => Object.keys(t?.getFields() ?? {}).sort();
    expect(Object.keys(QUERIES).sort()).toEqual(live(schema.getQueryType()));
    expect(Object.keys(MUTATIONS).sort()).toEqual(live(schema.getMutationType()));
    expect(Object.keys(SUBSCRIPTIONS).sort()).toEqual(live(schema.getSubscriptionType()));
    const fields = Object.keys(QUERIES).length + Object.keys(MUTATIONS).length + Object.keys(SUBSCRIPTIONS).length;
    console.log(
      `authorization matrix: ${Object.keys(QUERIES).length} queries + ${Object.keys(MUTATIONS).length} mutations + ` +
        `${Object.keys(SUBSCRIPTIONS).length} subscription = ${fields} fields × ${CALLERS.length} callers = ${fields * CALLERS.length} calls\n` +
        CALLERS.map((c) => `  ${c}: ${CALLER_ROLES[c]}`).join('\n'),
    );
  });

  it('lets each caller read exactly what the matrix allows, and never shows hidden records', async () => {
    const jobs = Object.entries(QUERIES).flatMap(([field, entry]) => CALLERS.map((caller) => ({ field, entry, caller })));
    const leaks: string[] = [];
    const rows = await pool(jobs, 6, async ({ field, entry, caller }): Promise<Row> => {
      const { res, verdict } = await call('query', field, entry, caller);
      const seen = idsIn(res.data?.[field]);
      for (const id of entry.hidden?.(world) ?? []) if (seen.has(id)) leaks.push(`${field} as ${caller} shows hidden ${id}`);
      return { field, caller, expected: expected(entry, caller), got: verdict.outcome, detail: verdict.detail };
    });
    expect(rows).toHaveLength(Object.keys(QUERIES).length * CALLERS.length);
    expect(leaks).toEqual([]);
    expect(mismatches(rows)).toEqual([]);
  });

  it('lets each caller change exactly what the matrix allows, and a refused call changes no row of any table', async () => {
    const rows: Row[] = [];
    const dirty: string[] = [];
    for (const [field, entry] of Object.entries(MUTATIONS)) {
      for (const caller of CALLERS) {
        const want = expected(entry, caller);
        // Arguments first: building them writes the records the call aims at.
        const args = (await entry.args?.(world)) ?? {};
        const before = want === 'DENY' ? await fingerprint() : null;
        const { verdict } = await call('mutation', field, { ...entry, args: () => args }, caller);
        if (before) {
          const changed = changedTables(before, await fingerprint());
          if (changed.length) dirty.push(`${field} as ${caller} changed ${changed.join(', ')}`);
        }
        rows.push({ field, caller, expected: want, got: verdict.outcome, detail: verdict.detail });
      }
    }
    expect(rows).toHaveLength(Object.keys(MUTATIONS).length * CALLERS.length);
    expect(mismatches(rows)).toEqual([]);
    expect(dirty).toEqual([]);
  });

  it('delivers a cooperative’s live notifications to its own manager only, and refuses anonymous subscribers', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
    const received = new Map<CallerName, string[]>();
    const refused = new Set<CallerName>();
    const stops: (() => void)[] = [];
    const clients = CALLERS.map((caller) => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: world.caller(caller).token ? { token: world.caller(caller).token } : {},
        retryAttempts: 0,
        lazy: false,
        on: { closed: () => undefined },
      });
      return { caller, client };
    });
    const subscribed = clients.map(
      ({ caller, client }) =>
        new Promise<void>((resolve) => {
          received.set(caller, []);
          const stop = client.subscribe<{ notificationAdded: { id: string } }>(
            { query: operationFor(schema, 'subscription', 'notificationAdded', []) },
            {
              next: (v) => received.get(caller)!.push(v.data?.notificationAdded.id ?? ''),
              error: () => {
                refused.add(caller);
                resolve();
              },
              complete: () => resolve(),
            },
          );
          stops.push(stop);
          // A refused connection errors at once; an accepted one is live once connected.
          client.on('connected', () => setTimeout(resolve, 100));
        }),
    );
    await Promise.all(subscribed);
    const [row] = await server.query<{ id: string }>(
      `WITH added AS (INSERT INTO notification (user_id, kind, need_id) VALUES ($1, 'NEED_MATCH', $2) RETURNING id, user_id)
       SELECT id, pg_notify($3, json_build_object('userId', user_id, 'id', id)::text) FROM added`,
      [world.users.managerA.id, world.needB, NOTIFY_CHANNEL],
    );
    const deadline = Date.now() + 5_000;
    while (!received.get('managerA')!.includes(row!.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Give every other subscriber the same chance to (wrongly) hear of it.
    await new Promise((r) => setTimeout(r, 500));
    for (const stop of stops) stop();
    await Promise.all(clients.map(({ client }) => client.dispose()));

    const rows: Row[] = CALLERS.map((caller) => {
      const got = received.get(caller)!.includes(row!.id) ? 'ALLOW' : 'DENY';
      return {
        field: 'notificationAdded',
        caller,
        expected: expected(SUBSCRIPTIONS.notificationAdded!, caller),
        got,
        detail: refused.has(caller) ? 'connection refused' : `${received.get(caller)!.length} received`,
      };
    });
    expect(mismatches(rows)).toEqual([]);
    expect(refused).toEqual(new Set(['anonymous']));
  });
});
