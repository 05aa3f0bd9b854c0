import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { createUser, type TestUser } from '../support/fixtures';
import { expectSummaryMatchesRows, Summary } from '../support/oversight';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 1 });
  staff = await createUser(server, ['TRADE_STAFF']);
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('dashboard figures on the demo province', () => {
  it("reproduces the directive's 2019 shares: 61 of 180 good or fair, 54 of 180 weak or stopped", async () => {
    const res = await server.gql(Summary, { year: 2019 }, { token: staff.token });
    const s = res.data!.oversightSummary;
    expect(s).toMatchObject({ cooperatives: 180, goodOrFair: 61, weakOrSuspended: 54 });
    expect(s.goodOrFairShare.toFixed(3)).toBe('0.339');
    expect(s.weakOrSuspendedShare).toBeGreaterThan(0.296);
  });

  it.each([
    ['84', 2019],
    ['84', 2025],
    ['84', 2022],
    ['845', 2024],
    ['842', 2020],
  ])('equals an independent recomputation from raw rows for area %s in %i', async (area, year) => {
    const s = await expectSummaryMatchesRows(server, staff.token, area, year);
    expect(s.cooperatives).toBeGreaterThan(0);
  });

  it('recomputes a single commune too', async () => {
    const [row] = await server.query<{ area_code: string }>(
      `SELECT area_code FROM cooperative GROUP BY area_code ORDER BY count(*) DESC, area_code LIMIT 1`,
    );
    await expectSummaryMatchesRows(server, staff.token, row!.area_code, 2023);
  });

  it('shows several years so trends appear, and the suspended with their waiting time', async () => {
    const s = (await server.gql(Summary, {}, { token: staff.token })).data!.oversightSummary;
    expect(s.trend.length).toBeGreaterThanOrEqual(7);
    expect(s.stopped.length).toBeGreaterThan(0);
    expect(s.stopped.every((x) => x.since !== null && x.daysWaiting! > 0)).toBe(true);
    expect(s.pilots.filter((p) => p.itemsTotal > 0).length).toBe(s.pilots.length);
  });

  it('fills the status history from the registry, dated as the audit trail', async () => {
    const mismatched = await server.query(
      `SELECT l.entity_id FROM audit_log l WHERE l.action = 'cooperative.status_changed'
        AND NOT EXISTS (SELECT 1 FROM cooperative_status_change s WHERE s.cooperative_id::text = l.entity_id
                          AND s.to_status = l.data->>'to' AND s.from_status = l.data->>'from'
                          AND s.changed_on = (l.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,
    );
    expect(mismatched).toEqual([]);
    const [{ n }] = (await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM cooperative_status_change`)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(16);
  });
});
