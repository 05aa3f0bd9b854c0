import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { gqlOwnConnection, together } from '../support/parallel';
import { startTestServer, type TestServer } from '../support/test-server';

// Fifty requests at once, each on its own connection and spread over several
// signed-in people, against the real server and database. What must hold is
// enforced by PostgreSQL (row locks, conditional updates), so the outcome is
// the same however the requests interleave.
const N = 50;

const CREATE_FAIR = `mutation($input: CreateFairInput!) { createFair(input: $input) { id version } }`;
const TRANSITION_FAIR = `mutation($input: TransitionFairInput!) { transitionFair(input: $input) { __typename } }`;
const REGISTER = `mutation($input: RegisterForFairInput!) {
  registerForFair(input: $input) { __typename ... on FairRegistration { id } ... on ErrorResult { code } } }`;
const REVIEW = `mutation($input: ReviewRegistrationInput!) {
  reviewRegistration(input: $input) {
    __typename
    ... on FairRegistration { id status boothNumber }
    ... on CapacityFullError { code capacity }
    ... on ErrorResult { code }
  } }`;
const POST_NEED = `mutation($input: PostNeedInput!) { postNeed(input: $input) { id } }`;
const PROPOSE = `mutation($input: ProposeLinkageInput!) {
  proposeLinkage(input: $input) { __typename ... on Linkage { id shares { quantity } } ... on ErrorResult { code } } }`;
const MOVE = `mutation($input: MoveLinkageInput!) {
  moveLinkage(input: $input) { __typename ... on Linkage { id status } ... on InvalidTransitionError { code from to } } }`;
const UPDATE_PRODUCT = `mutation($input: UpdateProductInput!) {
  updateProduct(input: $input) {
    __typename
    ... on Product { id version nameVi }
    ... on VersionConflictError { code currentVersion }
  } }`;

type Typed = { __typename: string; code?: string; [k: string]: unknown };

let server: TestServer;
let businessId: string;
let rep: TestUser;
const day = 24 * 3_600_000;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
});
afterAll(async () => {
  await server?.close();
});

