// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import fc from 'fast-check';
import { isNonNullType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { changedTables, leaksIn, post, stringsIn, tableFingerprint, type GqlError } from '../support/security/probe';
import { argTypes, InputFuzzer, literal, loadSchema, selectionFor, type RealValues } from '../support/security/schema-fuzz';

/**
 * Generated requests against every mutation and every query, as every role.
 * FUZZ_SEED picks another sequence, FUZZ_RUNS the total number of requests.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 500);

const DEMO_PASSWORD = 'cooplink-demo';
const CALLERS = ['admin', 'staff', 'staff.cauke', 'coop', 'business'] as const;
type CallerName = (typeof CALLERS)[number] | 'anonymous';

let server: TestServer;
let schema: GraphQLSchema;
let typed: InputFuzzer;
let chaotic: InputFuzzer;
const tokens = new Map<CallerName, string>();

async function signIn(name: (typeof CALLERS)[number]): Promise<string> {
  const res = await post(server, {
    query: `mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { accessToken } } }`,
    variables: { input: { email: `${name}@demo.cooplink.vn`, password: DEMO_PASSWORD } },
  });
  const token = (res.json?.data?.login as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`demo login failed for ${name}: ${res.text.slice(0, 300)}`);
  return token;
}

async function realValues(): Promise<RealValues> {
  const ids: Record<string, string[]> = {};
  const tables = [
    'cooperative',
    'business',
    'product',
    'brand',
    'lot',
    'trace_event',
    'fair',
    'fair_registration',
    'fair_meeting',
    'meeting_request',
    'need',
    'linkage',
    'notification',
    'upload',
  ];
  for (const t of tables) {
    const rows = await server.query<{ id: string }>(`SELECT id::text AS id FROM ${t} ORDER BY id LIMIT 12`);
    ids[t] = rows.map((r) => r.id);
  }
  const codes = async (sql: string) => (await server.query<{ c: string }>(sql)).map((r) => r.c);
  return {
    ids,
    areaCodes: await codes(`SELECT code AS c FROM area ORDER BY code LIMIT 30`),
    categoryCodes: await codes(`SELECT code AS c FROM category ORDER BY code LIMIT 30`),
    lotCodes: await codes(`SELECT code AS c FROM lot ORDER BY code LIMIT 20`),
  };
}

interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [kind, type] of [
    ['mutation', schema.getMutationType()],
    ['query', schema.getQueryType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ kind, field });
  }
  return out;
}

/** The request for one generated case: variables over HTTP, or the same values written into the query text. */
function request(op: Operation, args: Record<string, unknown>, inline: boolean): { query: string; variables?: Record<string, unknown> } {
  const selection = selectionFor(schema, op.field.type);
  const present = Object.entries(args).filter(([, v]) => v !== undefined);
  if (inline) {
    const types = argTypes(op.field);
    const list = present.map(([k, v]) => `${k}: ${literal(v, types[k])}`).join(', ');
    return { query: `${op.kind} { f: ${op.field.name}${list ? `(${list})` : ''} ${selection} }` };
  }
  const defs = present.map(([k]) => `$${k}: ${String(op.field.args.find((a) => a.name === k)!.type)}`).join(', ');
  const use = present.map(([k]) => `${k}: $${k}`).join(', ');
  return {
    query: `${op.kind} Fuzz${defs ? `(${defs})` : ''} { f: ${op.field.name}${use ? `(${use})` : ''} ${selection} }`,
    variables: Object.fromEntries(present),
  };
}

const stats = { cases: 0, accepted: 0, refused: 0, byCode: new Map<string, number>(), tooLarge: 0, nulRefused: 0 };

function isRefused(status: number, data: Record<string, unknown> | null | undefined, errors: GqlError[] | undefined): boolean {
  if (status !== 200) return true;
  const root = data?.f as { __typename?: string; code?: unknown } | null | undefined;
  // Errors on the root field itself (not on a nested one) mean it did not run. A root left null
  // only by a nested field it may not show (e.g. a scoped officer checks a participant in but
  // may not read their meeting requests) ran: its writes are the answer, not a leak.
  const onRoot = (errors ?? []).some((e) => !e.path || e.path.length <= 1);
  if (root === null || root === undefined) return onRoot;
  if (typeof root === 'object' && typeof root.code === 'string' && /Error$/.test(root.__typename ?? '')) return true;
  return onRoot;
}

async function runCase(op: Operation, caller: CallerName, args: Record<string, unknown>, inline: boolean): Promise<void> {
  const body = request(op, args, inline);
  // Signing out ends the caller's session; give it a session of its own.
  let token = caller === 'anonymous' ? undefined : tokens.get(caller);
  if (op.field.name === 'logout' && caller !== 'anonymous') token = await signIn(caller);
  const before = await tableFingerprint(server);
  const res = await post(server, body, token ? { authorization: `Bearer ${token}` } : {});
  stats.cases++;
  const sent = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…(${v.length})` : v));
  const label = `${op.kind} ${op.field.name} as ${caller}: ${sent.slice(0, 1500)}\n→ ${res.status} ${res.text.slice(0, 400)}`;

  expect(res.status, label).toBeLessThan(500);
  if (res.status === 413) {
    stats.tooLarge++;
    return;
  }
  expect(res.json, label).not.toBeNull();
  const errors = res.json?.errors;
  const codes = (errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
  for (const c of codes) stats.byCode.set(c, (stats.byCode.get(c) ?? 0) + 1);
  expect(codes, label).not.toContain('INTERNAL_SERVER_ERROR');
  expect(codes, label).not.toContain('NONE');
  expect(leaksIn(errors, stringsIn(body)), label).toEqual([]);

  const sentNul = stringsIn(body.variables ?? {}).some((s) => s.includes('\u0000')) || body.query.includes('\\u0000');
  if (sentNul && errors?.some((e) => e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.fields))) stats.nulRefused++;
  // A value PostgreSQL refused shows as this message; a NUL must be caught before it gets there.
  if (sentNul) expect(errors?.map((e) => e.message) ?? [], label).not.toContain('A value is not valid.');

  if (isRefused(res.status, res.json?.data, errors)) {
    stats.refused++;
    const after = await tableFingerprint(server);
    expect(changedTables(before, after), `rows changed by a refused request: ${label}`).toEqual([]);
  } else {
    stats.accepted++;
    if (op.kind === 'query') {
      const after = await tableFingerprint(server);
      expect(changedTables(before, after), `rows changed by a query: ${label}`).toEqual([]);
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({ rateLimitWritesPerMinute: 1_000_000 });
  await seedDemo(server.ds, { seed: 753, scale: 1, today: new Date('2026-11-28T03:00:00Z') });
  schema = loadSchema();
  const real = await realValues();
  typed = new InputFuzzer(real, true);
  chaotic = new InputFuzzer(real, false);
  for (const c of CALLERS) tokens.set(c, await signIn(c));
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('generated hostile input', () => {
  it('never gets a 500, an internal error, a leak of SQL or stack, or a write from a refused request', async () => {
    const ops = operations();
    expect(ops.filter((o) => o.kind === 'mutation').length).toBeGreaterThan(30);
    const perOperation = Math.max(1, Math.ceil(TOTAL_RUNS / ops.length));
    console.info(`fuzz: seed ${SEED} (FUZZ_SEED), ${perOperation} cases for each of ${ops.length} operations (FUZZ_RUNS=${TOTAL_RUNS})`);
    for (const [i, op] of ops.entries()) {
      const hasRequiredArgs = op.field.args.some((a) => isNonNullType(a.type));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<CallerName>(...CALLERS, 'anonymous'),
          fc.oneof({ weight: 3, arbitrary: typed.args(op.field) }, { weight: 1, arbitrary: chaotic.args(op.field) }),
          fc.boolean(),
          (caller, args, inline) => runCase(op, caller, args, inline && (hasRequiredArgs || op.field.args.length > 0)),
        ),
        {
          seed: SEED + i,
          numRuns: perOperation,
          endOnFailure: true,
          // Generated values can be a megabyte long: report the failing request, not the value.
          reporter: (run) => {
            if (run.failed)
              throw new Error(
                `${op.field.name}, seed ${run.seed}, path ${run.counterexamplePath}: ${String((run.errorInstance as Error)?.stack ?? run.errorInstance).slice(0, 3000)}`,
              );
          },
        },
      );
    }
    const codes = [...stats.byCode.entries()].map(([c, n]) => `${c} ${n}`).join(', ');
    console.info(
      `fuzz: ${stats.cases} requests, ${stats.accepted} accepted, ${stats.refused} refused (${stats.tooLarge} over the body limit, ` +
        `${stats.nulRefused} refused for NUL); error codes: ${codes}`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(Math.min(500, TOTAL_RUNS));
  }, 900_000);
});

describe('text that cannot be stored: a NUL character, half a surrogate pair', () => {
  const CreateProduct = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id nameVi } }`;

  async function productInput(nameVi: string) {
    const [coop] = await server.query<{ id: string }>(
      `SELECT m.cooperative_id AS id FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE u.email = 'coop@demo.cooplink.vn' AND m.cooperative_id IS NOT NULL`,
    );
    const [category] = await server.query<{ code: string }>(`SELECT code FROM category WHERE depth > 0 ORDER BY code LIMIT 1`);
    return { cooperativeId: coop!.id, nameVi, categoryCode: category!.code, unit: 'KGM' };
  }
  const productCount = async () => (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM product`))[0]!.n;

  it('is refused as invalid input with the field path, in variables, and nothing is written', async () => {
    const before = await productCount();
    const res = await post(
      server,
      { query: CreateProduct, variables: { input: await productInput('Dừa\u0000sáp') } },
      {
        authorization: `Bearer ${tokens.get('coop')}`,
      },
    );
    expect(res.status).toBe(400);
    expect(res.json?.errors).toEqual([
      {
        message: 'Some fields are not valid.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'input.nameVi', message: expect.stringContaining('NUL'), constraints: ['noNulCharacter'] }],
        },
      },
    ]);
    expect(await productCount()).toBe(before);
    // The same input without the NUL is accepted: only the character was at fault.
    const ok = await post(
      server,
      { query: CreateProduct, variables: { input: await productInput('Dừa sáp') } },
      {
        authorization: `Bearer ${tokens.get('coop')}`,
      },
    );
    expect(ok.json?.errors).toBeUndefined();
    expect(await productCount()).toBe(before + 1);
  });

  it('is refused the same way when written into the query text', async () => {
    const input = await productInput('x');
    const query = `mutation { createProduct(input: { cooperativeId: "${input.cooperativeId}", nameVi: "Dừa\\u0000sáp", categoryCode: "${input.categoryCode}", unit: "KGM" }) { id } }`;
    const before = await productCount();
    // Twice: the second time the server answers from the query it already parsed, and must refuse it just the same.
    for (let i = 0; i < 2; i++) {
      const res = await post(server, { query }, { authorization: `Bearer ${tokens.get('coop')}` });
      expect(res.status).toBe(400);
      expect(res.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.nameVi' }] });
    }
    expect(await productCount()).toBe(before);
  });

  it('is refused like half of a surrogate pair, which would otherwise break the e-mail check', async () => {
    const res = await post(server, {
      query: `mutation($input: RegisterInput!) { register(input: $input) { __typename } }`,
      variables: { input: { email: 'a\ud800@example.vn', password: 'a long enough password', displayName: 'Lê Văn C' } },
    });
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.email', constraints: ['wellFormedUnicode'] }],
    });
  });

  it('is refused in a search argument of a query', async () => {
    const res = await post(server, { query: `query($s: String) { products(search: $s) { totalCount } }`, variables: { s: 'dua\u0000' } });
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 's' }] });
  });
});
