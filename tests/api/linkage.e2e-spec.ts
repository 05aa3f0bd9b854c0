import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';

const PostNeed = graphql(`
  mutation TLinkPostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
    }
  }
`);

const Matches = graphql(`
  query TLinkMatches($needId: ID!) {
    needMatches(needId: $needId, first: 5) {
      edges {
        node {
          score
          cooperative {
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

const Propose = graphql(`
  mutation TLinkPropose($input: ProposeLinkageInput!) {
    proposeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
        status
        proposedBy
        shares {
          quantity
          cooperative {
            id
          }
        }
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const Move = graphql(`
  mutation TLinkMove($input: MoveLinkageInput!) {
    moveLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
        status
      }
      ... on InvalidTransitionError {
        code
        from
        to
      }
    }
  }
`);

const Agree = graphql(`
  mutation TLinkAgree($input: AgreeLinkageInput!) {
    agreeLinkage(input: $input) {
      __typename
      ... on Linkage {
        status
        agreement {
          quantity
          unitPrice
          totalValue
          startsOn
          endsOn
        }
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);

const Deliver = graphql(`
  mutation TLinkDeliver($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      __typename
      ... on Delivery {
        quantity
        deliveredOn
      }
      ... on InvalidTransitionError {
        code
        from
      }
    }
  }
`);

const Message = graphql(`
  mutation TLinkMessage($input: PostLinkageMessageInput!) {
    postLinkageMessage(input: $input) {
      body
      author
    }
  }
`);

const LinkageView = graphql(`
  query TLinkView($id: ID!) {
    linkage(id: $id) {
      status
      viewerSteps
      steps {
        fromStatus
        toStatus
        at
      }
      messages {
        body
      }
      deliveries {
        quantity
      }
      agreement {
        totalValue
      }
    }
  }
`);

const Inbox = graphql(`
  query TLinkInbox {
    unreadNotificationCount
    notifications(first: 20) {
      edges {
        node {
          kind
          linkageId
        }
      }
    }
  }
`);

let server: TestServer;
let businessId: string;
let rep: TestUser;
let otherRep: TestUser;
let staff: TestUser;
let coopId: string;
let manager: TestUser;
let outsider: TestUser;
let productId: string;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  otherRep = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
  staff = await createUser(server, ['TRADE_STAFF']);
  coopId = await createCooperative(server, { name: 'HTX Dừa sáp Liên kết' });
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  outsider = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
  productId = await publishedProduct(server, coopId, {
    categoryCode: 'fruit.coconut.wax',
    capacity: 40,
    priceMin: 17_000_000,
    priceMax: 20_000_000,
  });
});
afterAll(async () => {
  await server?.close();
});

async function postNeed(quantity = 20) {
  const res = await server.gql(
    PostNeed,
    {
      input: {
        kind: 'OFFTAKE',
        businessId,
        title: 'Thu mua dừa sáp cho chế biến',
        categoryCode: 'fruit.coconut.wax',
        quantity,
        unit: 'TNE',
        frequency: 'MONTHLY',
        deliveryFrom: '2027-01-01',
        deliveryTo: '2027-12-31',
        priceMin: 16_000_000,
        priceMax: 21_000_000,
        expiresAt: inDays(60),
      },
    },
    { token: rep.token },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed.id;
}

async function propose(needId: string, token = rep.token, extra: Record<string, unknown> = {}) {
  const res = await server.gql(Propose, { input: { needId, cooperativeId: coopId, productId, ...extra } }, { token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.proposeLinkage;
}

async function proposed(needId?: string) {
  const p = await propose(needId ?? (await postNeed()));
  if (p.__typename !== 'Linkage') throw new Error(p.__typename);
  return p.id;
}

describe('a linkage', () => {
  it('goes from a match to a proposal, an agreement with value and a delivery, recording every step', async () => {
    const needId = await postNeed();
    const matches = await server.gql(Matches, { needId }, { token: rep.token });
    const best = matches.data!.needMatches.edges[0]!.node;
    expect(best.cooperative?.id).toBe(coopId);
    const p = await propose(needId, rep.token, { productId: best.product!.id, message: 'Chúng tôi cần 20 tấn mỗi tháng.' });
    expect(p).toMatchObject({ __typename: 'Linkage', status: 'PROPOSED', proposedBy: 'NEED_OWNER' });
    const id = p.__typename === 'Linkage' ? p.id : '';
    const inbox = await server.gql(Inbox, undefined, { token: manager.token });
    expect(inbox.data!.notifications.edges.map((e) => e.node)).toContainEqual({ kind: 'LINKAGE_PROPOSED', linkageId: id });

    expect((await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: manager.token })).data!.moveLinkage).toMatchObject({
      status: 'ACCEPTED',
    });
    expect((await server.gql(Move, { input: { id, to: 'NEGOTIATING' } }, { token: rep.token })).data!.moveLinkage).toMatchObject({
      status: 'NEGOTIATING',
    });
    const msg = await server.gql(Message, { input: { linkageId: id, body: 'Giá 18,5 triệu/tấn được không?' } }, { token: manager.token });
    expect(msg.data!.postLinkageMessage.body).toBe('Giá 18,5 triệu/tấn được không?');
    const agreed = await server.gql(
      Agree,
      { input: { id, quantity: 20, unitPrice: 18_500_000, startsOn: '2027-01-01', endsOn: '2027-12-31' } },
      { token: rep.token },
    );
    expect(agreed.data!.agreeLinkage).toEqual({
      __typename: 'Linkage',
      status: 'AGREED',
      agreement: { quantity: 20, unitPrice: 18_500_000, totalValue: 370_000_000, startsOn: '2027-01-01', endsOn: '2027-12-31' },
    });
    const delivered = await server.gql(
      Deliver,
      { input: { linkageId: id, deliveredOn: '2026-11-15', quantity: 20 } },
      { token: manager.token },
    );
    expect(delivered.data!.recordDelivery).toEqual({ __typename: 'Delivery', quantity: 20, deliveredOn: '2026-11-15' });
    expect((await server.gql(Move, { input: { id, to: 'COMPLETED' } }, { token: rep.token })).data!.moveLinkage).toMatchObject({
      status: 'COMPLETED',
    });

    const view = (await server.gql(LinkageView, { id }, { token: rep.token })).data!.linkage;
    expect(view.steps.map((s) => [s.fromStatus, s.toStatus])).toEqual([
      [null, 'PROPOSED'],
      ['PROPOSED', 'ACCEPTED'],
      ['ACCEPTED', 'NEGOTIATING'],
      ['NEGOTIATING', 'AGREED'],
      ['AGREED', 'DELIVERING'],
      ['DELIVERING', 'COMPLETED'],
    ]);
    const actors = await server.query<{ actor_id: string }>(`SELECT actor_id FROM linkage_event WHERE linkage_id = $1 ORDER BY id`, [id]);
    expect(actors.map((a) => a.actor_id)).toEqual([rep.id, manager.id, rep.id, rep.id, manager.id, rep.id]);
    expect(view.messages.map((m) => m.body)).toEqual(['Chúng tôi cần 20 tấn mỗi tháng.', 'Giá 18,5 triệu/tấn được không?']);
    expect(view.agreement?.totalValue).toBe(370_000_000);
    expect(view.viewerSteps).toEqual([]);
    // The recorded history is append-only.
    await expect(server.query(`UPDATE linkage_event SET to_status = 'CANCELLED' WHERE linkage_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('returns a typed error for an invalid step and writes nothing', async () => {
    const id = await proposed();
    const before = await tableCounts(server, ['linkage_event', 'agreement']);
    const res = await server.gql(Move, { input: { id, to: 'DELIVERING' } }, { token: manager.token });
    expect(res.data!.moveLinkage).toEqual({
      __typename: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'PROPOSED',
      to: 'DELIVERING',
    });
    const agree = await server.gql(
      Agree,
      { input: { id, quantity: 1, unitPrice: 1, startsOn: '2027-01-01', endsOn: '2027-01-02' } },
      { token: rep.token },
    );
    expect(agree.data!.agreeLinkage).toMatchObject({ __typename: 'InvalidTransitionError' });
    const deliver = await server.gql(Deliver, { input: { linkageId: id, deliveredOn: '2026-11-15', quantity: 1 } }, { token: rep.token });
    expect(deliver.data!.recordDelivery).toMatchObject({ __typename: 'InvalidTransitionError', from: 'PROPOSED' });
    expect(await tableCounts(server, ['linkage_event', 'agreement'])).toEqual(before);
  });

  it('does not let the proposer accept its own proposal', async () => {
    const id = await proposed();
    const res = await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: rep.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('accepts exactly once when 50 accepts arrive together', async () => {
    const id = await proposed();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: manager.token })),
    );
    const kinds = results.map((r) => r.data?.moveLinkage.__typename);
    expect(kinds.filter((k) => k === 'Linkage')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'InvalidTransitionError')).toHaveLength(49);
    const events = await server.query(`SELECT to_status FROM linkage_event WHERE linkage_id = $1 ORDER BY id`, [id]);
    expect(events).toEqual([{ to_status: 'PROPOSED' }, { to_status: 'ACCEPTED' }]);
  });

  it('refuses a second live proposal between the same need and cooperative', async () => {
    const needId = await postNeed();
    await proposed(needId);
    expect(await propose(needId)).toEqual({ __typename: 'DuplicateError', code: 'DUPLICATE' });
  });
});

