// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformJobs } from '../../server/src/jobs';
import { startJobs } from '../../server/src/jobs/runner';
import { createServices } from '../../server/src/services';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';

const PostNeed = graphql(`
  mutation TNeedsPost($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
      kind
      status
      version
      quantity
      unit
      negotiable
      requiredCertifications
      business {
        id
      }
    }
  }
`);

const UpdateNeed = graphql(`
  mutation TNeedsUpdate($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      __typename
      ... on Need {
        id
        status
        version
        title
      }
      ... on VersionConflictError {
        code
        currentVersion
      }
      ... on InvalidTransitionError {
        code
        from
        to
      }
    }
  }
`);

const NeedBoard = graphql(`
  query TNeedsBoard($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          kind
          title
          category {
            code
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const NeedMatches = graphql(`
  query TNeedsMatches($needId: ID!, $first: Int, $after: String) {
    needMatches(needId: $needId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          score
          factors {
            code
            weight
            value
            note
          }
          product {
            id
          }
          cooperative {
            id
          }
        }
      }
    }
  }
`);

const CoopMatches = graphql(`
  query TNeedsCoopMatches($cooperativeId: ID!) {
    cooperativeMatches(cooperativeId: $cooperativeId, first: 50) {
      totalCount
      edges {
        node {
          score
          need {
            id
          }
          product {
            id
          }
        }
      }
    }
  }
`);

const Unread = graphql(`
  query TNeedsUnread {
    unreadNotificationCount
    notifications(first: 10) {
      edges {
        node {
          kind
          score
          readAt
          need {
            id
          }
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation TNeedsMarkRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

let server: TestServer;
let businessId: string;
let rep: TestUser;
let otherRep: TestUser;
let staff: TestUser;
let coopA: string;
let coopB: string;
let managerA: TestUser;
let managerB: TestUser;
let productA: string;
let productB: string;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  otherRep = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
  staff = await createUser(server, ['TRADE_STAFF']);
  coopA = await createCooperative(server, { name: 'HTX Dừa sáp Đúng Người' });
  coopB = await createCooperative(server, { name: 'HTX Dừa nhỏ' });
  const coopC = await createCooperative(server, { name: 'HTX Tôm' });
  managerA = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopA });
  managerB = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopB });
  // The obviously right one: the wanted kind, plenty of capacity, all year, in range, certified.
  productA = await publishedProduct(server, coopA, {
    categoryCode: 'fruit.coconut.wax',
    capacity: 50,
    priceMin: 18_000_000,
    priceMax: 22_000_000,
    certs: ['VIETGAP'],
  });
  productB = await publishedProduct(server, coopB, { categoryCode: 'fruit.coconut.fresh', capacity: 2, months: [1, 2] });
  await publishedProduct(server, coopC, { categoryCode: 'seafood.shrimp', capacity: 500 });
});
afterAll(async () => {
  await server?.close();
});

const needInput = (extra: Record<string, unknown> = {}) => ({
  kind: 'OFFTAKE' as const,
  businessId,
  title: 'Thu mua dừa sáp cho nhà máy',
  categoryCode: 'fruit.coconut.wax',
  quantity: 20,
  unit: 'TNE',
  frequency: 'MONTHLY' as const,
  deliveryFrom: '2027-03-01',
  deliveryTo: '2027-06-30',
  priceMin: 15_000_000,
  priceMax: 25_000_000,
  expiresAt: inDays(30),
  ...extra,
});

