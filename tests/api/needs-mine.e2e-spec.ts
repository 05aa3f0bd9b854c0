import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';

const PostNeed = graphql(`
  mutation TMinePostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
      version
    }
  }
`);

const UpdateNeed = graphql(`
  mutation TMineUpdateNeed($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      __typename
      ... on Need {
        status
      }
    }
  }
`);

const MyNeeds = graphql(`
  query TMineMyNeeds($status: NeedStatus, $first: Int, $after: String) {
    myNeeds(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          kind
        }
      }
    }
  }
`);

const Propose = graphql(`
  mutation TMinePropose($input: ProposeLinkageInput!) {
    proposeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const Move = graphql(`
  mutation TMineMove($input: MoveLinkageInput!) {
    moveLinkage(input: $input) {
      __typename
    }
  }
`);

const Steps = graphql(`
  query TMineSteps($id: ID!) {
    linkage(id: $id) {
      steps {
        toStatus
        actor
        actorOrganization
      }
    }
  }
`);

const StepsOfMany = graphql(`
  query TMineStepsOfMany {
    myLinkages(first: 50) {
      edges {
        node {
          steps {
            actor
            actorOrganization
          }
          shares {
            quantity
          }
          messages {
            body
          }
          agreement {
            totalValue
          }
          deliveries {
            quantity
          }
          fairMeeting {
            id
          }
          fromFair {
            id
          }
        }
      }
    }
  }
`);

let server: TestServer;
let businessId: string;
let otherBusinessId: string;
let coopId: string;
let rep: TestUser;
let otherRep: TestUser;
let manager: TestUser;
let staff: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  otherBusinessId = await createBusiness(server);
  coopId = await createCooperative(server, { name: 'HTX Phân bón Hòa Lợi' });
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  otherRep = await createUser(server, ['BUSINESS_REP'], { businessId: otherBusinessId });
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  staff = await createUser(server, ['TRADE_STAFF']);
  await publishedProduct(server, coopId, { categoryCode: 'fruit.coconut.wax', capacity: 40 });
});
afterAll(async () => {
  await server?.close();
});

async function post(token: string, input: Record<string, unknown>) {
  const res = await server.gql(
    PostNeed,
    {
      input: {
        kind: 'OFFTAKE',
        title: 'Thu mua dừa sáp',
        categoryCode: 'fruit.coconut.wax',
        quantity: 10,
        unit: 'TNE',
        frequency: 'MONTHLY',
        deliveryFrom: '2027-01-01',
        deliveryTo: '2027-06-30',
        expiresAt: inDays(30),
        ...input,
      } as never,
    },
    { token },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed;
}

describe('myNeeds', () => {
  it('lists a business’s own needs in every status, paused ones included, and none of another business', async () => {
    const open = await post(rep.token, { businessId, title: 'Nhu cầu đang mở' });
    const paused = await post(rep.token, { businessId, title: 'Nhu cầu tạm dừng' });
    const moved = await server.gql(
      UpdateNeed,
      { input: { id: paused.id, version: paused.version, status: 'PAUSED' } },
      { token: rep.token },
    );
    expect(moved.data!.updateNeed).toEqual({ __typename: 'Need', status: 'PAUSED' });
    const theirs = await post(otherRep.token, { businessId: otherBusinessId, title: 'Nhu cầu của công ty khác' });

    const res = await server.gql(MyNeeds, { first: 50 }, { token: rep.token });
    const nodes = res.data!.myNeeds.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual([paused.id, open.id]);
    expect(nodes.map((n) => n.status)).toEqual(['PAUSED', 'OPEN']);
    expect(res.data!.myNeeds.totalCount).toBe(2);

    const onlyPaused = await server.gql(MyNeeds, { status: 'PAUSED', first: 50 }, { token: rep.token });
    expect(onlyPaused.data!.myNeeds.edges.map((e) => e.node.id)).toEqual([paused.id]);

    const other = await server.gql(MyNeeds, { first: 50 }, { token: otherRep.token });
    expect(other.data!.myNeeds.edges.map((e) => e.node.id)).toEqual([theirs.id]);
  });

  it('pages with a cursor', async () => {
    const first = await server.gql(MyNeeds, { first: 1 }, { token: rep.token });
    expect(first.data!.myNeeds.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql(MyNeeds, { first: 1, after: first.data!.myNeeds.pageInfo.endCursor }, { token: rep.token });
    expect(second.data!.myNeeds.edges).toHaveLength(1);
    expect(second.data!.myNeeds.edges[0]!.node.id).not.toBe(first.data!.myNeeds.edges[0]!.node.id);
  });

  it('lists a cooperative’s declared input needs for its manager', async () => {
    const need = await post(manager.token, {
      kind: 'INPUT_DEMAND',
      cooperativeId: coopId,
      title: 'Cần mua phân hữu cơ',
      categoryCode: 'input.fertiliser.organic',
    });
    const res = await server.gql(MyNeeds, { first: 50 }, { token: manager.token });
    expect(res.data!.myNeeds.edges.map((e) => e.node)).toEqual([
      { id: need.id, title: 'Cần mua phân hữu cơ', status: 'OPEN', kind: 'INPUT_DEMAND' },
    ]);
  });

  it('shows province-wide staff the needs of every organisation', async () => {
    const res = await server.gql(MyNeeds, { first: 100 }, { token: staff.token });
    expect(res.data!.myNeeds.totalCount).toBe(4);
  });

  it('refuses a visitor who is not signed in', async () => {
    const res = await server.gql(MyNeeds, { first: 10 });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a page larger than 100 with a typed error', async () => {
    const res = await server.gql(MyNeeds, { first: 500 }, { token: rep.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a linkage step', () => {
  it('names who took it and the organisation they spoke for', async () => {
    const need = await post(rep.token, { businessId, title: 'Thu mua dừa sáp theo tháng' });
    const p = await server.gql(Propose, { input: { needId: need.id, cooperativeId: coopId } }, { token: manager.token });
    if (p.data?.proposeLinkage.__typename !== 'Linkage') throw new Error(JSON.stringify(p));
    const id = p.data.proposeLinkage.id;
    await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: rep.token });

    const [bizName] = await server.query<{ name: string }>(`SELECT name FROM business WHERE id = $1`, [businessId]);
    const res = await server.gql(Steps, { id }, { token: staff.token });
    expect(res.data!.linkage.steps).toEqual([
      { toStatus: 'PROPOSED', actor: 'Test COOP_MANAGER', actorOrganization: 'HTX Phân bón Hòa Lợi' },
      { toStatus: 'ACCEPTED', actor: 'Test BUSINESS_REP', actorOrganization: bizName!.name },
    ]);
  });

  it('lets a cooperative propose on a company’s input offer', async () => {
    const offer = await post(rep.token, {
      kind: 'INPUT_SUPPLY',
      businessId,
      title: 'Cung cấp phân hữu cơ vi sinh',
      categoryCode: 'input.fertiliser.organic',
    });
    const p = await server.gql(Propose, { input: { needId: offer.id, cooperativeId: coopId } }, { token: manager.token });
    expect(p.data!.proposeLinkage.__typename).toBe('Linkage');
  });

  it('reads many linkages with their steps, actors, shares, thread, agreement and deliveries in as many statements as fewer', async () => {
    // A second linkage with steps by the same people: the loaders batch, so the statement count does not grow with it.
    server.counter.reset();
    await server.gql(StepsOfMany, undefined, { token: manager.token });
    const withTwo = server.counter.reset();
    const need = await post(rep.token, { businessId, title: 'Thu mua dừa sáp quý hai' });
    const p = await server.gql(Propose, { input: { needId: need.id, cooperativeId: coopId } }, { token: manager.token });
    if (p.data?.proposeLinkage.__typename !== 'Linkage') throw new Error(JSON.stringify(p));
    await server.gql(Move, { input: { id: p.data.proposeLinkage.id, to: 'ACCEPTED' } }, { token: rep.token });
    server.counter.reset();
    const res = await server.gql(StepsOfMany, undefined, { token: manager.token });
    const withThree = server.counter.reset();
    expect(res.data!.myLinkages.edges).toHaveLength(3);
    // Every part of a linkage is loaded for all linkages of the page at once.
    expect(withThree).toBe(withTwo);
  });
});
