// First: the test server loads reflect-metadata, which the server modules imported below need.
import './test-server';
import { MatchingService } from '../../server/src/modules/matching/matching.service';
import { Need } from '../../server/src/modules/need/need.entity';
import type { TestUser } from './fixtures';
import { inDays } from './needs';
import type { TestServer } from './test-server';

const MATCHES = `query TSupportMatches($needId: ID!, $first: Int) {
  needMatches(needId: $needId, first: $first) {
    totalCount
    edges { node { score product { id } } }
  }
}`;
const POST = `mutation TSupportPost($input: PostNeedInput!) { postNeed(input: $input) { id } }`;

/** A supermarket chain's monthly pomelo need, posted through the API by the company's representative. */
export async function postPomeloNeed(server: TestServer, rep: TestUser, businessId: string, extra: Record<string, unknown> = {}) {
  const input = {
    kind: 'OFFTAKE',
    businessId,
    title: 'Thu mua bưởi cho chuỗi siêu thị',
    categoryCode: 'fruit.citrus.pomelo',
    quantity: 30,
    unit: 'TNE',
    frequency: 'MONTHLY',
    deliveryFrom: '2027-03-01',
    deliveryTo: '2027-05-31',
    priceMin: 20_000_000,
    priceMax: 30_000_000,
    expiresAt: inDays(30),
    ...extra,
  };
  const res = await server.gql<{ postNeed: { id: string } }, Record<string, unknown>>(POST, { input }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.postNeed.id;
}

/** A published pomelo product of the cooperative, in season for the need above and priced inside its range. */
export async function addPomeloProduct(server: TestServer, cooperativeId: string, capacity: number, name: string): Promise<string> {
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO product (cooperative_id, category_code, name_vi, unit, capacity_per_month, available_months, price_min, price_max,
                          status, published_at, updated_at)
     VALUES ($1, 'fruit.citrus.pomelo', $3, 'TNE', $2, '{3,4,5}', 22000000, 26000000, 'PUBLISHED', now(), now())
     RETURNING id`,
    [cooperativeId, capacity, name],
  );
  return row!.id;
}

/** What the API ranks for a need: the total and the first 100 as [product id, score]. */
export async function servedRanking(server: TestServer, rep: TestUser, needId: string) {
  const res = await server.gql<
    { needMatches: { totalCount: number; edges: { node: { score: number; product: { id: string } | null } }[] } },
    Record<string, unknown>
  >(MATCHES, { needId, first: 100 }, { token: rep.token });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { total: res.data.needMatches.totalCount, top: res.data.needMatches.edges.map((e) => [e.node.product?.id ?? null, e.node.score]) };
}

const reference = new MatchingService();

/** The same, with every candidate scored straight from the tables. */
export async function tableRanking(server: TestServer, needId: string) {
  const need = await server.ds.getRepository(Need).findOneByOrFail({ id: needId });
  const full = await reference.rankForNeed(server.ds.manager, need);
  return { total: full.length, top: full.slice(0, 100).map((m) => [m.productId, m.score]) };
}