/** People who may all act for one organisation: the owner plus editors. */
async function teamOf(cooperativeId: string, size: number): Promise<TestUser[]> {
  const team = await Promise.all(Array.from({ length: size }, () => createUser(server, ['COOP_MANAGER'])));
  for (const u of team)
    await server.query(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1,$2,'EDITOR')`, [u.id, cooperativeId]);
  return team;
}

function kinds(results: { data?: Record<string, Typed> | null }[], field: string): string[] {
  return results.map((r) => r.data?.[field]?.__typename ?? 'none');
}

async function postNeed(quantity: number): Promise<string> {
  const res = await gqlOwnConnection<{ postNeed: { id: string } }>(
    server.url,
    POST_NEED,
    {
      input: {
        kind: 'OFFTAKE',
        businessId,
        title: 'Thu mua dừa sáp cho nhà máy chế biến',
        categoryCode: 'fruit.coconut.wax',
        quantity,
        unit: 'TNE',
        frequency: 'MONTHLY',
        deliveryFrom: '2027-01-01',
        deliveryTo: '2027-12-31',
        expiresAt: inDays(60),
      },
    },
    rep.token,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed.id;
}

describe('booth capacity under concurrent acceptances', () => {
  it(`accepts exactly the free booths when ${N} acceptances arrive at once, and the count never passes capacity`, async () => {
    const staff = await Promise.all(Array.from({ length: 5 }, () => createUser(server, ['TRADE_STAFF'])));
    const capacity = 7;
    const created = await gqlOwnConnection<{ createFair: { id: string; version: number } }>(
      server.url,
      CREATE_FAIR,
      {
        input: {
          kind: 'TRADE_FAIR',
          name: 'Hội chợ OCOP Trà Vinh — thử tải',
          venue: 'Quảng trường tỉnh',
          startsOn: '2026-12-20',
          endsOn: '2026-12-21',
          registrationOpensAt: new Date(Date.now() - day).toISOString(),
          registrationClosesAt: new Date(Date.now() + 10 * day).toISOString(),
          boothCapacity: capacity,
          sessions: [{ label: 'Sáng', date: '2026-12-20', start: '08:00', end: '10:00' }],
          slotMinutes: 30,
          tableCount: 2,
          meetingCap: 4,
          requestExpiryHours: 48,
        },
      },
      staff[0]!.token,
    );
    const fair = created.data!.createFair;
    const opened = await gqlOwnConnection<{ transitionFair: Typed }>(
      server.url,
      TRANSITION_FAIR,
      { input: { id: fair.id, version: fair.version, status: 'OPEN' } },
      staff[0]!.token,
    );
    expect(opened.data?.transitionFair.__typename).toBe('Fair');

    const coops = await Promise.all(Array.from({ length: N }, () => createCooperative(server)));
    const regIds: string[] = [];
    for (const cooperativeId of coops) {
      const r = await gqlOwnConnection<{ registerForFair: Typed }>(
        server.url,
        REGISTER,
        { input: { fairId: fair.id, cooperativeId } },
        staff[0]!.token,
      );
      expect(r.data?.registerForFair.__typename).toBe('FairRegistration');
      regIds.push(r.data!.registerForFair.id as string);
    }

    // Watch the stored count while the acceptances race.
    let watching = true;
    let highest = 0;
    const watcher = (async () => {
      while (watching) {
        const [row] = await server.query<{ n: number; taken: number }>(
          `SELECT (SELECT count(*)::int FROM fair_registration WHERE fair_id = $1 AND status = 'ACCEPTED') AS n,
                  (SELECT booths_taken FROM fair WHERE id = $1) AS taken`,
          [fair.id],
        );
        highest = Math.max(highest, row!.n, row!.taken);
      }
    })();
    const results = await together(N, (i) =>
      gqlOwnConnection<{ reviewRegistration: Typed }>(
        server.url,
        REVIEW,
        { input: { registrationId: regIds[i], decision: 'ACCEPT' } },
        staff[i % staff.length]!.token,
      ),
    );
    watching = false;
    await watcher;

    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const k = kinds(results, 'reviewRegistration');
    expect(k.filter((x) => x === 'FairRegistration')).toHaveLength(capacity);
    expect(k.filter((x) => x === 'CapacityFullError')).toHaveLength(N - capacity);
    for (const r of results)
      if (r.data!.reviewRegistration.__typename === 'CapacityFullError')
        expect(r.data!.reviewRegistration).toMatchObject({ code: 'CAPACITY_FULL', capacity });
    const [row] = await server.query<{ accepted: number; booths: number; taken: number; applied: number }>(
      `SELECT count(*) FILTER (WHERE r.status = 'ACCEPTED')::int AS accepted,
              count(DISTINCT r.booth_number) FILTER (WHERE r.status = 'ACCEPTED')::int AS booths,
              count(*) FILTER (WHERE r.status = 'APPLIED')::int AS applied,
              max(f.booths_taken)::int AS taken
         FROM fair f JOIN fair_registration r ON r.fair_id = f.id WHERE f.id = $1`,
      [fair.id],
    );
    // Refused acceptances left their registrations as they were, still applied.
    expect(row).toEqual({ accepted: capacity, booths: capacity, taken: capacity, applied: N - capacity });
    expect(highest).toBeLessThanOrEqual(capacity);
  });
});

describe('linkage transitions under concurrent accepts', () => {
  it(`records one acceptance when ${N} accepts of one proposal arrive at once`, async () => {
    const coopId = await createCooperative(server, { name: 'HTX Dừa sáp Cầu Kè — thử tải' });
    const productId = await publishedProduct(server, coopId, { categoryCode: 'fruit.coconut.wax', capacity: 40 });
    const team = await teamOf(coopId, 5);
    const needId = await postNeed(20);
    const proposed = await gqlOwnConnection<{ proposeLinkage: Typed }>(
      server.url,
      PROPOSE,
      { input: { needId, cooperativeId: coopId, productId } },
      rep.token,
    );
    const id = proposed.data!.proposeLinkage.id as string;
    expect(id).toBeTruthy();

    const results = await together(N, (i) =>
      gqlOwnConnection<{ moveLinkage: Typed }>(server.url, MOVE, { input: { id, to: 'ACCEPTED' } }, team[i % team.length]!.token),
    );
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const k = kinds(results, 'moveLinkage');
    expect(k.filter((x) => x === 'Linkage')).toHaveLength(1);
    expect(k.filter((x) => x === 'InvalidTransitionError')).toHaveLength(N - 1);
    for (const r of results)
      if (r.data!.moveLinkage.__typename === 'InvalidTransitionError')
        expect(r.data!.moveLinkage).toEqual({
          __typename: 'InvalidTransitionError',
          code: 'INVALID_TRANSITION',
          from: 'ACCEPTED',
          to: 'ACCEPTED',
        });
    const events = await server.query<{ from_status: string | null; to_status: string }>(
      `SELECT from_status, to_status FROM linkage_event WHERE linkage_id = $1 ORDER BY id`,
      [id],
    );
    expect(events).toEqual([
      { from_status: null, to_status: 'PROPOSED' },
      { from_status: 'PROPOSED', to_status: 'ACCEPTED' },
    ]);
    const [linkage] = await server.query<{ status: string; version: number }>(`SELECT status, version FROM linkage WHERE id = $1`, [id]);
    expect(linkage).toMatchObject({ status: 'ACCEPTED' });
  });
});

describe('joint-offer shares under concurrent offers', () => {
  it(`keeps the accepted shares within the need's quantity when ${N} offers arrive at once`, async () => {
    const quantity = 120;
    const needId = await postNeed(quantity);
    // Fifty cooperatives, each with its own manager, offering 7 to 13 t each (about 500 t in all).
    const coops = await Promise.all(Array.from({ length: N }, (_, i) => createCooperative(server, { name: `HTX Thành viên tải ${i}` })));
    const managers = await Promise.all(coops.map((c) => createUser(server, ['COOP_MANAGER'], { cooperativeId: c })));
    const offered = coops.map((_, i) => 7 + (i % 7));
    const results = await together(N, (i) =>
      gqlOwnConnection<{ proposeLinkage: Typed }>(
        server.url,
        PROPOSE,
        { input: { needId, cooperativeId: coops[i], shares: [{ cooperativeId: coops[i], quantity: offered[i] }] } },
        managers[i]!.token,
      ),
    );
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const k = kinds(results, 'proposeLinkage');
    expect(k.every((x) => x === 'Linkage' || x === 'SharesExceedQuantityError')).toBe(true);
    const acceptedSum = results.reduce((sum, r, i) => (r.data!.proposeLinkage.__typename === 'Linkage' ? sum + offered[i]! : sum), 0);
    expect(acceptedSum).toBeLessThanOrEqual(quantity);
    // Every refusal is real: that offer would not have fitted in what was left.
    const smallest = Math.min(...offered);
    expect(quantity - acceptedSum).toBeLessThan(smallest + 6);
    for (const r of results)
      if (r.data!.proposeLinkage.__typename !== 'Linkage') expect(r.data!.proposeLinkage.code).toBe('SHARES_EXCEED_QUANTITY');
    const [stored] = await server.query<{ total: number; linkages: number }>(
      `SELECT coalesce(sum(s.quantity), 0)::float AS total, count(DISTINCT l.id)::int AS linkages
         FROM linkage l LEFT JOIN linkage_share s ON s.linkage_id = l.id WHERE l.need_id = $1`,
      [needId],
    );
    expect(stored).toEqual({ total: acceptedSum, linkages: k.filter((x) => x === 'Linkage').length });
  });
});