describe('joint offers', () => {
  it('keep the shares of 50 concurrent offers within the need’s quantity', async () => {
    const needId = await postNeed(100);
    // A union manager acting for 50 member cooperatives, each offering 10 t.
    const coops = await Promise.all(Array.from({ length: 50 }, (_, i) => createCooperative(server, { name: `HTX Thành viên ${i}` })));
    const union = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coops[0] });
    for (const c of coops.slice(1))
      await server.query(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1,$2,'OWNER')`, [union.id, c]);
    const results = await Promise.all(
      coops.map((c) =>
        server.gql(Propose, { input: { needId, cooperativeId: c, shares: [{ cooperativeId: c, quantity: 10 }] } }, { token: union.token }),
      ),
    );
    const kinds = results.map((r) => r.data?.proposeLinkage.__typename);
    expect(kinds.filter((k) => k === 'Linkage')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'SharesExceedQuantityError')).toHaveLength(40);
    const [sum] = await server.query<{ total: string; linkages: number }>(
      `SELECT sum(s.quantity)::text AS total, count(DISTINCT l.id)::int AS linkages FROM linkage l LEFT JOIN linkage_share s ON s.linkage_id = l.id WHERE l.need_id = $1`,
      [needId],
    );
    // The refused offers left no linkage behind.
    expect(sum).toEqual({ total: '100.000', linkages: 10 });
  });

  it('refuses a joint offer larger than the need, writing nothing', async () => {
    const needId = await postNeed(30);
    const partner = await createCooperative(server);
    await server.query(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1,$2,'EDITOR')`, [manager.id, partner]);
    const before = await tableCounts(server, ['linkage', 'linkage_share', 'linkage_event']);
    const res = await propose(needId, manager.token, {
      shares: [
        { cooperativeId: coopId, quantity: 20 },
        { cooperativeId: partner, quantity: 15 },
      ],
    });
    expect(res).toEqual({ __typename: 'SharesExceedQuantityError', code: 'SHARES_EXCEED_QUANTITY' });
    expect(await tableCounts(server, ['linkage', 'linkage_share', 'linkage_event'])).toEqual(before);
    const ok = await propose(needId, manager.token, {
      shares: [
        { cooperativeId: coopId, quantity: 20 },
        { cooperativeId: partner, quantity: 10 },
      ],
    });
    expect(ok).toMatchObject({
      __typename: 'Linkage',
      proposedBy: 'RESPONDER',
      shares: expect.arrayContaining([{ quantity: 10, cooperative: { id: partner } }]),
    });
  });
});

