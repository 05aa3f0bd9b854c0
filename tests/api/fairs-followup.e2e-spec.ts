// First: the test server loads reflect-metadata, which the server modules imported below need.
import { startTestServer, type TestServer } from '../support/test-server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformJobs } from '../../server/src/jobs';
import { startJobs } from '../../server/src/jobs/runner';
import { createServices } from '../../server/src/services';
import { graphql } from '../generated';
import { createCooperative, createUser, type TestUser } from '../support/fixtures';
import { openFair, participant, type Party } from '../support/fairs';

const OpenLinkage = graphql(`
  mutation TOpenLinkageFromMeeting($input: OpenLinkageFromMeetingInput!) {
    openLinkageFromMeeting(input: $input) {
      __typename
      ... on Linkage {
        id
        status
        counterpartName
        need {
          id
        }
        cooperative {
          id
        }
        fromFair {
          id
          name
        }
        fairMeeting {
          id
        }
      }
      ... on MeetingNotLinkableError {
        code
        reason
      }
    }
  }
`);
const MeetingView = graphql(`
  query TFairMeetingView($id: ID!) {
    fairMeeting(id: $id) {
      id
      status
      outcomeLevel
      fair {
        id
      }
      linkage {
        id
        status
      }
    }
  }
`);
const Agree = graphql(`
  mutation TFairLinkAgree($input: AgreeLinkageInput!) {
    agreeLinkage(input: $input) {
      __typename
      ... on Linkage {
        status
      }
    }
  }
`);
const Move = graphql(`
  mutation TFairLinkMove($input: MoveLinkageInput!) {
    moveLinkage(input: $input) {
      __typename
    }
  }
`);
const MyLinkages = graphql(`
  query TFairMyLinkages {
    myLinkages(first: 50) {
      edges {
        node {
          id
          counterpartName
          fromFair {
            id
          }
        }
      }
    }
  }
`);
const Report = graphql(`
  query TFairLinkReport($id: ID!) {
    fair(id: $id) {
      reportCsv
      report {
        agreements
        agreementValue
        linkagesOpened
        linkageAgreements
      }
    }
  }
`);
const SendRequest = graphql(`
  mutation TFlSend($input: SendMeetingRequestInput!) {
    sendMeetingRequest(input: $input) {
      __typename
      ... on MeetingRequest {
        id
        status
      }
    }
  }
`);
const Schedule = graphql(`
  mutation TFlSchedule($input: ScheduleFairInput!) {
    scheduleFair(input: $input) {
      __typename
      ... on ScheduleRun {
        meetingsRequested
        meetingsPlaced
        conflicts
        unplaced {
          requestId
          reason
        }
      }
    }
  }
`);
const Attendance = graphql(`
  mutation TFlAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
    }
  }
`);
const Outcome = graphql(`
  mutation TFlOutcome($input: RecordOutcomeInput!) {
    recordMeetingOutcome(input: $input) {
      __typename
    }
  }
`);
const Availability = graphql(`
  mutation TFlAvailability($input: SetAvailabilityInput!) {
    setAvailability(input: $input) {
      __typename
    }
  }
`);

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
});
afterAll(async () => {
  await server?.close();
});

async function book(from: Party, to: Party) {
  const res = await server.gql(
    SendRequest,
    { input: { fromRegistrationId: from.regId, toRegistrationId: to.regId, preference: 'MEET', book: true } },
    { token: staff.token },
  );
  expect(res.data!.sendMeetingRequest).toMatchObject({ status: 'ACCEPTED' });
}

async function meetingOf(fairId: string, x: Party, y: Party): Promise<string> {
  const [row] = await server.query<{ id: string }>(
    `SELECT id FROM fair_meeting WHERE fair_id = $1 AND registration_a = least($2::uuid, $3::uuid) AND registration_b = greatest($2::uuid, $3::uuid)`,
    [fairId, x.regId, y.regId],
  );
  if (!row) throw new Error('meeting not scheduled');
  return row.id;
}

const linkageRows = () => server.query<{ n: number }>(`SELECT count(*)::int AS n FROM linkage`).then((r) => r[0]!.n);