describe('version conflicts under concurrent edits', () => {
  it(`lets exactly one of ${N} edits with the same expected version win`, async () => {
    const coopId = await createCooperative(server);
    const productId = await publishedProduct(server, coopId, { categoryCode: 'fruit.coconut.wax' });
    const team = await teamOf(coopId, 5);
    const [before] = await server.query<{ version: number }>(`SELECT version FROM product WHERE id = $1`, [productId]);
    const results = await together(N, (i) =>
      gqlOwnConnection<{ updateProduct: Typed }>(
        server.url,
        UPDATE_PRODUCT,
        { input: { id: productId, version: before!.version, nameVi: `Dừa sáp bản ${i}` } },
        team[i % team.length]!.token,
      ),
    );
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const k = kinds(results, 'updateProduct');
    expect(k.filter((x) => x === 'Product')).toHaveLength(1);
    expect(k.filter((x) => x === 'VersionConflictError')).toHaveLength(N - 1);
    const winner = results.find((r) => r.data!.updateProduct.__typename === 'Product')!.data!.updateProduct;
    for (const r of results)
      if (r.data!.updateProduct.__typename === 'VersionConflictError')
        expect(r.data!.updateProduct).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: before!.version + 1 });
    const [row] = await server.query<{ name_vi: string; version: number }>(`SELECT name_vi, version FROM product WHERE id = $1`, [
      productId,
    ]);
    expect(row).toEqual({ name_vi: winner.nameVi, version: before!.version + 1 });
  });
});
