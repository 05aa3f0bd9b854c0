import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/src/modules/auth/password';
import type { TestServer } from './test-server';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

export type RoleName = 'ADMIN' | 'TRADE_STAFF' | 'COOP_MANAGER' | 'BUSINESS_REP';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken } } }`;

/** A user with the given roles, signed in through the real login mutation. */
export async function createUser(
  server: TestServer,
  roles: RoleName[],
  opts: { cooperativeId?: string; businessId?: string; scopeAreaCode?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${roles.join('-').toLowerCase() || 'user'}-${randomBytes(4).toString('hex')}@test.cooplink.vn`;
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO app_user (email, password_hash, display_name, roles, scope_area_code) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [email, await passwordHash, `Test ${roles.join(' ')}`, roles, opts.scopeAreaCode ?? null],
  );
  const id = row!.id;
  if (opts.cooperativeId)
    await server.query(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1,$2,'OWNER')`, [id, opts.cooperativeId]);
  if (opts.businessId)
    await server.query(`INSERT INTO membership (user_id, business_id, role) VALUES ($1,$2,'OWNER')`, [id, opts.businessId]);
  const res = await server.gql<{ login: { __typename: string; accessToken?: string } }, unknown>(
    LOGIN,
    { input: { email, password: PASSWORD } },
    {
      headers: { 'x-forwarded-for': randomBytes(4).join('.') },
    },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login failed for fixture user: ${JSON.stringify(res)}`);
  return { id, email, token };
}

let seq = 0;

/** A verified cooperative in a commune of Cầu Kè, inserted directly. */
export async function createCooperative(
  server: TestServer,
  overrides: { name?: string; areaCode?: string; verified?: boolean } = {},
): Promise<string> {
  seq++;
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO cooperative (name, registration_number, sector, subsector, area_code, member_count, charter_capital, established_on, verified_at)
     VALUES ($1, $2, 'AGRICULTURE', 'Trồng trọt', $3, 20, 500000000, '2015-03-01', $4) RETURNING id`,
    [
      overrides.name ?? `HTX Thử nghiệm ${seq} ${randomBytes(2).toString('hex')}`,
      `TEST-${randomBytes(5).toString('hex')}`,
      overrides.areaCode ?? (await anyCommune(server, '845')),
      overrides.verified === false ? null : new Date(),
    ],
  );
  return row!.id;
}

export async function createBusiness(server: TestServer): Promise<string> {
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO business (name, tax_code, kinds, area_code, verified_at) VALUES ($1, $2, ARRAY['PROCESSOR'], $3, now()) RETURNING id`,
    [
      `Công ty Thử nghiệm ${randomBytes(3).toString('hex')}`,
      String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)).slice(0, 10),
      await anyCommune(server, '842'),
    ],
  );
  return row!.id;
}

export async function anyCommune(server: TestServer, districtCode: string): Promise<string> {
  const [row] = await server.query<{ code: string }>(`SELECT code FROM area WHERE parent_code = $1 ORDER BY code LIMIT 1`, [districtCode]);
  if (!row) throw new Error(`no commune under ${districtCode}`);
  return row.code;
}

export async function tableCounts(server: TestServer, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = row!.n;
  }
  return out;
}