describe('forbidden cases', () => {
  it('proposeLinkage: anonymous, staff, another business, a cooperative that is not theirs', async () => {
    const needId = await postNeed();
    for (const c of [
      { caller: {}, code: 'UNAUTHENTICATED' },
      { caller: { token: staff.token }, code: 'FORBIDDEN' },
      { caller: { token: otherRep.token }, code: 'FORBIDDEN' },
      { caller: { token: outsider.token }, code: 'FORBIDDEN' },
    ]) {
      const res = await server.gql(Propose, { input: { needId, cooperativeId: coopId } }, c.caller);
      expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
    }
  });

  it('moveLinkage, agreeLinkage, recordDelivery, postLinkageMessage and linkage: anonymous, outsiders', async () => {
    const id = await proposed();
    for (const c of [
      { caller: {}, code: 'UNAUTHENTICATED' },
      { caller: { token: otherRep.token }, code: 'FORBIDDEN' },
      { caller: { token: outsider.token }, code: 'FORBIDDEN' },
    ]) {
      const results = [
        await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, c.caller),
        await server.gql(Agree, { input: { id, quantity: 1, unitPrice: 1, startsOn: '2027-01-01', endsOn: '2027-01-02' } }, c.caller),
        await server.gql(Deliver, { input: { linkageId: id, deliveredOn: '2026-11-01', quantity: 1 } }, c.caller),
        await server.gql(Message, { input: { linkageId: id, body: 'Xin chào' } }, c.caller),
        await server.gql(LinkageView, { id }, c.caller),
      ];
      for (const r of results) expect(r.errors?.[0]?.extensions?.code).toBe(c.code);
    }
    // Staff read the linkage but do not act for either side.
    expect((await server.gql(LinkageView, { id }, { token: staff.token })).data?.linkage.status).toBe('PROPOSED');
    expect((await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: staff.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
