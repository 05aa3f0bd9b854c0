import { randomBytes } from 'node:crypto';
import { anyCommune, createBusiness, createCooperative, createUser, PASSWORD, type TestUser } from '../fixtures';
import { inDays, publishedProduct } from '../needs';
import type { Caller, TestServer } from '../test-server';

/**
 * The people and records the authorization matrix plays against.
 *
 * Cooperative A (in district 849) and business B (in district 842) own every
 * record the matrix aims at. Cooperative C and business D belong to "another
 * organisation". The area-scoped officer looks after district 845 only, so A
 * and B are outside their area.
 */
export const CALLERS = ['anonymous', 'admin', 'staff', 'scopedStaff', 'managerA', 'repB', 'otherOrg'] as const;
export type CallerName = (typeof CALLERS)[number];

export const CALLER_ROLES: Record<CallerName, string> = {
  anonymous: 'no token',
  admin: 'ADMIN',
  staff: 'TRADE_STAFF, province-wide',
  scopedStaff: 'TRADE_STAFF scoped to district 845, acting on A/B outside it',
  managerA: 'COOP_MANAGER of cooperative A',
  repB: 'BUSINESS_REP of business B',
  otherOrg: 'COOP_MANAGER of C and BUSINESS_REP of D, acting on A/B',
};

export const SCOPED_DISTRICT = '845';
const DISTRICT_A = '849';

const day = 86_400_000;

export interface World {
  server: TestServer;
  users: Record<Exclude<CallerName, 'anonymous'>, TestUser>;
  coopA: string;
  coopC: string;
  businessB: string;
  businessD: string;
  communeA: string;
  /** Published product of A, with a certificate about to expire. */
  productA: string;
  /** Draft product of A: visible to A and staff only. */
  draftA: string;
  lotA: { id: string; code: string };
  /** Open offtake need of B, matching A's product. */
  needB: string;
  /** Paused need of B: visible to B and staff only. */
  pausedNeedB: string;
  /** A linkage between B's need and A. */
  linkageAB: string;
  /** An open fair where A and B are accepted participants. */
  fair: string;
  /** A draft fair: staff only. */
  draftFair: string;
  /** A's unread notification. */
  notificationA: string;
  reminderA: string;
  /** An unverified cooperative in A's district, waiting in the verification queue. */
  unverifiedCoop: string;
  /** An audit entry about A. */
  auditA: string;
  caller(name: CallerName): Caller;
  /** A new session for a caller, for calls that end the session they use. */
  freshCaller(name: CallerName): Promise<Caller>;
  make: Makers;
}

export interface Makers {
  cooperativeInA(opts?: { verified?: boolean }): Promise<string>;
  product(status: 'DRAFT' | 'PUBLISHED'): Promise<{ id: string; version: number }>;
  need(status?: 'OPEN' | 'PAUSED'): Promise<{ id: string; version: number }>;
  linkage(status: string, opts?: { needId?: string }): Promise<string>;
  fair(status: 'DRAFT' | 'OPEN'): Promise<{ id: string; version: number }>;
  registration(fairId: string, org: 'A' | 'B', status?: string): Promise<string>;
  /** An open fair with A and B accepted and a meeting between them. */
  fairWithMeeting(meetingStatus?: 'SCHEDULED' | 'HELD'): Promise<{ fairId: string; regA: string; regB: string; meeting: string }>;
  meetingRequest(fairId: string, from: string, to: string): Promise<string>;
  /** An entry on the shortlist of one of B's open needs, naming cooperative A. */
  shortlistEntry(): Promise<string>;
  notificationForA(): Promise<string>;
  refreshToken(): Promise<string>;
  /** The id of a new session of A's manager, as if signed in on a second phone. */
  sessionOfA(): Promise<string>;
  email(): string;
}

