import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { openFair, participant, type Party } from '../support/fairs';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A cooperative manager hears of a fair through the bell: a request to meet
 * them (it expires if nobody answers), and their agenda placed or changed by
 * a scheduling run. Nobody is told about what they did themselves, and a run
 * that changes nothing for someone tells them nothing.
 */

const SEND = `mutation ($input: SendMeetingRequestInput!) { sendMeetingRequest(input: $input) { __typename ... on MeetingRequest { id } ... on ErrorResult { code } } }`;
const RESPOND = `mutation ($input: RespondMeetingRequestInput!) { respondMeetingRequest(input: $input) { __typename } }`;
const SCHEDULE = `mutation ($input: ScheduleFairInput!) { scheduleFair(input: $input) { __typename ... on ScheduleRun { meetingsPlaced } } }`;
const BELL = `query { unreadNotificationCount notifications(first: 20) { edges { node { kind linkageId need { id } fair { id name } } } } }`;

interface Bell {
  unreadNotificationCount: number;
  notifications: {
    edges: { node: { kind: string; linkageId: string | null; need: unknown; fair: { id: string; name: string } | null } }[];
  };
}

let server: TestServer;
let staff: TestUser;
let fairId: string;
let coop: Party;
let biz: Party;
let other: Party;
let fourth: Party;

async function bell(user: TestUser): Promise<Bell> {
  const res = await server.gql<Bell, unknown>(BELL, {}, { token: user.token });
  return res.data!;
}

const kinds = (b: Bell) => b.notifications.edges.map((e) => e.node.kind);

async function send(from: Party, to: Party, preference = 'MEET', as: TestUser = from.user, book = false): Promise<string> {
  const input = { fromRegistrationId: from.regId, toRegistrationId: to.regId, preference, ...(book ? { book } : {}) };
  const res = await server.gql<{ sendMeetingRequest: { __typename: string; id: string } }, unknown>(SEND, { input }, { token: as.token });
  expect(res.data?.sendMeetingRequest.__typename, JSON.stringify(res)).toBe('MeetingRequest');
  return res.data!.sendMeetingRequest.id;
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  fairId = await openFair(server, staff);
  coop = await participant(server, staff, fairId, 'coop');
  biz = await participant(server, staff, fairId, 'business');
  other = await participant(server, staff, fairId, 'business');
  fourth = await participant(server, staff, fairId, 'business');
});
afterAll(async () => {
  await server?.close();
});

describe('fair notifications', () => {
  it('tell the cooperative a company asks to meet it, linked to the fair, and tell the company nothing', async () => {
    const request = await send(biz, coop);
    const mine = await bell(coop.user);
    expect(mine.unreadNotificationCount).toBe(1);
    expect(mine.notifications.edges[0]!.node).toMatchObject({ kind: 'MEETING_REQUEST', linkageId: null, need: null, fair: { id: fairId } });
    expect(mine.notifications.edges[0]!.node.fair!.name).toBeTruthy();
    expect((await bell(biz.user)).unreadNotificationCount).toBe(0);
    const answered = await server.gql<{ respondMeetingRequest: { __typename: string } }, unknown>(
      RESPOND,
      { input: { requestId: request, accept: true } },
      { token: coop.user.token },
    );
    expect(answered.data?.respondMeetingRequest.__typename).toBe('MeetingRequest');
  });

  it('ask nothing of anyone for a "no thanks" or a meeting staff booked on someone’s behalf', async () => {
    const before = (await bell(other.user)).unreadNotificationCount;
    await send(coop, other, 'NO_THANKS');
    await send(biz, other, 'MEET', staff, true);
    expect((await bell(other.user)).unreadNotificationCount).toBe(before);
  });

  it('tell both sides when a run places their meeting, and stay quiet on a run that changes nothing for them', async () => {
    const placed = await server.gql<{ scheduleFair: { __typename: string; meetingsPlaced: number } }, unknown>(
      SCHEDULE,
      { input: { fairId } },
      { token: staff.token },
    );
    expect(placed.data?.scheduleFair.meetingsPlaced).toBe(2);
    for (const p of [coop, biz, other]) expect(kinds(await bell(p.user)), 'after the first run').toContain('AGENDA_CHANGED');
    const counts = async () => Promise.all([coop, biz, other, fourth].map(async (p) => (await bell(p.user)).unreadNotificationCount));
    const before = await counts();
    await server.gql(SCHEDULE, { input: { fairId } }, { token: staff.token });
    expect(await counts()).toEqual(before);

    // A new accepted request between the cooperative and a fourth company.
    const late = await send(fourth, coop);
    await server.gql(RESPOND, { input: { requestId: late, accept: true } }, { token: coop.user.token });
    const beforeRun = await counts();
    await server.gql(SCHEDULE, { input: { fairId } }, { token: staff.token });
    const afterRun = await counts();
    // The cooperative and the fourth company have a new meeting each; whoever's meetings stayed put hears nothing.
    expect(afterRun[0]).toBe(beforeRun[0]! + 1);
    expect(afterRun[3]).toBe(beforeRun[3]! + 1);
    const moved = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM fair_meeting WHERE fair_id = $1`, [fairId]);
    expect(moved[0]!.n).toBe(3);
    const rows = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'AGENDA_CHANGED' AND fair_id = $1 AND user_id = $2`,
      [fairId, staff.id],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
