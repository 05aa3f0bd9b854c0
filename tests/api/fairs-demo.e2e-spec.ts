import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { graphql } from '../generated';
import { createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

const DemoFairs = graphql(`
  query TDemoFairs {
    fairs(first: 10) {
      edges {
        node {
          id
          name
          status
          kind
        }
      }
    }
  }
`);
const DemoSchedule = graphql(`
  mutation TDemoSchedule($input: ScheduleFairInput!) {
    scheduleFair(input: $input) {
      __typename
      ... on ScheduleRun {
        meetingsRequested
        meetingsPlaced
        quality
        conflicts
      }
    }
  }
`);

const DemoReport = graphql(`
  query TDemoReport($id: ID!) {
    fair(id: $id) {
      id
      startsOn
      registrationClosesAt
      report {
        meetingsHeld
        agreements
        agreementValue
        linkagesOpened
        linkageAgreements
        registrationsByArea {
          key
          label
          count
        }
      }
      reportCsv
    }
  }
`);

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 1 });
  staff = await createUser(server, ['TRADE_STAFF']);
});
afterAll(async () => {
  await server?.close();
});

describe('demo fairs', () => {
  it('has a completed fair with held meetings and outcomes, and an open conference, both with the demo organisations', async () => {
    const res = await server.gql(DemoFairs, {});
    const nodes = res.data!.fairs.edges.map((e) => e.node);
    const completed = nodes.find((n) => n.status === 'COMPLETED')!;
    const open = nodes.find((n) => n.status === 'OPEN' && n.kind === 'LINKAGE_CONFERENCE')!;
    expect(completed).toBeDefined();
    expect(open).toBeDefined();
    const [held] = await server.query<{ held: number; outcomes: number; agreements: number }>(
      `SELECT count(*) FILTER (WHERE status = 'HELD')::int AS held, count(outcome_level)::int AS outcomes,
              count(*) FILTER (WHERE outcome_level = 5)::int AS agreements FROM fair_meeting WHERE fair_id = $1`,
      [completed.id],
    );
    expect(held!.held).toBeGreaterThan(5);
    expect(held!.outcomes).toBeGreaterThan(3);
    for (const fair of [completed.id, open.id]) {
      const demo = await server.query<{ email: string }>(
        `SELECT u.email FROM fair_registration r JOIN membership m ON m.cooperative_id = r.cooperative_id OR m.business_id = r.business_id
           JOIN app_user u ON u.id = m.user_id WHERE r.fair_id = $1 AND r.status = 'ACCEPTED' ORDER BY u.email`,
        [fair],
      );
      expect(demo.map((d) => d.email)).toEqual(['business@demo.cooplink.vn', 'coop@demo.cooplink.vn']);
    }
    const run = await server.gql(DemoSchedule, { input: { fairId: open.id } }, { token: staff.token });
    const r = run.data!.scheduleFair;
    if (r.__typename !== 'ScheduleRun') throw new Error(JSON.stringify(run));
    expect(r.conflicts).toBe(0);
    expect(r.meetingsPlaced).toBeGreaterThan(10);
    expect(r.quality).toBeGreaterThanOrEqual(0.95);
  });

  it('reports agreements with their value at the completed fair, through linkages opened from its meetings', async () => {
    const fairs = (await server.gql(DemoFairs, {})).data!.fairs.edges.map((e) => e.node);
    const completed = fairs.find((n) => n.status === 'COMPLETED')!;
    const res = await server.gql(DemoReport, { id: completed.id }, { token: staff.token });
    const report = res.data!.fair!.report;
    expect(report.agreements).toBeGreaterThanOrEqual(3);
    expect(report.agreementValue).toBeGreaterThan(0);
    expect(report.linkageAgreements).toBeGreaterThanOrEqual(3);
    // The value reported is the signed contracts' total plus outcome records without a linkage.
    const [signed] = await server.query<{ total: string; n: number }>(
      `SELECT sum(a.total_value)::text AS total, count(*)::int AS n FROM agreement a JOIN linkage l ON l.id = a.linkage_id
         JOIN fair_meeting m ON m.id = l.fair_meeting_id WHERE m.fair_id = $1 AND l.status = 'AGREED' AND m.outcome_level = 5`,
      [completed.id],
    );
    expect(signed!.n).toBe(report.linkageAgreements);
    expect(report.agreementValue).toBeGreaterThanOrEqual(Number(signed!.total));
    // Districts come with their names, in the report and in the CSV.
    expect(report.registrationsByArea.length).toBeGreaterThan(0);
    for (const area of report.registrationsByArea.filter((a) => a.key !== 'UNKNOWN')) expect(area.label).toMatch(/\S/);
    const first = report.registrationsByArea[0]!;
    expect(res.data!.fair!.reportCsv).toContain(`area,${first.key},${first.count},${first.label ?? 'Không rõ địa bàn'}`);
  });

  it('gives the demo cooperative a held meeting with an outcome at the completed fair and a request to answer at the conference', async () => {
    const fairs = (await server.gql(DemoFairs, {})).data!.fairs.edges.map((e) => e.node);
    const completed = fairs.find((n) => n.status === 'COMPLETED')!;
    const open = fairs.find((n) => n.status === 'OPEN' && n.kind === 'LINKAGE_CONFERENCE')!;
    const coopReg = `SELECT r.id FROM fair_registration r JOIN membership m ON m.cooperative_id = r.cooperative_id
                       JOIN app_user u ON u.id = m.user_id WHERE u.email = 'coop@demo.cooplink.vn' AND r.fair_id = $1`;
    const [held] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM fair_meeting WHERE fair_id = $1 AND status = 'HELD' AND outcome_level IS NOT NULL
          AND (SELECT id FROM (${coopReg}) x) IN (registration_a, registration_b)`,
      [completed.id],
    );
    expect(held!.n).toBeGreaterThanOrEqual(1);
    const [pending] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meeting_request WHERE fair_id = $1 AND status = 'PENDING' AND to_registration = (${coopReg})`,
      [open.id],
    );
    expect(pending!.n).toBeGreaterThanOrEqual(1);
    // Registration for the conference closes before the day it is held.
    const conf = (await server.gql(DemoReport, { id: open.id }, { token: staff.token })).data!.fair!;
    expect(new Date(conf.registrationClosesAt).getTime()).toBeLessThan(new Date(`${conf.startsOn}T00:00:00+07:00`).getTime());
  });
});
