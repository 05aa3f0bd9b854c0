import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';

const PostNeed = graphql(`
  mutation TSlPostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
    }
  }
`);

const Add = graphql(`
  mutation TSlAdd($input: ShortlistMatchInput!) {
    shortlistMatch(input: $input) {
      __typename
      ... on ShortlistEntry {
        id
        cooperative {
          id
        }
        product {
          id
        }
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const Remove = graphql(`
  mutation TSlRemove($input: RemoveShortlistEntryInput!) {
    removeShortlistEntry(input: $input)
  }
`);

const List = graphql(`
  query TSlList($needId: ID!) {
    needShortlist(needId: $needId) {
      id
      cooperative {
        id
      }
      product {
        id
      }
      linkage {
        id
        status
      }
    }
  }
`);

const Propose = graphql(`
  mutation TSlPropose($input: ProposeLinkageInput!) {
    proposeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
      }
    }
  }
`);

let server: TestServer;
let businessId: string;
let rep: TestUser;
let colleague: TestUser;
let otherRep: TestUser;
let manager: TestUser;
let staff: TestUser;
let coopA: string;
let coopB: string;
let productA: string;
let productB: string;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  colleague = await createUser(server, ['BUSINESS_REP'], { businessId });
  otherRep = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
  staff = await createUser(server, ['TRADE_STAFF']);
  coopA = await createCooperative(server);
  coopB = await createCooperative(server);
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopA });
  productA = await publishedProduct(server, coopA, { categoryCode: 'grain.rice.fragrant', capacity: 50 });
  productB = await publishedProduct(server, coopB, { categoryCode: 'grain.rice.fragrant', capacity: 50 });
});
afterAll(async () => {
  await server?.close();
});

async function postNeed(): Promise<string> {
  const res = await server.gql(
    PostNeed,
    {
      input: {
        kind: 'OFFTAKE',
        businessId,
        title: 'Thu mua gạo ST25',
        categoryCode: 'grain.rice.fragrant',
        quantity: 30,
        unit: 'TNE',
        frequency: 'SEASONAL',
        deliveryFrom: '2027-01-01',
        deliveryTo: '2027-03-31',
        expiresAt: inDays(30),
      },
    },
    { token: rep.token },
  );
  return res.data!.postNeed.id;
}

describe('a shortlist', () => {
  it('is kept per need, shared by the business’s people, and shows the linkage proposed from it', async () => {
    const needId = await postNeed();
    const otherNeed = await postNeed();
    const a = await server.gql(Add, { input: { needId, cooperativeId: coopA, productId: productA } }, { token: rep.token });
    expect(a.data!.shortlistMatch).toMatchObject({ __typename: 'ShortlistEntry', cooperative: { id: coopA }, product: { id: productA } });
    // The same match twice keeps one entry.
    const again = await server.gql(Add, { input: { needId, cooperativeId: coopA, productId: productA } }, { token: colleague.token });
    expect(again.data!.shortlistMatch).toEqual(a.data!.shortlistMatch);
    await server.gql(Add, { input: { needId, cooperativeId: coopB, productId: productB } }, { token: colleague.token });

    const list = await server.gql(List, { needId }, { token: rep.token });
    expect(list.data!.needShortlist.map((e) => [e.cooperative.id, e.product?.id, e.linkage])).toEqual([
      [coopA, productA, null],
      [coopB, productB, null],
    ]);
    expect((await server.gql(List, { needId: otherNeed }, { token: rep.token })).data!.needShortlist).toEqual([]);

    const proposed = await server.gql(Propose, { input: { needId, cooperativeId: coopB, productId: productB } }, { token: rep.token });
    const linkageId = proposed.data!.proposeLinkage.__typename === 'Linkage' ? proposed.data!.proposeLinkage.id : '';
    const after = await server.gql(List, { needId }, { token: colleague.token });
    expect(after.data!.needShortlist[1]!.linkage).toEqual({ id: linkageId, status: 'PROPOSED' });

    const entryId = after.data!.needShortlist[0]!.id;
    expect((await server.gql(Remove, { input: { id: entryId } }, { token: rep.token })).data!.removeShortlistEntry).toBe(entryId);
    expect((await server.gql(List, { needId }, { token: rep.token })).data!.needShortlist.map((e) => e.cooperative.id)).toEqual([coopB]);
    // The linkage proposed from a removed entry stays.
    const [row] = await server.query<{ status: string }>(`SELECT status FROM linkage WHERE id = $1`, [linkageId]);
    expect(row?.status).toBe('PROPOSED');
  });

  it('takes no new matches once the need is closed', async () => {
    const needId = await postNeed();
    await server.query(`UPDATE need SET status = 'CLOSED' WHERE id = $1`, [needId]);
    const before = await tableCounts(server, ['need_shortlist']);
    const res = await server.gql(Add, { input: { needId, cooperativeId: coopA, productId: productA } }, { token: rep.token });
    expect(res.data!.shortlistMatch).toEqual({ __typename: 'NeedNotOpenError', code: 'NEED_NOT_OPEN' });
    expect(await tableCounts(server, ['need_shortlist'])).toEqual(before);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const needId = await postNeed();
    const before = await tableCounts(server, ['need_shortlist']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ cooperativeId: '00000000-0000-4000-8000-000000000000' }, 'input.cooperativeId'],
      [{ cooperativeId: coopA, productId: productB }, 'input.productId'],
      [{ cooperativeId: 'not-an-id' }, 'input.cooperativeId'],
    ];
    for (const [change, path] of cases) {
      const res = await server.gql(Add, { input: { needId, cooperativeId: coopA, ...change } }, { token: rep.token });
      expect(res.errors?.[0]?.extensions?.code, path).toBe('BAD_USER_INPUT');
      expect(
        res.errors?.[0]?.extensions?.fields?.map((f) => f.path),
        path,
      ).toContain(path);
    }
    const unknownNeed = await server.gql(
      Add,
      { input: { needId: '00000000-0000-4000-8000-000000000000', cooperativeId: coopA } },
      { token: rep.token },
    );
    expect(unknownNeed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknownEntry = await server.gql(Remove, { input: { id: '00000000-0000-4000-8000-000000000000' } }, { token: rep.token });
    expect(unknownEntry.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await tableCounts(server, ['need_shortlist'])).toEqual(before);
  });

  it('holds at most 50 matches, even when the last places are taken all at once', async () => {
    const needId = await postNeed();
    const coops = await Promise.all(Array.from({ length: 60 }, () => createCooperative(server)));
    // 45 places taken already; 15 businesses' clicks race for the last 5.
    await server.query(`INSERT INTO need_shortlist (need_id, cooperative_id, added_by) SELECT $1, unnest($2::uuid[]), $3`, [
      needId,
      coops.slice(0, 45),
      rep.id,
    ]);
    const results = await Promise.all(
      coops.slice(45).map((c) => server.gql(Add, { input: { needId, cooperativeId: c } }, { token: rep.token })),
    );
    expect(results.filter((r) => r.data?.shortlistMatch.__typename === 'ShortlistEntry')).toHaveLength(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT')).toHaveLength(10);
    const [row] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM need_shortlist WHERE need_id = $1`, [needId]);
    expect(row?.n).toBe(50);
  });
});

