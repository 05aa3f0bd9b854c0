import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../server/src/db/seed/dates';
import { graphql } from '../generated';
import { createUser, type TestUser } from '../support/fixtures';
import { expectSummaryMatchesRows, Summary } from '../support/oversight';
import { startTestServer, type TestServer } from '../support/test-server';

const Rate = graphql(`
  mutation TOversightRate($input: RecordRatingInput!) {
    recordRating(input: $input) {
      id
      ratings {
        year
        ratingClass
        criteria {
          name
          score
          maxScore
        }
      }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation TOversightChangeStatus($input: RecordStatusChangeInput!) {
    recordStatusChange(input: $input) {
      __typename
      ... on Cooperative {
        id
        status
      }
    }
  }
`);

let server: TestServer;
let staff: TestUser;
const ids: Record<string, string> = {};

/**
 * A small province made by hand, whose figures are worked out on paper below:
 * A good and certified, B suspended, C weak with an expired certificate, D a
 * pilot with a draft product only, E founded in 2024 (unrated), F founded in 2025.
 */
beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  const communes = await server.query<{ code: string; parent_code: string }>(
    `SELECT DISTINCT ON (parent_code, rn) code, parent_code FROM (
       SELECT code, parent_code, row_number() OVER (PARTITION BY parent_code ORDER BY code) AS rn FROM area WHERE parent_code IN ('842','845')) x
      WHERE rn <= 2 ORDER BY parent_code, rn`,
  );
  const [k1, k2] = communes.filter((c) => c.parent_code === '845').map((c) => c.code);
  const [t1] = communes.filter((c) => c.parent_code === '842').map((c) => c.code);
  const coop = async (key: string, area: string, established: string, pilot = false) => {
    const [row] = await server.query<{ id: string }>(
      `INSERT INTO cooperative (name, registration_number, sector, subsector, area_code, member_count, established_on, is_pilot, verified_at)
       VALUES ($1, $2, 'AGRICULTURE', 'Trồng trọt', $3, 10, $4, $5, now()) RETURNING id`,
      [`HTX Hợp Tác ${key}`, `FIX-${key}`, area, established, pilot],
    );
    ids[key] = row!.id;
  };
  await coop('A', k1!, '2015-01-01');
  await coop('B', k1!, '2015-01-01');
  await coop('C', k2!, '2015-01-01');
  await coop('D', t1!, '2015-01-01', true);
  await coop('E', t1!, '2024-06-01');
  await coop('F', t1!, '2025-02-01');
  const rate = async (key: string, year: number, score: number) => {
    const res = await server.gql(Rate, { input: { cooperativeId: ids[key]!, year, score } }, { token: staff.token });
    expect(res.errors).toBeUndefined();
  };
  await rate('A', 2023, 85);
  await rate('A', 2024, 90);
  await rate('B', 2023, 40);
  await rate('C', 2023, 55);
  await rate('C', 2024, 49.99);
  await rate('D', 2024, 65);
  await rate('E', 2024, 90);
  const changed = await server.gql(
    ChangeStatus,
    { input: { cooperativeId: ids.B!, status: 'SUSPENDED', changedOn: '2024-03-01', reason: 'Thiếu vốn, thành viên bỏ sản xuất' } },
    { token: staff.token },
  );
  expect(changed.data?.recordStatusChange).toMatchObject({ __typename: 'Cooperative', status: 'SUSPENDED' });

  const [cat] = await server.query<{ code: string }>(`SELECT code FROM category ORDER BY code LIMIT 1`);
  const product = async (key: string, status: string, ocop = false) => {
    const [row] = await server.query<{ id: string }>(
      `INSERT INTO product (cooperative_id, category_code, name_vi, unit, status, ocop_stars, ocop_year, published_at)
       VALUES ($1, $2, 'Sản phẩm thử', 'kg', $3, $4, $5, CASE WHEN $3 = 'PUBLISHED' THEN now() END) RETURNING id`,
      [ids[key], cat!.code, status, ocop ? 4 : null, ocop ? 2023 : null],
    );
    return row!.id;
  };
  const cert = (productId: string, expires: string) =>
    server.query(
      `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on) VALUES ($1, 'VIETGAP', 'VG-1', 'Trung tâm', '2020-01-01', $2)`,
      [productId, expires],
    );
  await cert(await product('A', 'PUBLISHED'), '2099-01-01');
  await product('A', 'PUBLISHED', true);
  await cert(await product('C', 'PUBLISHED'), '2021-01-01');
  await product('D', 'DRAFT');
  await server.query(
    `INSERT INTO pilot_checklist_item (cooperative_id, position, title, done_on) VALUES ($1,0,'Phương án',  '2021-01-01'), ($1,1,'Bộ máy','2022-01-01'), ($1,2,'Liên kết',NULL)`,
    [ids.D],
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('dashboard figures on a hand-built province', () => {
  it('match the figures worked out by hand for 2024', async () => {
    const s = (await server.gql(Summary, { areaCode: '84', year: 2024 }, { token: staff.token })).data!.oversightSummary;
    expect(s).toMatchObject({ cooperatives: 5, goodOrFair: 2, weakOrSuspended: 2, goodOrFairShare: 0.4, weakOrSuspendedShare: 0.4 });
    expect(s.bySector.filter((x) => x.count > 0)).toEqual([{ sector: 'AGRICULTURE', count: 5 }]);
    expect(s.byStatus.filter((x) => x.count > 0)).toEqual([
      { status: 'OPERATING', count: 4 },
      { status: 'SUSPENDED', count: 1 },
    ]);
    expect(s.byClass).toEqual([
      { ratingClass: 'GOOD', count: 1 },
      { ratingClass: 'FAIR', count: 1 },
      { ratingClass: 'AVERAGE', count: 0 },
      { ratingClass: 'WEAK', count: 1 },
      { ratingClass: 'UNRATED', count: 2 },
    ]);
    expect(s.byArea.slice(0, 2).map((a) => [a.area.code, a.rank, a.cooperatives, a.weakOrSuspended, a.withoutTradeActivity])).toEqual([
      ['845', 1, 3, 2, 1],
      ['842', 2, 2, 0, 2],
    ]);
    expect(s.byArea[0]!.previousWeakOrSuspendedShare).toBeCloseTo(1 / 3, 12);
    expect(s.byArea[1]!.previousWeakOrSuspendedShare).toBe(0);
    expect(s.byArea.find((a) => a.area.code === '849')?.previousWeakOrSuspendedShare).toBeNull();
    expect(s.trend).toEqual([
      { year: 2023, cooperatives: 4, goodOrFairShare: 0.25, weakOrSuspendedShare: 0.25 },
      { year: 2024, cooperatives: 5, goodOrFairShare: 0.4, weakOrSuspendedShare: 0.4 },
    ]);
    const today = vietnamDate(new Date());
    expect(s.stopped).toEqual([
      {
        cooperative: { id: ids.B, name: 'HTX Hợp Tác B' },
        status: 'SUSPENDED',
        since: '2024-03-01',
        daysWaiting: Math.round((Date.parse(today) - Date.parse('2024-03-01')) / 86_400_000),
      },
    ]);
    expect(s.pilots).toEqual([{ cooperative: { id: ids.D }, itemsDone: 2, itemsTotal: 3 }]);
    expect(s.tradeReach).toEqual({
      cooperativesWithPublishedProducts: 2,
      cooperativesWithCertifiedProducts: 1,
      certifiedProducts: 1,
      cooperativesWithOcopProducts: 1,
      ocopProducts: 1,
      cooperativesInFairs: 0,
      cooperativesWithLinkages: 0,
      linkages: 0,
      agreements: 0,
      agreementValue: 0,
    });
  });

  it.each([
    ['84', 2024],
    ['84', 2025],
    ['845', 2024],
    ['842', 2023],
  ])('equal the SQL recomputation for %s in %i', async (area, year) => {
    await expectSummaryMatchesRows(server, staff.token, area, year);
  });

  it('counts F from 2025 on', async () => {
    const s = (await server.gql(Summary, { areaCode: '842', year: 2025 }, { token: staff.token })).data!.oversightSummary;
    expect(s.cooperatives).toBe(3);
  });
});