async function post(extra: Record<string, unknown> = {}, token = rep.token) {
  const res = await server.gql(PostNeed, { input: needInput(extra) }, { token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed;
}

describe('needs', () => {
  it('a business posts an open offtake need that anyone can find on the board', async () => {
    const need = await post();
    expect(need).toMatchObject({
      kind: 'OFFTAKE',
      status: 'OPEN',
      version: 1,
      quantity: 20,
      negotiable: false,
      business: { id: businessId },
    });
    const board = await server.gql(NeedBoard, { filter: { kind: 'OFFTAKE', categoryCode: 'fruit.coconut' } });
    expect(board.data?.needs.edges.map((e) => e.node.id)).toContain(need.id);
    const other = await server.gql(NeedBoard, { filter: { categoryCode: 'seafood' } });
    expect(other.data?.needs.edges.map((e) => e.node.id)).not.toContain(need.id);
  });

  it('ranks the obviously right cooperative first, and the factors add up to the score', async () => {
    const need = await post();
    const res = await server.gql(NeedMatches, { needId: need.id }, { token: rep.token });
    const edges = res.data!.needMatches.edges;
    expect(edges.map((e) => e.node.product?.id)).toEqual([productA, productB]);
    expect(edges[0]!.node.cooperative?.id).toBe(coopA);
    for (const { node } of edges) {
      const sum = node.factors.reduce((s, f) => s + Math.round(f.value * 100), 0);
      expect(sum).toBe(Math.round(node.score * 100));
    }
    expect(edges[0]!.node.factors.find((f) => f.code === 'CAPACITY')).toMatchObject({ value: 20, note: 'COVERS' });
    // The same inputs give the same ranking.
    expect((await server.gql(NeedMatches, { needId: need.id }, { token: rep.token })).data).toEqual(res.data);
  });

  it('drops candidates that miss a hard requirement', async () => {
    const need = await post({ requiredCertifications: ['VIETGAP'] });
    const res = await server.gql(NeedMatches, { needId: need.id }, { token: rep.token });
    expect(res.data!.needMatches.edges.map((e) => e.node.product?.id)).toEqual([productA]);
  });

  it('notifies the best-matching cooperative, counted as unread until read', async () => {
    const need = await post({ title: 'Cần dừa sáp gấp' });
    const res = await server.gql(Unread, undefined, { token: managerA.token });
    expect(res.data!.unreadNotificationCount).toBeGreaterThan(0);
    expect(res.data!.notifications.edges.map((e) => e.node.need?.id)).toContain(need.id);
    expect(res.data!.notifications.edges[0]!.node).toMatchObject({ kind: 'NEED_MATCH', readAt: null });
    const marked = await server.gql(MarkRead, { input: {} }, { token: managerA.token });
    expect(marked.data!.markNotificationsRead).toBeGreaterThan(0);
    expect((await server.gql(Unread, undefined, { token: managerA.token })).data!.unreadNotificationCount).toBe(0);
  });

  it('ranks open needs for a cooperative in its inbox', async () => {
    const need = await post({ title: 'Dừa sáp cho hộp quà Tết' });
    const res = await server.gql(CoopMatches, { cooperativeId: coopA }, { token: managerA.token });
    const mine = res.data!.cooperativeMatches.edges.find((e) => e.node.need?.id === need.id);
    expect(mine?.node.product?.id).toBe(productA);
  });

  it('lets only the owner edit, checks the version and refuses invalid status changes', async () => {
    const need = await post();
    const ok = await server.gql(
      UpdateNeed,
      { input: { id: need.id, version: 1, title: 'Thu mua dừa sáp loại 1', status: 'PAUSED' } },
      { token: rep.token },
    );
    expect(ok.data!.updateNeed).toMatchObject({ __typename: 'Need', status: 'PAUSED', version: 2 });
    const stale = await server.gql(UpdateNeed, { input: { id: need.id, version: 1, title: 'Tên cũ' } }, { token: rep.token });
    expect(stale.data!.updateNeed).toEqual({ __typename: 'VersionConflictError', code: 'VERSION_CONFLICT', currentVersion: 2 });
    const closed = await server.gql(UpdateNeed, { input: { id: need.id, version: 2, status: 'CLOSED' } }, { token: rep.token });
    expect(closed.data!.updateNeed).toMatchObject({ status: 'CLOSED', version: 3 });
    const reopen = await server.gql(UpdateNeed, { input: { id: need.id, version: 3, status: 'OPEN' } }, { token: rep.token });
    expect(reopen.data!.updateNeed).toEqual({
      __typename: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'CLOSED',
      to: 'OPEN',
    });
  });

  it('refuses bad input with the field path and writes nothing', async () => {
    const before = await tableCounts(server, ['need', 'notification']);
    for (const [extra, path] of [
      [{ deliveryFrom: '2027-07-01', deliveryTo: '2027-06-01' }, 'input.deliveryTo'],
      [{ priceMin: 30_000_000, priceMax: 10_000_000 }, 'input.priceMax'],
      [{ expiresAt: inDays(-1) }, 'input.expiresAt'],
      [{ categoryCode: 'no.such' }, 'input.categoryCode'],
      [{ kind: 'INPUT_DEMAND' }, 'input.cooperativeId'],
    ] as const) {
      const res = await server.gql(PostNeed, { input: needInput(extra) }, { token: rep.token });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields?.[0]?.path).toBe(path);
    }
    expect(await tableCounts(server, ['need', 'notification'])).toEqual(before);
  });

  it('lets staff post on behalf of a business, with an audit record', async () => {
    const need = await post({ title: 'Đăng thay doanh nghiệp' }, staff.token);
    const rows = await server.query(`SELECT action FROM audit_log WHERE entity = 'need' AND entity_id = $1`, [need.id]);
    expect(rows).toEqual([{ action: 'need.post_on_behalf' }]);
  });

  it('lets a cooperative declare an input need, matched with input offers', async () => {
    const demand = await server.gql(
      PostNeed,
      {
        input: {
          ...needInput({ kind: 'INPUT_DEMAND', cooperativeId: coopA, categoryCode: 'input.fertiliser.organic', title: 'Cần phân hữu cơ' }),
          businessId: undefined,
        },
      },
      { token: managerA.token },
    );
    expect(demand.data?.postNeed.kind).toBe('INPUT_DEMAND');
    const offer = await post({ kind: 'INPUT_SUPPLY', categoryCode: 'input.fertiliser', title: 'Cung cấp phân bón hữu cơ', quantity: 100 });
    const res = await server.gql(NeedMatches, { needId: offer.id }, { token: rep.token });
    expect(res.data!.needMatches.edges[0]!.node.cooperative?.id).toBe(coopA);
  });

  describe('forbidden cases', () => {
    it('postNeed: anonymous, a cooperative manager for a business, another business', async () => {
      const cases = [
        { caller: {}, code: 'UNAUTHENTICATED' },
        { caller: { token: managerA.token }, code: 'FORBIDDEN' },
        { caller: { token: otherRep.token }, code: 'FORBIDDEN' },
      ];
      for (const c of cases) {
        const res = await server.gql(PostNeed, { input: needInput() }, c.caller);
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
      }
    });

    it('updateNeed and needMatches: anonymous, another business, a cooperative', async () => {
      const need = await post();
      for (const c of [
        { caller: {}, code: 'UNAUTHENTICATED' },
        { caller: { token: otherRep.token }, code: 'FORBIDDEN' },
        { caller: { token: managerB.token }, code: 'FORBIDDEN' },
      ]) {
        const upd = await server.gql(UpdateNeed, { input: { id: need.id, version: 1, title: 'Không được' } }, c.caller);
        expect(upd.errors?.[0]?.extensions?.code).toBe(c.code);
        const m = await server.gql(NeedMatches, { needId: need.id }, c.caller);
        expect(m.errors?.[0]?.extensions?.code).toBe(c.code);
      }
    });

    it('cooperativeMatches and markNotificationsRead: anonymous; another cooperative', async () => {
      expect((await server.gql(CoopMatches, { cooperativeId: coopA })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await server.gql(CoopMatches, { cooperativeId: coopA }, { token: managerB.token })).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await server.gql(MarkRead, { input: {} })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('the expiry job', () => {
  it('expires due needs, and skips its turn while another process holds the job lock', async () => {
    const need = await post({ title: 'Sắp hết hạn' });
    await server.query(`UPDATE need SET expires_at = now() - interval '1 minute' WHERE id = $1`, [need.id]);
    const runner = startJobs(server.ds, [], () => {});
    const [job] = platformJobs(createServices(server.config));
    // Another process holding the lock: this one must not run the job.
    const other = new pg.Client({ connectionString: server.databaseUrl });
    await other.connect();
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(hashtext('cooplink.job'), hashtext('expire-needs'))`);
    expect(await runner.runOnce(job!)).toEqual({ ran: false, changed: 0 });
    await other.query('COMMIT');
    await other.end();
    const result = await runner.runOnce(job!);
    expect(result.ran).toBe(true);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    const [row] = await server.query<{ status: string }>(`SELECT status FROM need WHERE id = $1`, [need.id]);
    expect(row!.status).toBe('EXPIRED');
    runner.stop();
  });
});
