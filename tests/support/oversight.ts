import { expect } from 'vitest';
import { vietnamDate } from '../../server/src/db/seed/dates';
import { graphql } from '../generated';
import type { TestServer } from './test-server';

export const Summary = graphql(`
  query TOversightSummary($areaCode: String, $year: Int) {
    oversightSummary(areaCode: $areaCode, year: $year) {
      area {
        code
        name
      }
      year
      cooperatives
      goodOrFair
      weakOrSuspended
      goodOrFairShare
      weakOrSuspendedShare
      bySector {
        sector
        count
      }
      byStatus {
        status
        count
      }
      byClass {
        ratingClass
        count
      }
      byArea {
        area {
          code
        }
        rank
        cooperatives
        goodOrFair
        weakOrSuspended
        goodOrFairShare
        weakOrSuspendedShare
        previousWeakOrSuspendedShare
        withoutTradeActivity
      }
      trend {
        year
        cooperatives
        goodOrFairShare
        weakOrSuspendedShare
      }
      stopped {
        cooperative {
          id
          name
        }
        status
        since
        daysWaiting
      }
      pilots {
        cooperative {
          id
        }
        itemsDone
        itemsTotal
      }
      tradeReach {
        cooperativesInFairs
        cooperativesWithLinkages
        linkages
        agreements
        agreementValue
        cooperativesWithPublishedProducts
        cooperativesWithCertifiedProducts
        certifiedProducts
        cooperativesWithOcopProducts
        ocopProducts
      }
    }
  }
`);

const nonZero = <T extends { count: number }>(xs: T[]) => xs.filter((x) => x.count > 0);
const byKey = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

/** Compares every figure of a summary with the SQL recomputation. */
export async function expectSummaryMatchesRows(server: TestServer, token: string, areaCode: string, year: number) {
  const res = await server.gql(Summary, { areaCode, year }, { token });
  expect(res.errors).toBeUndefined();
  const s = res.data!.oversightSummary;
  const today = vietnamDate(new Date());
  const r = await recompute(server, areaCode, year, today);
  expect({ c: s.cooperatives, g: s.goodOrFair, w: s.weakOrSuspended }).toEqual({
    c: r.cooperatives,
    g: r.goodOrFair,
    w: r.weakOrSuspended,
  });
  expect(s.goodOrFairShare).toBeCloseTo(r.goodOrFairShare, 12);
  expect(s.weakOrSuspendedShare).toBeCloseTo(r.weakOrSuspendedShare, 12);
  expect(byKey(nonZero(s.bySector), (x) => x.sector)).toEqual(byKey(r.bySector as typeof s.bySector, (x) => x.sector));
  expect(byKey(nonZero(s.byStatus), (x) => x.status)).toEqual(byKey(r.byStatus as typeof s.byStatus, (x) => x.status));
  expect(byKey(nonZero(s.byClass), (x) => x.ratingClass)).toEqual(byKey(r.byClass as typeof s.byClass, (x) => x.ratingClass));
  expect(s.byArea).toHaveLength(r.byArea.length);
  for (const row of r.byArea) {
    const got = s.byArea.find((a) => a.area.code === row.code)!;
    expect(got).toMatchObject({
      cooperatives: row.cooperatives,
      goodOrFair: row.goodOrFair,
      weakOrSuspended: row.weakOrSuspended,
      withoutTradeActivity: row.withoutTradeActivity,
    });
    expect(got.weakOrSuspendedShare).toBeCloseTo(row.cooperatives ? row.weakOrSuspended / row.cooperatives : 0, 12);
    if (row.before === 0) expect(got.previousWeakOrSuspendedShare).toBeNull();
    else expect(got.previousWeakOrSuspendedShare).toBeCloseTo(row.weakBefore / row.before, 12);
  }
  // Ranked worst first.
  const shares = s.byArea.map((a) => a.weakOrSuspendedShare);
  expect(shares).toEqual([...shares].sort((a, b) => b - a));
  expect(s.byArea.map((a) => a.rank)).toEqual(s.byArea.map((_, i) => i + 1));
  expect(s.trend.map((t) => t.year)).toEqual(r.trend.map((t) => t.year));
  for (const [i, t] of r.trend.entries()) {
    expect(s.trend[i]!.cooperatives).toBe(t.cooperatives);
    expect(s.trend[i]!.goodOrFairShare).toBeCloseTo(t.goodOrFairShare, 12);
    expect(s.trend[i]!.weakOrSuspendedShare).toBeCloseTo(t.weakOrSuspendedShare, 12);
  }
  expect(
    byKey(
      s.stopped.map((x) => ({ id: x.cooperative.id, status: x.status, since: x.since, daysWaiting: x.daysWaiting })),
      (x) => x.id,
    ),
  ).toEqual(byKey(r.stopped, (x) => x.id));
  expect(
    byKey(
      s.pilots.map((p) => ({ id: p.cooperative.id, done: p.itemsDone, total: p.itemsTotal })),
      (x) => x.id,
    ),
  ).toEqual(byKey(r.pilots, (x) => x.id));
  expect(s.tradeReach).toEqual(r.tradeReach);
  return s;
}

