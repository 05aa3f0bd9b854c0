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
});
