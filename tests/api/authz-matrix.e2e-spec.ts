import { createClient } from 'graphql-ws';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { NOTIFY_CHANNEL } from '../../server/src/modules/notification/notification.hub';
import { expected, MUTATIONS, QUERIES, SUBSCRIPTIONS, type MatrixEntry } from '../support/security/authz-matrix';
import { buildWorld, CALLER_ROLES, CALLERS, SCOPED_DISTRICT, type CallerName, type World } from '../support/security/authz-world';
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

const mismatches = (rows: Row[]) =>
  rows.filter((r) => r.got !== r.expected).map((r) => `${r.field} as ${r.caller}: expected ${r.expected}, got ${r.got} (${r.detail})`);

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

/**
 * Row count and a digest of every row of every table: any write shows up here.
 * The write-limit counters are left out: every attempted write counts against
 * its caller, refused or not, which is the point of the limit.
 */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await server.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_limit_bucket' ORDER BY 1`,
  );
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t.name}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.name}" x`,
    )
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
    // Arguments first: building them writes the records each call aims at.
    const jobs = await pool(
      Object.entries(MUTATIONS).flatMap(([field, entry]) => CALLERS.map((caller) => ({ field, entry, caller }))),
      4,
      async ({ field, entry, caller }) => ({
        field,
        entry,
        caller,
        want: expected(entry, caller),
        args: (await entry.args?.(world)) ?? {},
      }),
    );
    const run = async (job: (typeof jobs)[number]): Promise<Row> => {
      const { verdict } = await call('mutation', job.field, { ...job.entry, args: () => job.args }, job.caller);
      return { field: job.field, caller: job.caller, expected: job.want, got: verdict.outcome, detail: verdict.detail };
    };
    const lastOnes = jobs.filter((j) => j.want === 'ALLOW' && j.entry.endsOtherSessions);
    const allowed = await pool(
      jobs.filter((j) => j.want === 'ALLOW' && !j.entry.endsOtherSessions),
      4,
      run,
    );
    // The refused calls run as one batch between two fingerprints of the whole database.
    const before = await fingerprint();
    const refused = await pool(
      jobs.filter((j) => j.want === 'DENY'),
      6,
      run,
    );
    const changed = changedTables(before, await fingerprint());
    const dirty: string[] = [];
    if (changed.length) {
      // Something wrote: find which calls, one at a time on fresh records.
      for (const job of jobs.filter((j) => j.want === 'DENY')) {
        const args = (await job.entry.args?.(world)) ?? {};
        const alone = await fingerprint();
        await call('mutation', job.field, { ...job.entry, args: () => args }, job.caller);
        const tables = changedTables(alone, await fingerprint());
        if (tables.length) dirty.push(`${job.field} as ${job.caller} changed ${tables.join(', ')}`);
      }
      if (!dirty.length) dirty.push(`refused calls changed ${changed.join(', ')}`);
    }
    const rows = [...allowed, ...refused];
    expect(rows).toHaveLength(Object.keys(MUTATIONS).length * CALLERS.length - lastOnes.length);
    expect(refused.length).toBeGreaterThan(Object.keys(MUTATIONS).length);
    expect([...mismatches(rows), ...dirty]).toEqual([]);
  });

  it('delivers a cooperative’s live notifications to its own manager only, and refuses anonymous subscribers', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
    const received = new Map<CallerName, string[]>(CALLERS.map((c) => [c, []]));
    const refused = new Set<CallerName>();
    const clients = CALLERS.map((caller) => {
      const token = world.caller(caller).token;
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { token } : {}, retryAttempts: 0 });
      client.subscribe<{ notificationAdded: { id: string } }>(
        { query: operationFor(schema, 'subscription', 'notificationAdded', []) },
        {
          next: (v) => received.get(caller)!.push(v.data?.notificationAdded.id ?? ''),
          error: () => refused.add(caller),
          complete: () => {},
        },
      );
      return client;
    });
    // A subscription is live a moment after its connection is acknowledged; keep notifying A until A hears it.
    const sent: string[] = [];
    const deadline = Date.now() + 10_000;
    while (!received.get('managerA')!.some((id) => sent.includes(id)) && Date.now() < deadline) {
      const [row] = await server.query<{ id: string }>(
        `WITH added AS (INSERT INTO notification (user_id, kind, need_id) VALUES ($1, 'NEED_MATCH', $2) RETURNING id, user_id)
         SELECT id, pg_notify($3, json_build_object('userId', user_id, 'id', id)::text) FROM added`,
        [world.users.managerA.id, world.needB, NOTIFY_CHANNEL],
      );
      sent.push(row!.id);
      await new Promise((r) => setTimeout(r, 300));
    }
    // Give every other subscriber the same chance to hear of it, wrongly.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(clients.map((c) => c.dispose()));

    const rows: Row[] = CALLERS.map((caller) => ({
      field: 'notificationAdded',
      caller,
      expected: expected(SUBSCRIPTIONS.notificationAdded!, caller),
      got: received.get(caller)!.some((id) => sent.includes(id)) ? 'ALLOW' : 'DENY',
      detail: refused.has(caller) ? 'connection refused' : `${received.get(caller)!.length} received`,
    }));
    expect(mismatches(rows)).toEqual([]);
    expect(refused).toEqual(new Set(['anonymous']));
  });
});