describe('forbidden cases', () => {
  it('needShortlist, shortlistMatch and removeShortlistEntry: anonymous, another business, a cooperative manager', async () => {
    const needId = await postNeed();
    const entry = await server.gql(Add, { input: { needId, cooperativeId: coopA } }, { token: rep.token });
    const entryId = entry.data!.shortlistMatch.__typename === 'ShortlistEntry' ? entry.data!.shortlistMatch.id : '';
    const before = await tableCounts(server, ['need_shortlist']);
    for (const c of [
      { caller: {}, code: 'UNAUTHENTICATED' },
      { caller: { token: otherRep.token }, code: 'FORBIDDEN' },
      { caller: { token: manager.token }, code: 'FORBIDDEN' },
    ]) {
      const results = [
        await server.gql(List, { needId }, c.caller),
        await server.gql(Add, { input: { needId, cooperativeId: coopB } }, c.caller),
        await server.gql(Remove, { input: { id: entryId } }, c.caller),
      ];
      for (const r of results) expect(r.errors?.[0]?.extensions?.code).toBe(c.code);
    }
    expect(await tableCounts(server, ['need_shortlist'])).toEqual(before);
    // Staff acting on the business's behalf see its shortlist, as they see its matches.
    expect((await server.gql(List, { needId }, { token: staff.token })).data!.needShortlist).toHaveLength(1);
  });
});