/**
 * The dashboard's figures recomputed from raw rows with plain SQL, sharing no
 * code with the server, so the two can check each other.
 */
export async function recompute(server: TestServer, areaCode: string, year: number, today: string) {
  const q = server.query.bind(server);
  const [{ level }] = (await q<{ level: number }>(`SELECT level FROM area WHERE code = $1`, [areaCode])) as [{ level: number }];
  // The cooperatives in the area, each with the code of the child area it is grouped under.
  const base = `
    WITH RECURSIVE sub AS (SELECT code, code AS top, 0 AS depth FROM area WHERE code = '${areaCode}'
       UNION ALL SELECT a.code, CASE WHEN sub.depth = 0 THEN a.code ELSE sub.top END, sub.depth + 1 FROM area a JOIN sub ON a.parent_code = sub.code),
    c AS (SELECT co.*, sub.top AS grp FROM cooperative co JOIN sub ON sub.code = co.area_code),
    y AS (SELECT c.*, r.rating_class AS k FROM c LEFT JOIN cooperative_rating r ON r.cooperative_id = c.id AND r.year = $1
           WHERE c.established_on <= make_date($1, 12, 31))`;
  const one = async (sql: string, params: unknown[] = [year]) => (await q<{ n: number }>(`${base} ${sql}`, params))[0]!.n;
  const cooperatives = await one(`SELECT count(*)::int AS n FROM y`);
  const goodOrFair = await one(`SELECT count(*)::int AS n FROM y WHERE k IN ('GOOD','FAIR')`);
  const weakOrSuspended = await one(`SELECT count(*)::int AS n FROM y WHERE k = 'WEAK' OR status <> 'OPERATING'`);
  const bySector = await q(`${base} SELECT sector, count(*)::int AS count FROM y GROUP BY sector`, [year]);
  const byStatus = await q(`${base} SELECT status, count(*)::int AS count FROM y GROUP BY status`, [year]);
  const byClass = await q(`${base} SELECT coalesce(k, 'UNRATED') AS "ratingClass", count(*)::int AS count FROM y GROUP BY 1`, [year]);
  const byArea = await q<{
    code: string;
    cooperatives: number;
    goodOrFair: number;
    weakOrSuspended: number;
    before: number;
    weakBefore: number;
    withoutTradeActivity: number;
  }>(
    `${base}, prev AS (SELECT c.*, r.rating_class AS k FROM c LEFT JOIN cooperative_rating r ON r.cooperative_id = c.id AND r.year = $1 - 1
                       WHERE c.established_on <= make_date($1 - 1, 12, 31)),
     groups AS (SELECT code FROM area WHERE ${level === 3 ? `code = '${areaCode}'` : `parent_code = '${areaCode}'`})
     SELECT g.code,
       (SELECT count(*) FROM y WHERE y.grp = g.code OR y.area_code = g.code)::int AS cooperatives,
       (SELECT count(*) FROM y WHERE (y.grp = g.code OR y.area_code = g.code) AND k IN ('GOOD','FAIR'))::int AS "goodOrFair",
       (SELECT count(*) FROM y WHERE (y.grp = g.code OR y.area_code = g.code) AND (k = 'WEAK' OR status <> 'OPERATING'))::int AS "weakOrSuspended",
       (SELECT count(*) FROM prev WHERE prev.grp = g.code OR prev.area_code = g.code)::int AS before,
       (SELECT count(*) FROM prev WHERE (prev.grp = g.code OR prev.area_code = g.code) AND (k = 'WEAK' OR status <> 'OPERATING'))::int AS "weakBefore",
       (SELECT count(*) FROM y WHERE (y.grp = g.code OR y.area_code = g.code)
           AND NOT EXISTS (SELECT 1 FROM product p WHERE p.cooperative_id = y.id AND p.status = 'PUBLISHED')
           AND NOT EXISTS (SELECT 1 FROM fair_registration fr WHERE fr.cooperative_id = y.id AND fr.status = 'ACCEPTED')
           AND NOT EXISTS (SELECT 1 FROM linkage k WHERE k.cooperative_id = y.id AND k.status <> 'DECLINED'))::int AS "withoutTradeActivity"
     FROM groups g`,
    [year],
  );
  const years = (
    await q<{ year: number }>(
      `${base} SELECT DISTINCT r.year::int AS year FROM cooperative_rating r JOIN c ON c.id = r.cooperative_id
        UNION SELECT $1::int ORDER BY 1`,
      [year],
    )
  ).map((r) => r.year);
  const trend = [];
  for (const t of years) {
    const n = await one(`SELECT count(*)::int AS n FROM y`, [t]);
    const gf = await one(`SELECT count(*)::int AS n FROM y WHERE k IN ('GOOD','FAIR')`, [t]);
    const ws = await one(`SELECT count(*)::int AS n FROM y WHERE k = 'WEAK' OR status <> 'OPERATING'`, [t]);
    trend.push({ year: t, cooperatives: n, goodOrFairShare: n ? gf / n : 0, weakOrSuspendedShare: n ? ws / n : 0 });
  }
  const stopped = await q<{ id: string; status: string; since: string | null; daysWaiting: number | null }>(
    `${base} SELECT y.id, y.status, s.changed_on::text AS since, ($2::date - s.changed_on)::int AS "daysWaiting" FROM y
       LEFT JOIN LATERAL (SELECT changed_on FROM cooperative_status_change s WHERE s.cooperative_id = y.id AND s.to_status = y.status
                          ORDER BY changed_on DESC, recorded_at DESC LIMIT 1) s ON true
      WHERE y.status IN ('SUSPENDED','DISSOLVING')`,
    [year, today],
  );
  const pilots = await q<{ id: string; done: number; total: number }>(
    `${base} SELECT y.id, (SELECT count(*) FROM pilot_checklist_item i WHERE i.cooperative_id = y.id AND i.done_on IS NOT NULL)::int AS done,
       (SELECT count(*) FROM pilot_checklist_item i WHERE i.cooperative_id = y.id)::int AS total FROM y WHERE y.is_pilot OR y.is_model`,
    [year],
  );
  const published = `p.cooperative_id = y.id AND p.status = 'PUBLISHED'`;
  const valid = `EXISTS (SELECT 1 FROM certification x WHERE x.product_id = p.id AND x.issued_on <= $2::date AND (x.expires_on IS NULL OR x.expires_on >= $2::date))`;
  const [reach] = await q(
    `${base} SELECT
       (SELECT count(*) FROM y WHERE EXISTS (SELECT 1 FROM product p WHERE ${published}))::int AS "cooperativesWithPublishedProducts",
       (SELECT count(*) FROM y WHERE EXISTS (SELECT 1 FROM product p WHERE ${published} AND ${valid}))::int AS "cooperativesWithCertifiedProducts",
       (SELECT count(*) FROM product p JOIN y ON ${published} WHERE ${valid})::int AS "certifiedProducts",
       (SELECT count(*) FROM y WHERE EXISTS (SELECT 1 FROM product p WHERE ${published} AND p.ocop_stars IS NOT NULL))::int AS "cooperativesWithOcopProducts",
       (SELECT count(*) FROM product p JOIN y ON ${published} WHERE p.ocop_stars IS NOT NULL)::int AS "ocopProducts",
       (SELECT count(*) FROM y WHERE EXISTS (SELECT 1 FROM fair_registration fr WHERE fr.cooperative_id = y.id AND fr.status = 'ACCEPTED'))::int AS "cooperativesInFairs",
       (SELECT count(*) FROM y WHERE EXISTS (SELECT 1 FROM linkage k WHERE k.cooperative_id = y.id AND k.status <> 'DECLINED'))::int AS "cooperativesWithLinkages",
       (SELECT count(*) FROM linkage k JOIN y ON y.id = k.cooperative_id WHERE k.status <> 'DECLINED')::int AS linkages,
       (SELECT count(*) FROM agreement a JOIN linkage k ON k.id = a.linkage_id JOIN y ON y.id = k.cooperative_id WHERE k.status <> 'DECLINED')::int AS agreements,
       (SELECT coalesce(sum(a.total_value), 0) FROM agreement a JOIN linkage k ON k.id = a.linkage_id JOIN y ON y.id = k.cooperative_id WHERE k.status <> 'DECLINED')::float8 AS "agreementValue"`,
    [year, today],
  );
  return {
    cooperatives,
    goodOrFair,
    weakOrSuspended,
    goodOrFairShare: cooperatives ? goodOrFair / cooperatives : 0,
    weakOrSuspendedShare: cooperatives ? weakOrSuspended / cooperatives : 0,
    bySector,
    byStatus,
    byClass,
    byArea,
    trend,
    stopped,
    pilots,
    tradeReach: reach,
  };
}