describe('one-click linkage from a fair meeting', () => {
  let fairId: string;
  let coop: Party;
  let biz: Party;
  let coop2: Party;
  let biz2: Party;
  let negotiating: string;
  let agreed: string;
  let weak: string;
  let notHeld: string;
  let twoCompanies: string;

  beforeAll(async () => {
    fairId = await openFair(server, staff, { name: 'Hội nghị kết nối – liên kết từ cuộc gặp' });
    coop = await participant(server, staff, fairId, 'coop');
    biz = await participant(server, staff, fairId, 'business');
    coop2 = await participant(server, staff, fairId, 'coop');
    biz2 = await participant(server, staff, fairId, 'business');
    await book(coop, biz);
    await book(coop2, biz);
    await book(coop, biz2);
    await book(coop2, biz2);
    await book(biz, biz2);
    const run = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    expect(run.data!.scheduleFair).toMatchObject({ conflicts: 0, meetingsPlaced: 5 });
    negotiating = await meetingOf(fairId, coop, biz);
    agreed = await meetingOf(fairId, coop2, biz);
    weak = await meetingOf(fairId, coop, biz2);
    notHeld = await meetingOf(fairId, coop2, biz2);
    twoCompanies = await meetingOf(fairId, biz, biz2);
    for (const id of [negotiating, agreed, weak, twoCompanies])
      await server.gql(Attendance, { input: { meetingId: id, aAttended: true, bAttended: true } }, { token: staff.token });
    await server.gql(Outcome, { input: { meetingId: negotiating, level: 'NEGOTIATION_STARTED' } }, { token: coop.user.token });
    await server.gql(
      Outcome,
      { input: { meetingId: agreed, level: 'AGREEMENT_REACHED', agreementValue: 200_000_000 } },
      { token: staff.token },
    );
    await server.gql(Outcome, { input: { meetingId: weak, level: 'VALUABLE_CONTACT' } }, { token: staff.token });
    await server.gql(Outcome, { input: { meetingId: twoCompanies, level: 'AGREEMENT_REACHED' } }, { token: staff.token });
  });

  it('refuses meetings that did not take place, outcomes below negotiation and company-only meetings, writing nothing', async () => {
    const before = await linkageRows();
    const cases: [string, TestUser, string][] = [
      [notHeld, coop2.user, 'NOT_HELD'],
      [weak, coop.user, 'OUTCOME_TOO_LOW'],
      [weak, staff, 'OUTCOME_TOO_LOW'],
      [twoCompanies, biz.user, 'NO_COOPERATIVE'],
    ];
    for (const [meetingId, user, reason] of cases) {
      const res = await server.gql(OpenLinkage, { input: { meetingId } }, { token: user.token });
      expect(res.data!.openLinkageFromMeeting).toEqual({ __typename: 'MeetingNotLinkableError', code: 'MEETING_NOT_LINKABLE', reason });
    }
    expect(await linkageRows()).toBe(before);
  });

  it('refuses anonymous callers, outsiders and bad ids with typed errors, writing nothing', async () => {
    const before = await linkageRows();
    const outsider = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
    const anon = await server.gql(OpenLinkage, { input: { meetingId: negotiating } });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const denied = await server.gql(OpenLinkage, { input: { meetingId: negotiating } }, { token: outsider.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The other company of the fair is not part of this meeting either.
    const otherCompany = await server.gql(OpenLinkage, { input: { meetingId: negotiating } }, { token: biz2.user.token });
    expect(otherCompany.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badId = await server.gql(OpenLinkage, { input: { meetingId: 'not-a-uuid' } }, { token: coop.user.token });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0]?.message).not.toMatch(/select|insert|uuid\b.*syntax/i);
    const unknown = await server.gql(
      OpenLinkage,
      { input: { meetingId: '00000000-0000-4000-8000-000000000000' } },
      { token: coop.user.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missing = await server.gql(`mutation { openLinkageFromMeeting(input: {}) { __typename } }`, {}, { token: coop.user.token });
    expect(missing.status).toBeLessThan(500);
    expect(missing.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const strangerView = await server.gql(MeetingView, { id: negotiating }, { token: outsider.token });
    expect(strangerView.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await linkageRows()).toBe(before);
  });

  it('opens a negotiating linkage from the cooperative’s click, and a second click returns the same one', async () => {
    const first = await server.gql(OpenLinkage, { input: { meetingId: negotiating } }, { token: coop.user.token });
    const l = first.data!.openLinkageFromMeeting;
    if (l.__typename !== 'Linkage') throw new Error(JSON.stringify(first));
    expect(l).toMatchObject({
      status: 'NEGOTIATING',
      need: null,
      cooperative: { id: coop.orgId },
      fromFair: { id: fairId, name: 'Hội nghị kết nối – liên kết từ cuộc gặp' },
      fairMeeting: { id: negotiating },
    });
    expect(l.counterpartName).toMatch(/^Công ty Thử nghiệm/);
    // The company clicks too, twice at once: still the one linkage.
    const again = await Promise.all(
      [biz.user, biz.user, coop.user].map((u) => server.gql(OpenLinkage, { input: { meetingId: negotiating } }, { token: u.token })),
    );
    for (const r of again) expect(r.data!.openLinkageFromMeeting).toMatchObject({ __typename: 'Linkage', id: l.id });
    const [rows] = await server.query<{ n: number; events: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM linkage_event e WHERE e.linkage_id = $2) AS events FROM linkage WHERE fair_meeting_id = $1`,
      [negotiating, l.id],
    );
    expect(rows).toEqual({ n: 1, events: 1 });
    // Shown both ways: the meeting names its linkage, and both sides list it as from this fair.
    for (const u of [coop.user, biz.user, staff]) {
      const view = await server.gql(MeetingView, { id: negotiating }, { token: u.token });
      expect(view.data!.fairMeeting).toMatchObject({ fair: { id: fairId }, linkage: { id: l.id, status: 'NEGOTIATING' } });
    }
    const listed = await server.gql(MyLinkages, {}, { token: biz.user.token });
    expect(listed.data!.myLinkages.edges.map((e) => e.node)).toContainEqual({
      id: l.id,
      counterpartName: l.counterpartName,
      fromFair: { id: fairId },
    });
    const notified = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE linkage_id = $1 AND user_id = $2 AND kind = 'LINKAGE_PROPOSED'`,
      [l.id, biz.user.id],
    );
    expect(notified[0]!.n).toBe(1);
  });

  it('keeps the outcome of a meeting that opened a linkage at negotiation started or above', async () => {
    const [linked] = await server.query<{ id: string }>(`SELECT id FROM linkage WHERE fair_meeting_id = $1`, [negotiating]);
    expect(linked).toBeDefined();
    const record = `mutation($input: RecordOutcomeInput!) { recordMeetingOutcome(input: $input) {
      __typename ... on FairMeeting { outcomeLevel } ... on InvalidTransitionError { code from to message } } }`;
    const stored = () =>
      server.query<{ outcome_level: number; outcome_note: string }>(`SELECT outcome_level, outcome_note FROM fair_meeting WHERE id = $1`, [
        negotiating,
      ]);
    const before = await stored();
    for (const [user, level] of [
      [coop.user, 'VALUABLE_CONTACT'],
      [biz.user, 'NO_FURTHER_CONTACT'],
      [staff, 'KNOWLEDGE_GAINED'],
    ] as const) {
      const res = await server.gql<{ recordMeetingOutcome: Record<string, unknown> }, unknown>(
        record,
        { input: { meetingId: negotiating, level, note: 'đổi ý' } },
        { token: user.token },
      );
      expect(res.data!.recordMeetingOutcome).toMatchObject({
        __typename: 'InvalidTransitionError',
        code: 'INVALID_TRANSITION',
        from: 'NEGOTIATION_STARTED',
        to: level,
      });
      expect(String(res.data!.recordMeetingOutcome.message)).toMatch(/linkage/);
    }
    expect(await stored()).toEqual(before);
    // Going up stays possible, and so does coming back to negotiation started.
    const up = await server.gql<{ recordMeetingOutcome: Record<string, unknown> }, unknown>(
      record,
      { input: { meetingId: negotiating, level: 'AGREEMENT_REACHED', agreementValue: 5_000_000 } },
      { token: coop.user.token },
    );
    expect(up.data!.recordMeetingOutcome).toEqual({ __typename: 'FairMeeting', outcomeLevel: 'AGREEMENT_REACHED' });
    const back = await server.gql<{ recordMeetingOutcome: Record<string, unknown> }, unknown>(
      record,
      { input: { meetingId: negotiating, level: 'NEGOTIATION_STARTED' } },
      { token: coop.user.token },
    );
    expect(back.data!.recordMeetingOutcome).toEqual({ __typename: 'FairMeeting', outcomeLevel: 'NEGOTIATION_STARTED' });
  });

  it('lets staff open one for an agreement, keeps the two sides acting on it, and counts it in the event report once', async () => {
    const opened = await server.gql(OpenLinkage, { input: { meetingId: agreed } }, { token: staff.token });
    const l = opened.data!.openLinkageFromMeeting;
    if (l.__typename !== 'Linkage') throw new Error(JSON.stringify(opened));
    expect(l).toMatchObject({ status: 'NEGOTIATING', cooperative: { id: coop2.orgId } });
    // Staff follow up but do not negotiate for either side.
    const staffMove = await server.gql(Move, { input: { id: l.id, to: 'CANCELLED' } }, { token: staff.token });
    expect(staffMove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const before = await server.gql(Report, { id: fairId }, { token: staff.token });
    expect(before.data!.fair!.report).toEqual({ agreements: 2, agreementValue: 200_000_000, linkagesOpened: 2, linkageAgreements: 0 });
    // No need was posted, so the contract names its own unit.
    const terms = { id: l.id, quantity: 10, unitPrice: 25_000_000, startsOn: '2027-01-01', endsOn: '2027-06-30' };
    const noUnit = await server.gql(Agree, { input: terms }, { token: biz.user.token });
    expect(noUnit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.query(`SELECT count(*)::int AS n FROM agreement WHERE linkage_id = $1`, [l.id]))[0]).toEqual({ n: 0 });
    const signed = await server.gql(Agree, { input: { ...terms, unit: 'TNE' } }, { token: biz.user.token });
    expect(signed.data!.agreeLinkage).toMatchObject({ status: 'AGREED' });
    const after = await server.gql(Report, { id: fairId }, { token: staff.token });
    // The signed contract (10 × 25,000,000) replaces the value recorded at the outcome; the meeting counts once.
    expect(after.data!.fair!.report).toEqual({ agreements: 2, agreementValue: 250_000_000, linkagesOpened: 2, linkageAgreements: 1 });
    expect(after.data!.fair!.reportCsv).toContain('linkages,opened,2,Liên kết mở từ sự kiện\r\nlinkages,agreements,1,');
  });

  it('keeps every linkage tied to a need or a meeting in the database itself', async () => {
    await expect(
      server.query(`INSERT INTO linkage (cooperative_id, counterpart_business_id, proposed_by) VALUES ($1, $2, 'RESPONDER')`, [
        coop.orgId,
        biz.orgId,
      ]),
    ).rejects.toThrow(/linkage_origin_chk/);
    await expect(
      server.query(`INSERT INTO linkage (cooperative_id, fair_meeting_id, proposed_by) VALUES ($1, $2, 'RESPONDER')`, [coop.orgId, weak]),
    ).rejects.toThrow(/linkage_counterpart_chk/);
    await expect(
      server.query(
        `INSERT INTO linkage (cooperative_id, fair_meeting_id, counterpart_business_id, proposed_by) VALUES ($1, $2, $3, 'RESPONDER')`,
        [coop.orgId, negotiating, biz.orgId],
      ),
    ).rejects.toThrow(/linkage_fair_meeting_uq/);
  });
});

describe('meeting requests: expiry job, pending requests and availability', () => {
  it('expires unanswered requests of every event from the periodic job, and skips its turn while another process holds the lock', async () => {
    const fairId = await openFair(server, staff, { requestExpiryHours: 1 });
    const a = await participant(server, staff, fairId, 'coop');
    const b = await participant(server, staff, fairId, 'business');
    const c = await participant(server, staff, fairId, 'business');
    const due = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: a.regId, toRegistrationId: b.regId, preference: 'MEET' } },
      { token: a.user.token },
    );
    const fresh = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: a.regId, toRegistrationId: c.regId, preference: 'MEET' } },
      { token: a.user.token },
    );
    const dueId = (due.data!.sendMeetingRequest as { id: string }).id;
    const freshId = (fresh.data!.sendMeetingRequest as { id: string }).id;
    const [expiry] = await server.query<{ hours: number }>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM meeting_request WHERE id = $1`,
      [freshId],
    );
    expect(expiry!.hours).toBe(1);
    await server.query(`UPDATE meeting_request SET expires_at = now() - interval '1 minute' WHERE id = $1`, [dueId]);

    const job = platformJobs(createServices(server.config)).find((j) => j.name === 'expire-meeting-requests')!;
    const runner = startJobs(server.ds, [], () => {});
    const other = new pg.Client({ connectionString: server.databaseUrl });
    await other.connect();
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(hashtext('cooplink.job'), hashtext('expire-meeting-requests'))`);
    expect(await runner.runOnce(job)).toEqual({ ran: false, changed: 0 });
    await other.query('COMMIT');
    await other.end();
    const statusOf = async (id: string) =>
      (await server.query<{ status: string }>(`SELECT status FROM meeting_request WHERE id = $1`, [id]))[0]!.status;
    expect(await statusOf(dueId)).toBe('PENDING');
    const result = await runner.runOnce(job);
    expect(result.ran).toBe(true);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    expect(await statusOf(dueId)).toBe('EXPIRED');
    expect(await statusOf(freshId)).toBe('PENDING');
    runner.stop();
  });

  it('never seats a pending request, and seats accepted ones only in slots both sides are free', async () => {
    const fairId = await openFair(server, staff, { meetingCap: 6 });
    const coop = await participant(server, staff, fairId, 'coop');
    const [b1, b2, b3, b4] = [
      await participant(server, staff, fairId, 'business'),
      await participant(server, staff, fairId, 'business'),
      await participant(server, staff, fairId, 'business'),
      await participant(server, staff, fairId, 'business'),
    ];
    // The cooperative is free in slots 1 and 4 only; b2 is never free.
    await server.gql(Availability, { input: { registrationId: coop.regId, unavailableSlots: [0, 2, 3, 5] } }, { token: coop.user.token });
    await server.gql(
      Availability,
      { input: { registrationId: b2!.regId, unavailableSlots: [0, 1, 2, 3, 4, 5] } },
      { token: b2!.user.token },
    );
    const pending = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: b4!.regId, preference: 'MUST_MEET' } },
      { token: coop.user.token },
    );
    expect(pending.data!.sendMeetingRequest).toMatchObject({ status: 'PENDING' });
    await book(coop, b1!);
    await book(coop, b2!);
    await book(coop, b3!);
    const run = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    const r = run.data!.scheduleFair;
    if (r.__typename !== 'ScheduleRun') throw new Error(JSON.stringify(run));
    // The pending request is not asked of the scheduler at all.
    expect(r).toMatchObject({ meetingsRequested: 3, meetingsPlaced: 2, conflicts: 0 });
    expect(r.unplaced.map((u) => u.reason)).toEqual(['NO_COMMON_SLOT']);
    const seated = await server.query<{ slot: number; b: string }>(
      `SELECT slot, CASE WHEN registration_a = $2 THEN registration_b ELSE registration_a END AS b
         FROM fair_meeting WHERE fair_id = $1 ORDER BY slot`,
      [fairId, coop.regId],
    );
    expect(seated.map((s) => s.slot)).toEqual([1, 4]);
    expect(seated.map((s) => s.b).sort()).toEqual([b1!.regId, b3!.regId].sort());
  });
});

