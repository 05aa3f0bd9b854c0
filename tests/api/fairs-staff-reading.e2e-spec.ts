import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { openFair, participant, type Party } from '../support/fairs';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * An officer of another district helping at the event desk: running the
 * fair is staff work whatever the officer's area, so checking a participant
 * in gives the registration back whole, requests and suggestions included,
 * while acting for the participant stays with the participant and the
 * officers of its area.
 */

const CHECK_IN = `mutation ($input: RegistrationRefInput!) {
  checkIn(input: $input) {
    __typename
    ... on FairRegistration { id checkedInAt incomingRequests { totalCount } outgoingRequests { totalCount } suggestedPartners(first: 5) { score } }
    ... on ErrorResult { code }
  }
}`;
const SEND = `mutation ($input: SendMeetingRequestInput!) { sendMeetingRequest(input: $input) { __typename ... on ErrorResult { code } } }`;

let server: TestServer;
let staff: TestUser;
let scoped: TestUser;
let coop: Party;
let biz: Party;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  // Fixture cooperatives sit in Cầu Kè (845); this officer covers Càng Long (844).
  scoped = await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: '844' });
  const fairId = await openFair(server, staff);
  coop = await participant(server, staff, fairId, 'coop');
  biz = await participant(server, staff, fairId, 'business');
  const sent = await server.gql<{ sendMeetingRequest: { __typename: string } }, unknown>(
    SEND,
    { input: { fromRegistrationId: biz.regId, toRegistrationId: coop.regId, preference: 'MEET' } },
    { token: biz.user.token },
  );
  expect(sent.data?.sendMeetingRequest.__typename).toBe('MeetingRequest');
});
afterAll(async () => {
  await server?.close();
});

describe('an officer of another district at the event desk', () => {
  it('checks a participant in and reads its requests and suggestions', async () => {
    const res = await server.gql<{ checkIn: Record<string, unknown> }, unknown>(
      CHECK_IN,
      { input: { registrationId: coop.regId } },
      { token: scoped.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.checkIn).toMatchObject({
      __typename: 'FairRegistration',
      id: coop.regId,
      incomingRequests: { totalCount: 1 },
      outgoingRequests: { totalCount: 0 },
    });
    expect(res.data?.checkIn['checkedInAt']).toBeTruthy();
  });

  it('still may not send a request on the participant’s behalf, and nothing is written', async () => {
    const [before] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_request`);
    const res = await server.gql<{ sendMeetingRequest: { __typename: string; code?: string } | null }, unknown>(
      SEND,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: biz.regId, preference: 'MEET' } },
      { token: scoped.token },
    );
    const code = res.data?.sendMeetingRequest?.code ?? res.errors?.[0]?.extensions?.['code'];
    expect(code).toBe('FORBIDDEN');
    const [after] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_request`);
    expect(after!.n).toBe(before!.n);
  });
});