const LOGIN = `mutation AuthzLogin($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;

export async function buildWorld(server: TestServer): Promise<World> {
  const q = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => server.query<R>(sql, params);
  const one = async <R>(sql: string, params?: unknown[]) => (await q<R>(sql, params))[0]!;

  const communeA = await anyCommune(server, DISTRICT_A);
  const coopA = await createCooperative(server, { name: 'HTX A Dừa sáp', areaCode: communeA });
  const coopC = await createCooperative(server, { name: 'HTX C', areaCode: await anyCommune(server, '842') });
  const businessB = await createBusiness(server);
  const businessD = await createBusiness(server);

  const users = {
    admin: await createUser(server, ['ADMIN']),
    staff: await createUser(server, ['TRADE_STAFF']),
    scopedStaff: await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: SCOPED_DISTRICT }),
    managerA: await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopA }),
    repB: await createUser(server, ['BUSINESS_REP'], { businessId: businessB }),
    otherOrg: await createUser(server, ['COOP_MANAGER', 'BUSINESS_REP'], { cooperativeId: coopC, businessId: businessD }),
  };

  const login = async (email: string) => {
    const res = await server.gql<{ login: { accessToken?: string; refreshToken?: string } }, unknown>(
      LOGIN,
      { input: { email, password: PASSWORD } },
      { headers: { 'x-forwarded-for': randomBytes(4).join('.') } },
    );
    if (!res.data?.login.accessToken) throw new Error(`login failed: ${JSON.stringify(res)}`);
    return { accessToken: res.data.login.accessToken, refreshToken: res.data.login.refreshToken! };
  };

  let seq = 0;
  const make: Makers = {
    email: () => `authz-${randomBytes(5).toString('hex')}@test.cooplink.vn`,
    async cooperativeInA(opts = {}) {
      const id = await createCooperative(server, { areaCode: communeA, verified: opts.verified ?? true });
      await q(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1,$2,'OWNER')`, [users.managerA.id, id]);
      return id;
    },
    async product(status) {
      return one<{ id: string; version: number }>(
        `INSERT INTO product (cooperative_id, category_code, name_vi, unit, status, published_at)
         VALUES ($1, 'fruit.coconut.wax', $2, 'TNE', $3, CASE WHEN $3 = 'PUBLISHED' THEN now() END) RETURNING id, version`,
        [coopA, `Dừa sáp thử ${++seq}`, status],
      );
    },
    async need(status = 'OPEN') {
      return one<{ id: string; version: number }>(
        `INSERT INTO need (kind, business_id, title, category_code, quantity, unit, frequency, delivery_from, delivery_to, expires_at, status, created_by)
         VALUES ('OFFTAKE', $1, $2, 'fruit.coconut.wax', 50, 'TNE', 'MONTHLY', '2027-03-01', '2027-06-30', $3, $4, $5) RETURNING id, version`,
        [businessB, `Thu mua dừa sáp ${++seq}`, inDays(30), status, users.repB.id],
      );
    },
    async linkage(status, opts = {}) {
      const needId = opts.needId ?? (await make.need()).id;
      const { id } = await one<{ id: string }>(
        `INSERT INTO linkage (need_id, cooperative_id, proposed_by, status, created_by) VALUES ($1,$2,'NEED_OWNER',$3,$4) RETURNING id`,
        [needId, coopA, status, users.repB.id],
      );
      await q(`INSERT INTO linkage_event (linkage_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'PROPOSED', $2)`, [
        id,
        users.repB.id,
      ]);
      if (status === 'AGREED')
        await q(
          `INSERT INTO agreement (linkage_id, quantity, unit, unit_price, starts_on, ends_on, total_value, signed_by)
           VALUES ($1, 10, 'TNE', 20000000, '2027-03-01', '2027-06-30', 200000000, $2)`,
          [id, users.repB.id],
        );
      return id;
    },
    async fair(status) {
      return one<{ id: string; version: number }>(
        `INSERT INTO fair (kind, name, venue, starts_on, ends_on, registration_opens_at, registration_closes_at, booth_capacity,
            sessions, slot_minutes, table_count, meeting_cap, request_expiry_hours, status, created_by)
         VALUES ('LINKAGE_CONFERENCE', $1, 'Trung tâm Hội nghị tỉnh', '2026-12-12', '2026-12-12', $2, $3, 20, $4, 30, 3, 4, 48, $5, $6)
         RETURNING id, version`,
        [
          `Hội nghị kết nối ${++seq}`,
          new Date(Date.now() - day),
          new Date(Date.now() + 10 * day),
          JSON.stringify([
            { label: 'Sáng', date: '2026-12-12', start: '08:00', end: '10:00' },
            { label: 'Chiều', date: '2026-12-12', start: '14:00', end: '15:00' },
          ]),
          status,
          users.staff.id,
        ],
      );
    },
    async registration(fairId, org, status = 'ACCEPTED') {
      const { id } = await one<{ id: string }>(
        `INSERT INTO fair_registration (fair_id, cooperative_id, business_id, needs_booth, status) VALUES ($1,$2,$3,false,$4) RETURNING id`,
        [fairId, org === 'A' ? coopA : null, org === 'B' ? businessB : null, status],
      );
      return id;
    },
    async fairWithMeeting(meetingStatus = 'SCHEDULED') {
      const { id: fairId } = await make.fair('OPEN');
      const regA = await make.registration(fairId, 'A');
      const regB = await make.registration(fairId, 'B');
      const [a, b] = regA < regB ? [regA, regB] : [regB, regA];
      const { id: meeting } = await one<{ id: string }>(
        `INSERT INTO fair_meeting (fair_id, registration_a, registration_b, slot, table_no, status, a_attended, b_attended)
         VALUES ($1,$2,$3,0,1,$4,$5,$5) RETURNING id`,
        [fairId, a, b, meetingStatus, meetingStatus === 'HELD' ? true : null],
      );
      return { fairId, regA, regB, meeting };
    },
    async meetingRequest(fairId, from, to) {
      const { id } = await one<{ id: string }>(
        `INSERT INTO meeting_request (fair_id, from_registration, to_registration, preference, status, expires_at, created_by)
         VALUES ($1,$2,$3,'MEET','PENDING', now() + interval '2 days', $4) RETURNING id`,
        [fairId, from, to, users.repB.id],
      );
      return id;
    },
    async shortlistEntry() {
      const { id } = await one<{ id: string }>(
        `INSERT INTO need_shortlist (need_id, cooperative_id, added_by) VALUES ($1, $2, $3) RETURNING id`,
        [(await make.need()).id, coopA, users.repB.id],
      );
      return id;
    },
    async notificationForA() {
      const { id } = await one<{ id: string }>(
        `INSERT INTO notification (user_id, kind, need_id) VALUES ($1, 'NEED_MATCH', $2) RETURNING id`,
        [users.managerA.id, needB],
      );
      return id;
    },
    async refreshToken() {
      const user = await createUser(server, ['BUSINESS_REP']);
      return (await login(user.email)).refreshToken;
    },
    async sessionOfA() {
      const { accessToken } = await login(users.managerA.email);
      return (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
    },
  };

  const productA = await publishedProduct(server, coopA, { categoryCode: 'fruit.coconut.wax', capacity: 100 });
  const draftA = (await make.product('DRAFT')).id;
  const { id: certId } = await one<{ id: string }>(
    `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
     VALUES ($1, 'VIETGAP', 'VG-A-1', 'Trung tâm Chứng nhận', '2024-01-01', (now() + interval '20 days')::date) RETURNING id`,
    [productA],
  );
  const { id: reminderA } = await one<{ id: string }>(
    `INSERT INTO certificate_reminder (certification_id, cooperative_id, expires_on, days_before)
     VALUES ($1, $2, (now() + interval '20 days')::date, 30) RETURNING id`,
    [certId, coopA],
  );
  const lotCode = `AUTHZ-${randomBytes(3).toString('hex').toUpperCase()}`;
  const { id: lotId } = await one<{ id: string }>(
    `INSERT INTO lot (code, product_id, cooperative_id, quantity, unit, produced_on, area_code)
     VALUES ($1,$2,$3,1000,'KGM','2026-10-01',$4) RETURNING id`,
    [lotCode, productA, coopA, communeA],
  );
  const needB = (await make.need('OPEN')).id;
  const pausedNeedB = (await make.need('PAUSED')).id;
  const linkageAB = await make.linkage('PROPOSED', { needId: needB });
  const { fairId: fair } = await make.fairWithMeeting();
  const draftFair = (await make.fair('DRAFT')).id;
  const notificationA = await make.notificationForA();
  const unverifiedCoop = await make.cooperativeInA({ verified: false });
  const { id: auditA } = await one<{ id: string }>(
    `INSERT INTO audit_log (action, entity, entity_id, actor_id, data) VALUES ('cooperative.verified', 'cooperative', $1, $2, '{}') RETURNING id::text AS id`,
    [coopA, users.staff.id],
  );

  const tokens = new Map<CallerName, string>(Object.entries(users).map(([k, u]) => [k as CallerName, u.token]));
  return {
    server,
    users,
    coopA,
    coopC,
    businessB,
    businessD,
    communeA,
    productA,
    draftA,
    lotA: { id: lotId, code: lotCode },
    needB,
    pausedNeedB,
    linkageAB,
    fair,
    draftFair,
    notificationA,
    reminderA,
    unverifiedCoop,
    auditA,
    make,
    caller: (name) => (name === 'anonymous' ? {} : { token: tokens.get(name)! }),
    async freshCaller(name) {
      if (name === 'anonymous') return {};
      return { token: (await login(users[name].email)).accessToken };
    },
  };
}