const Sheet = graphql(`
  query TFlTableSheet($id: ID!, $table: Int!) {
    fair(id: $id) {
      tableSheet(table: $table) {
        slot
        startsAt
        meetingId
        status
        a {
          registrationId
          name
          contact
        }
        b {
          registrationId
          name
          contact
        }
      }
    }
  }
`);
const Progress = graphql(`
  query TFlProgress($id: ID!) {
    fair(id: $id) {
      scheduleProgress {
        phase
        requests
        participants
        startedAt
      }
      lastScheduleRun {
        unplaced {
          reason
          request {
            from {
              id
            }
            to {
              id
            }
          }
        }
      }
    }
  }
`);

describe('staff tools: table sheets, scheduler progress and unplaced requests', () => {
  let fairId: string;
  let coop: Party;
  let b1: Party;
  let b2: Party;

  beforeAll(async () => {
    fairId = await openFair(server, staff, { tableCount: 2 });
    coop = await participant(server, staff, fairId, 'coop');
    b1 = await participant(server, staff, fairId, 'business');
    b2 = await participant(server, staff, fairId, 'business');
    await server.gql(Availability, { input: { registrationId: b2.regId, unavailableSlots: [0, 1, 2, 3, 4, 5] } }, { token: b2.user.token });
    await book(coop, b1);
    await book(coop, b2);
  });

  it('reports the phases of a scheduler run to staff only, ending at DONE with what it seated', async () => {
    const beforeRun = await server.gql(Progress, { id: fairId }, { token: staff.token });
    expect(beforeRun.data!.fair!.scheduleProgress).toBeNull();
    const started = Date.now();
    const run = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    expect(run.data!.scheduleFair).toMatchObject({ meetingsRequested: 2, meetingsPlaced: 1 });
    const after = await server.gql(Progress, { id: fairId }, { token: staff.token });
    const p = after.data!.fair!.scheduleProgress!;
    expect(p).toMatchObject({ phase: 'DONE', requests: 2, participants: 3 });
    expect(new Date(p.startedAt).getTime()).toBeGreaterThanOrEqual(started - 2_000);
    // The unplaced request names both sides, for staff to follow up.
    expect(after.data!.fair!.lastScheduleRun!.unplaced).toEqual([
      { reason: 'NO_COMMON_SLOT', request: { from: { id: coop.regId }, to: { id: b2.regId } } },
    ]);
    for (const user of [coop.user, b1.user]) {
      const seen = await server.gql(Progress, { id: fairId }, { token: user.token });
      expect(seen.data!.fair!.scheduleProgress).toBeNull();
      expect(seen.data!.fair!.lastScheduleRun).toBeNull();
    }
  });

  it('prints one table’s meetings over every slot with both sides’ contacts, for staff only', async () => {
    const [m] = await server.query<{ id: string; table_no: number; slot: number }>(
      `SELECT id, table_no, slot FROM fair_meeting WHERE fair_id = $1`,
      [fairId],
    );
    const res = await server.gql(Sheet, { id: fairId, table: m!.table_no }, { token: staff.token });
    const lines = res.data!.fair!.tableSheet;
    expect(lines.map((l) => l.slot)).toEqual([0, 1, 2, 3, 4, 5]);
    const line = lines.find((l) => l.meetingId === m!.id)!;
    expect(line.slot).toBe(m!.slot);
    expect(line.status).toBe('SCHEDULED');
    expect([line.a!.registrationId, line.b!.registrationId].sort()).toEqual([coop.regId, b1.regId].sort());
    for (const side of [line.a!, line.b!]) expect(side.name.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.meetingId === null).every((l) => l.a === null && l.b === null && l.status === null)).toBe(true);

    for (const table of [0, 3, -1]) {
      const bad = await server.gql(Sheet, { id: fairId, table }, { token: staff.token });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'table' }] });
    }
    const denied = await server.gql(Sheet, { id: fairId, table: 1 }, { token: coop.user.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await server.gql(Sheet, { id: fairId, table: 1 });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('scheduler progress while the run is going', () => {
  it('shows the phases in order to a staff member polling during the run', async () => {
    const fairId = await openFair(server, staff, { tableCount: 3, meetingCap: 6 });
    const coops: Party[] = [];
    const businesses: Party[] = [];
    for (let i = 0; i < 4; i++) coops.push(await participant(server, staff, fairId, 'coop'));
    for (let i = 0; i < 4; i++) businesses.push(await participant(server, staff, fairId, 'business'));
    for (const c of coops) for (const b of businesses) await book(c, b);
    const poll = async () => (await server.gql(Progress, { id: fairId }, { token: staff.token })).data!.fair!.scheduleProgress?.phase;
    let done = false;
    const run = server.gql(Schedule, { input: { fairId } }, { token: staff.token }).finally(() => {
      done = true;
    });
    const seen: string[] = [];
    while (!done) {
      const phase = await poll();
      if (phase && seen.at(-1) !== phase) seen.push(phase);
    }
    expect((await run).data!.scheduleFair).toMatchObject({ meetingsRequested: 16, conflicts: 0 });
    const final = await poll();
    if (seen.at(-1) !== final) seen.push(final!);
    const order = ['PREPARING', 'SOLVING', 'SAVING', 'DONE'];
    expect(seen.at(-1)).toBe('DONE');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.map((p) => order.indexOf(p))).toEqual([...seen.map((p) => order.indexOf(p))].sort((a, b) => a - b));
  });
});