describe('an officer scoped to another district, beyond the root fields', () => {
  it('gets only published products when asking for a cooperative’s drafts through the cooperative', async () => {
    const doc = `query ($id: ID!) { cooperative(id: $id) { products(includeUnpublished: true, first: 100) { edges { node { id } } } } }`;
    const ids = async (caller: CallerName) => idsIn((await server.gql(doc, { id: world.coopA }, world.caller(caller))).data);
    expect((await ids('staff')).has(world.draftA)).toBe(true);
    expect((await ids('managerA')).has(world.draftA)).toBe(true);
    const scoped = await ids('scopedStaff');
    expect(scoped.has(world.productA)).toBe(true);
    expect(scoped.has(world.draftA)).toBe(false);
  });

  it('counts only their own area in the verification queue, past its last page too', async () => {
    const doc = `query ($after: String) { verificationQueue(first: 100, after: $after) { totalCount edges { node { organizationId } } } }`;
    const [{ n }] = (await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cooperative c JOIN area a ON a.code = c.area_code WHERE c.verified_at IS NULL AND a.parent_code = $1`,
      [SCOPED_DISTRICT],
    )) as [{ n: number }];
    const farPast = Buffer.from('o:5000').toString('base64url');
    for (const after of [null, farPast]) {
      const res = await server.gql<{ verificationQueue: { totalCount: number } }, unknown>(doc, { after }, world.caller('scopedStaff'));
      expect(res.data?.verificationQueue.totalCount, String(after)).toBe(n);
    }
    const province = await server.gql<{ verificationQueue: { totalCount: number } }, unknown>(
      doc,
      { after: farPast },
      world.caller('staff'),
    );
    expect(province.data?.verificationQueue.totalCount).toBeGreaterThan(n);
  });
});

describe('calls that end the sessions every other check uses', () => {
  it('let each signed-in caller sign out their other devices, and the caller’s usual session stops working', async () => {
    const rows: Row[] = [];
    for (const [field, entry] of Object.entries(MUTATIONS).filter(([, e]) => e.endsOtherSessions)) {
      for (const caller of CALLERS.filter((c) => expected(entry, c) === 'ALLOW')) {
        const { verdict } = await call('mutation', field, entry, caller);
        rows.push({ field, caller, expected: 'ALLOW', got: verdict.outcome, detail: verdict.detail });
        const me = await server.gql(`query { me { id } }`, {}, world.caller(caller));
        expect(me.errors?.[0]?.extensions?.['code'], `${field} as ${caller}`).toBe('UNAUTHENTICATED');
      }
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(mismatches(rows)).toEqual([]);
  });
});
