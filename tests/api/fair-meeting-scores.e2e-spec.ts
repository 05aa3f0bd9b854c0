import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { openFair, participant, type Party } from '../support/fairs';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * At a linkage conference the partners suggested to a company, and the weight the scheduler
 * gives their meetings, come from the platform's match scores: what the company posted
 * against what each cooperative shows. The fit of kinds only stands in where the company
 * posted nothing that concerns a cooperative, and then counts for less.
 */

const SUGGESTED = `query TMeetingScores($id: ID!) {
  fair(id: $id) { myRegistrations { id suggestedPartners(first: 10) { score registration { id } } } }
}`;
const POST = `mutation TMeetingScoresPost($input: PostNeedInput!) { postNeed(input: $input) { id } }`;
const MATCHES = `query TMeetingScoresMatches($id: ID!) { needMatches(needId: $id, first: 50) { edges { node { score product { id } } } } }`;

let server: TestServer;
let staff: TestUser;
let fairId: string;
let buyer: Party;
let coconut: Party;
let rice: Party;
let coconutProduct: string;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  fairId = await openFair(server, staff);
  buyer = await participant(server, staff, fairId, 'business');
  coconut = await participant(server, staff, fairId, 'coop');
  rice = await participant(server, staff, fairId, 'coop');
  coconutProduct = await publishedProduct(server, coconut.orgId, { categoryCode: 'fruit.coconut.wax', capacity: 30, months: [3, 4, 5, 6] });
  await publishedProduct(server, rice.orgId, { categoryCode: 'grain.rice.fragrant', capacity: 500 });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function suggestions(): Promise<{ score: number; registration: { id: string } }[]> {
  const res = await server.gql<
    { fair: { myRegistrations: { id: string; suggestedPartners: { score: number; registration: { id: string } }[] }[] } },
    { id: string }
  >(SUGGESTED, { id: fairId }, { token: buyer.user.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.fair.myRegistrations.find((r) => r.id === buyer.regId)!.suggestedPartners;
}

describe('meeting scores at a fair', () => {
  it('follow the fit of kinds, weighted down, while the company has posted nothing', async () => {
    const before = await suggestions();
    expect(before.map((s) => s.registration.id).sort()).toEqual([coconut.regId, rice.regId].sort());
    for (const s of before) expect(s.score).toBeLessThanOrEqual(0.8);
  });

  it('follow the match score of the company’s posted need once there is one', async () => {
    const posted = await server.gql<{ postNeed: { id: string } }, unknown>(
      POST,
      {
        input: {
          kind: 'OFFTAKE',
          businessId: buyer.orgId,
          title: 'Thu mua dừa sáp cho nhà máy',
          categoryCode: 'fruit.coconut.wax',
          quantity: 20,
          unit: 'TNE',
          frequency: 'MONTHLY',
          deliveryFrom: '2027-03-01',
          deliveryTo: '2027-06-30',
          negotiable: true,
          expiresAt: inDays(30),
        },
      },
      { token: buyer.user.token },
    );
    const needId = posted.data!.postNeed.id;
    const matches = await server.gql<{ needMatches: { edges: { node: { score: number; product: { id: string } } }[] } }, unknown>(
      MATCHES,
      { id: needId },
      { token: buyer.user.token },
    );
    const match = matches.data!.needMatches.edges.find((e) => e.node.product.id === coconutProduct)!.node.score;
    expect(match).toBeGreaterThan(80);

    const after = await suggestions();
    expect(after[0]).toEqual({ registration: { id: coconut.regId }, score: Math.round(match * 10) / 1000 });
    // The rice cooperative answers none of the company's needs: its score is still the weighted fit of kinds.
    const riceBefore = (await suggestions()).find((s) => s.registration.id === rice.regId)!;
    expect(riceBefore.score).toBeLessThanOrEqual(0.8);
    expect(after[0]!.score).toBeGreaterThan(riceBefore.score);
  });

  it('are the same seen from the cooperative’s side', async () => {
    const res = await server.gql<
      { fair: { myRegistrations: { suggestedPartners: { score: number; registration: { id: string } }[] }[] } },
      { id: string }
    >(SUGGESTED, { id: fairId }, { token: coconut.user.token });
    const fromCoop = res.data!.fair.myRegistrations[0]!.suggestedPartners.find((s) => s.registration.id === buyer.regId)!;
    const fromBuyer = (await suggestions()).find((s) => s.registration.id === coconut.regId)!;
    expect(fromCoop.score).toBe(fromBuyer.score);
  });
});
