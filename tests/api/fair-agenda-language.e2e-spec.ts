import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { openFair, participant, type Party } from '../support/fairs';
import { startTestServer, type TestServer } from '../support/test-server';

/** A company buyer from outside Vietnam reads the agenda in English; everyone else gets Vietnamese. */

const ICS = `query ($id: ID!, $org: ID!, $language: String) { fair(id: $id) { agendaIcs(organizationId: $org, language: $language) } }`;

let server: TestServer;
let staff: TestUser;
let fairId: string;
let coop: Party;
let biz: Party;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
  fairId = await openFair(server, staff);
  coop = await participant(server, staff, fairId, 'coop');
  biz = await participant(server, staff, fairId, 'business');
  const sent = await server.gql<{ sendMeetingRequest: { __typename: string } }, unknown>(
    `mutation ($input: SendMeetingRequestInput!) { sendMeetingRequest(input: $input) { __typename } }`,
    { input: { fromRegistrationId: biz.regId, toRegistrationId: coop.regId, preference: 'MUST_MEET', book: true } },
    { token: staff.token },
  );
  expect(sent.data?.sendMeetingRequest.__typename).toBe('MeetingRequest');
  await server.gql(
    `mutation ($input: ScheduleFairInput!) { scheduleFair(input: $input) { __typename } }`,
    { input: { fairId } },
    { token: staff.token },
  );
});
afterAll(async () => {
  await server?.close();
});

async function summaries(language: string | null): Promise<string[]> {
  const res = await server.gql<{ fair: { agendaIcs: string } }, unknown>(
    ICS,
    { id: fairId, org: biz.orgId, language },
    { token: biz.user.token },
  );
  expect(res.errors).toBeUndefined();
  const comp = new ICAL.Component(ICAL.parse(res.data!.fair.agendaIcs));
  return comp.getAllSubcomponents('vevent').map((v) => `${new ICAL.Event(v).summary} | ${new ICAL.Event(v).description}`);
}

describe('the agenda calendar', () => {
  it('speaks Vietnamese unless asked for English, with the same meetings either way', async () => {
    const vi = await summaries(null);
    const en = await summaries('en');
    expect(vi).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(vi[0]).toMatch(/^Gặp .+ — bàn 1 \| .+\nĐối tác: .+\nLiên hệ: /);
    expect(en[0]).toMatch(/^Meeting with .+ — table 1 \| .+\nCounterpart: .+\nContact: /);
  });

  it('refuses a language it does not have, with the field named', async () => {
    const res = await server.gql(ICS, { id: fairId, org: biz.orgId, language: 'fr' }, { token: biz.user.token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'language' }] });
  });
});
