// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_ACTIVITIES } from '../../server/src/db/seed/data/businesses';
import { seedDemo } from '../../server/src/db/seed/demo';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 1, today: new Date('2026-11-28T03:00:00Z') });
});
afterAll(async () => {
  await server?.close();
});

describe('the demo province’s needs and linkages', () => {
  it('has needs of every kind, linkages at every stage and agreements with value', async () => {
    const kinds = await server.query<{ kind: string }>(`SELECT DISTINCT kind FROM need ORDER BY kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['INPUT_DEMAND', 'INPUT_SUPPLY', 'OFFTAKE']);
    const stages = await server.query<{ status: string }>(`SELECT DISTINCT status FROM linkage ORDER BY status`);
    expect(stages.map((s) => s.status)).toEqual(
      ['ACCEPTED', 'AGREED', 'CANCELLED', 'DECLINED', 'COMPLETED', 'DELIVERING', 'NEGOTIATING', 'PROPOSED'].sort(),
    );
    const [value] = await server.query<{ n: number; total: string }>(
      `SELECT count(*)::int AS n, sum(total_value)::text AS total FROM agreement`,
    );
    expect(value!.n).toBeGreaterThanOrEqual(3);
    expect(Number(value!.total)).toBeGreaterThan(0);
  });

  it('gives the demo business and HTX NN Long Hiệp needs and linkages of their own', async () => {
    const [row] = await server.query<{ needs: number; linkages: number }>(
      `SELECT (SELECT count(*)::int FROM need n JOIN membership m ON m.business_id = n.business_id JOIN app_user u ON u.id = m.user_id
                WHERE u.email = 'business@demo.cooplink.vn') AS needs,
              (SELECT count(*)::int FROM linkage l JOIN membership m ON m.cooperative_id = l.cooperative_id JOIN app_user u ON u.id = m.user_id
                WHERE u.email = 'coop@demo.cooplink.vn') AS linkages`,
    );
    expect(row!.needs).toBeGreaterThanOrEqual(5);
    expect(row!.linkages).toBeGreaterThanOrEqual(3);
  });

  it('gives the demo cooperative a linkage with the demo business at each stage its manager acts on', async () => {
    const rows = await server.query<{ status: string }>(
      `SELECT l.status FROM linkage l
         JOIN membership mc ON mc.cooperative_id = l.cooperative_id JOIN app_user uc ON uc.id = mc.user_id AND uc.email = 'coop@demo.cooplink.vn'
         JOIN need n ON n.id = l.need_id
         JOIN membership mb ON mb.business_id = n.business_id JOIN app_user ub ON ub.id = mb.user_id AND ub.email = 'business@demo.cooplink.vn'
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['COMPLETED', 'DELIVERING', 'NEGOTIATING', 'PROPOSED']));
    const [agreed] = await server.query<{ value: string; delivered: string }>(
      `SELECT sum(a.total_value)::text AS value, (SELECT count(*)::text FROM delivery d JOIN linkage l2 ON l2.id = d.linkage_id
                WHERE l2.cooperative_id = l.cooperative_id) AS delivered
         FROM agreement a JOIN linkage l ON l.id = a.linkage_id
         JOIN membership m ON m.cooperative_id = l.cooperative_id JOIN app_user u ON u.id = m.user_id AND u.email = 'coop@demo.cooplink.vn'
        GROUP BY l.cooperative_id`,
    );
    expect(Number(agreed!.value)).toBeGreaterThan(0);
    expect(Number(agreed!.delivered)).toBeGreaterThanOrEqual(2);
  });

  it('has each company post what its line of business buys or supplies, some with a delivery area or an OCOP minimum', async () => {
    const needs = await server.query<{ kind: string; category: string; description: string }>(
      `SELECT n.kind, n.category_code AS category, b.description FROM need n JOIN business b ON b.id = n.business_id`,
    );
    const misfits = needs.filter((n) => {
      const line = BUSINESS_ACTIVITIES.find((a) => a.description === n.description);
      if (!line) return false;
      const branches = n.kind === 'OFFTAKE' ? line.buys : line.supplies;
      return !branches?.some((b) => n.category === b || n.category.startsWith(`${b}.`));
    });
    expect(needs.length).toBeGreaterThan(40);
    expect(misfits).toEqual([]);
    const [extra] = await server.query<{ areas: number; ocop: number }>(
      `SELECT count(*) FILTER (WHERE delivery_area_code IS NOT NULL)::int AS areas, count(*) FILTER (WHERE min_ocop_stars IS NOT NULL)::int AS ocop
         FROM need WHERE kind = 'OFFTAKE'`,
    );
    expect(extra!.areas).toBeGreaterThan(0);
    expect(extra!.ocop).toBeGreaterThan(0);
  });

  it('has a joint offer led by HTX NN Long Hiệp whose shares fill the need without exceeding it', async () => {
    const rows = await server.query<{ lead: string; partners: number; shares: string; need: string; status: string }>(
      `SELECT l.cooperative_id AS lead, count(s.*)::int AS partners, sum(s.quantity)::text AS shares, n.quantity::text AS need, l.status
         FROM linkage l JOIN linkage_share s ON s.linkage_id = l.id JOIN need n ON n.id = l.need_id
        WHERE l.cooperative_id = (SELECT m.cooperative_id FROM membership m JOIN app_user u ON u.id = m.user_id
                                    WHERE u.email = 'coop@demo.cooplink.vn' AND m.cooperative_id IS NOT NULL LIMIT 1)
        GROUP BY l.id, n.quantity`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.partners).toBe(2);
    expect(rows[0]!.status).toBe('NEGOTIATING');
    expect(Number(rows[0]!.shares)).toBe(Number(rows[0]!.need));
    const actors = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM linkage_event e JOIN linkage_share s ON s.linkage_id = e.linkage_id WHERE e.actor_id IS NULL`,
    );
    expect(actors[0]!.n).toBe(0);
  });

  it('is the same for the same seed', async () => {
    const first = await server.query(`SELECT id, title, quantity::text FROM need ORDER BY id`);
    const other = await startTestServer();
    try {
      await seedDemo(other.ds, { seed: 753, scale: 1, today: new Date('2026-11-28T03:00:00Z') });
      expect(await other.query(`SELECT id, title, quantity::text FROM need ORDER BY id`)).toEqual(first);
    } finally {
      await other.close();
    }
  });
});
