import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { fairInput } from '../support/fairs';
import { createBusiness, createCooperative, createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

const CreateFair = graphql(`
  mutation TCreateFair($input: CreateFairInput!) {
    createFair(input: $input) {
      id
      status
      version
      boothCapacity
      slots {
        index
        startsAt
      }
    }
  }
`);
const TransitionFair = graphql(`
  mutation TTransitionFair($input: TransitionFairInput!) {
    transitionFair(input: $input) {
      __typename
      ... on Fair {
        id
        status
        version
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);
const UpdateFair = graphql(`
  mutation TUpdateFair($input: UpdateFairInput!) {
    updateFair(input: $input) {
      __typename
    }
  }
`);
const PublicFairs = graphql(`
  query TPublicFairs($filter: FairFilter, $first: Int) {
    fairs(filter: $filter, first: $first) {
      totalCount
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
const Register = graphql(`
  mutation TRegisterForFair($input: RegisterForFairInput!) {
    registerForFair(input: $input) {
      __typename
      ... on FairRegistration {
        id
        status
        organizationId
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const Review = graphql(`
  mutation TReviewRegistration($input: ReviewRegistrationInput!) {
    reviewRegistration(input: $input) {
      __typename
      ... on FairRegistration {
        id
        status
        boothNumber
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const Cancel = graphql(`
  mutation TCancelRegistration($input: RegistrationRefInput!) {
    cancelRegistration(input: $input) {
      __typename
      ... on FairRegistration {
        status
      }
    }
  }
`);
const SetAvailability = graphql(`
  mutation TSetAvailability($input: SetAvailabilityInput!) {
    setAvailability(input: $input) {
      __typename
    }
  }
`);
const CheckIn = graphql(`
  mutation TCheckIn($input: RegistrationRefInput!) {
    checkIn(input: $input) {
      __typename
    }
  }
`);
const SendRequest = graphql(`
  mutation TSendMeetingRequest($input: SendMeetingRequestInput!) {
    sendMeetingRequest(input: $input) {
      __typename
      ... on MeetingRequest {
        id
        status
        bookedByStaff
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const Respond = graphql(`
  mutation TRespondMeetingRequest($input: RespondMeetingRequestInput!) {
    respondMeetingRequest(input: $input) {
      __typename
      ... on MeetingRequest {
        status
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const Schedule = graphql(`
  mutation TScheduleFair($input: ScheduleFairInput!) {
    scheduleFair(input: $input) {
      __typename
      ... on ScheduleRun {
        meetingsRequested
        meetingsPlaced
        objective
        upperBound
        quality
        conflicts
        lockedKept
        unplaced {
          requestId
          reason
        }
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const Move = graphql(`
  mutation TMoveMeeting($input: MoveMeetingInput!) {
    moveMeeting(input: $input) {
      __typename
      ... on FairMeeting {
        id
        slot
        table
        locked
      }
      ... on MeetingConflictError {
        conflict
      }
    }
  }
`);
const Attendance = graphql(`
  mutation TRecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
      ... on FairMeeting {
        status
      }
    }
  }
`);
const Outcome = graphql(`
  mutation TRecordOutcome($input: RecordOutcomeInput!) {
    recordMeetingOutcome(input: $input) {
      __typename
      ... on FairMeeting {
        outcomeLevel
        agreementValue
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);
const FairGrid = graphql(`
  query TFairGrid($id: ID!) {
    fair(id: $id) {
      meetings {
        id
        slot
        table
        locked
        registrationA {
          id
        }
        registrationB {
          id
        }
      }
    }
  }
`);
const FairView = graphql(`
  query TFairView($id: ID!, $org: ID!) {
    fair(id: $id) {
      meetings(organizationId: $org) {
        id
        slot
        table
        locked
        registrationA {
          id
        }
        registrationB {
          id
        }
      }
      agendaIcs(organizationId: $org)
      agenda(organizationId: $org) {
        startsAt
        table
        counterpartName
      }
    }
  }
`);
const Report = graphql(`
  query TFairReport($id: ID!) {
    fair(id: $id) {
      reportCsv
      report {
        meetingsRequested
        meetingsAccepted
        meetingsScheduled
        meetingsHeld
        noShows
        agreements
        agreementValue
        outcomes {
          key
          count
        }
      }
    }
  }
`);
const Suggested = graphql(`
  query TSuggested($id: ID!) {
    fair(id: $id) {
      myRegistrations {
        id
        suggestedPartners(first: 5) {
          score
          registration {
            id
            organizationName
          }
        }
      }
    }
  }
`);

let server: TestServer;
let staff: TestUser;

async function openFair(extra: Record<string, unknown> = {}): Promise<string> {
  const created = await server.gql(CreateFair, { input: fairInput(extra) }, { token: staff.token });
  const fair = created.data!.createFair;
  await server.gql(TransitionFair, { input: { id: fair.id, version: fair.version, status: 'OPEN' } }, { token: staff.token });
  return fair.id;
}

interface Party {
  orgId: string;
  user: TestUser;
  regId: string;
}

async function participant(fairId: string, kind: 'coop' | 'business'): Promise<Party> {
  const orgId = kind === 'coop' ? await createCooperative(server) : await createBusiness(server);
  const user = await createUser(
    server,
    [kind === 'coop' ? 'COOP_MANAGER' : 'BUSINESS_REP'],
    kind === 'coop' ? { cooperativeId: orgId } : { businessId: orgId },
  );
  const input = kind === 'coop' ? { fairId, cooperativeId: orgId } : { fairId, businessId: orgId };
  const res = await server.gql(Register, { input }, { token: user.token });
  const reg = res.data!.registerForFair;
  if (reg.__typename !== 'FairRegistration') throw new Error(JSON.stringify(res));
  const reviewed = await server.gql(Review, { input: { registrationId: reg.id, decision: 'ACCEPT' } }, { token: staff.token });
  expect(reviewed.data!.reviewRegistration.__typename).toBe('FairRegistration');
  return { orgId, user, regId: reg.id };
}

beforeAll(async () => {
  server = await startTestServer();
  staff = await createUser(server, ['TRADE_STAFF']);
});
afterAll(async () => {
  await server?.close();
});

describe('events', () => {
  it('lists published events publicly, filtered by status and kind, and hides drafts', async () => {
    const open = await openFair({ name: 'Hội chợ công khai' });
    const draft = await server.gql(CreateFair, { input: fairInput({ name: 'Bản nháp', kind: 'TRADE_FAIR' }) }, { token: staff.token });
    const res = await server.gql(PublicFairs, { filter: { status: ['OPEN'], kind: ['LINKAGE_CONFERENCE'] }, first: 50 });
    const ids = res.data!.fairs.edges.map((e) => e.node.id);
    expect(ids).toContain(open);
    expect(ids).not.toContain(draft.data!.createFair.id);
    const all = await server.gql(PublicFairs, { filter: { status: ['DRAFT'] } });
    expect(all.data!.fairs.totalCount).toBe(0);
    expect((await server.gql(PublicFairs, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses sessions that hold no slot and lets the status only move forward', async () => {
    const bad = await server.gql(
      CreateFair,
      { input: fairInput({ sessions: [{ label: 'x', date: '2026-12-12', start: '08:00', end: '08:10' }] }) },
      { token: staff.token },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'sessions' }] });
    const created = await server.gql(CreateFair, { input: fairInput() }, { token: staff.token });
    expect(created.data!.createFair.slots).toHaveLength(6);
    expect(created.data!.createFair.slots[0]!.startsAt).toBe('2026-12-12T01:00:00.000Z');
    const skip = await server.gql(
      TransitionFair,
      { input: { id: created.data!.createFair.id, version: 1, status: 'COMPLETED' } },
      { token: staff.token },
    );
    expect(skip.data!.transitionFair.__typename).toBe('InvalidTransitionError');
  });
});

describe('registration and booths', () => {
  it('never exceeds booth capacity under 50 concurrent acceptances for the last booths', async () => {
    const fairId = await openFair({ boothCapacity: 8 });
    // Five booths already gone, three left for fifty applicants.
    for (let i = 0; i < 5; i++) await participant(fairId, 'coop');
    const regs: string[] = [];
    for (let i = 0; i < 50; i++) {
      const coop = await createCooperative(server);
      const r = await server.gql(Register, { input: { fairId, cooperativeId: coop } }, { token: staff.token });
      regs.push((r.data!.registerForFair as { id: string }).id);
    }
    const results = await Promise.all(
      regs.map((id) => server.gql(Review, { input: { registrationId: id, decision: 'ACCEPT' } }, { token: staff.token })),
    );
    const kinds = results.map((r) => r.data?.reviewRegistration.__typename);
    expect(kinds.filter((k) => k === 'FairRegistration')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'CapacityFullError')).toHaveLength(47);
    const [row] = await server.query<{ taken: number; accepted: number; booths: number }>(
      `SELECT f.booths_taken AS taken, count(r.*)::int AS accepted, count(DISTINCT r.booth_number)::int AS booths
         FROM fair f JOIN fair_registration r ON r.fair_id = f.id AND r.status = 'ACCEPTED' WHERE f.id = $1 GROUP BY f.id`,
      [fairId],
    );
    expect(row).toEqual({ taken: 8, accepted: 8, booths: 8 });
  });

  it('promotes the longest-waiting registration when an accepted one cancels', async () => {
    const fairId = await openFair({ boothCapacity: 1 });
    const first = await participant(fairId, 'coop');
    const waiting: string[] = [];
    for (let i = 0; i < 2; i++) {
      const coop = await createCooperative(server);
      const r = await server.gql(Register, { input: { fairId, cooperativeId: coop } }, { token: staff.token });
      const id = (r.data!.registerForFair as { id: string }).id;
      await server.gql(Review, { input: { registrationId: id, decision: 'WAITLIST' } }, { token: staff.token });
      waiting.push(id);
    }
    const cancelled = await server.gql(Cancel, { input: { registrationId: first.regId } }, { token: first.user.token });
    expect(cancelled.data!.cancelRegistration).toMatchObject({ status: 'CANCELLED' });
    const rows = await server.query<{ id: string; status: string; booth_number: number | null }>(
      `SELECT id, status, booth_number FROM fair_registration WHERE id = ANY($1)`,
      [waiting],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(waiting[0]!)).toMatchObject({ status: 'ACCEPTED', booth_number: 1 });
    expect(byId.get(waiting[1]!)).toMatchObject({ status: 'WAITLISTED' });
  });

  it('refuses a second registration of the same organisation and unverified organisations', async () => {
    const fairId = await openFair();
    const p = await participant(fairId, 'business');
    const again = await server.gql(Register, { input: { fairId, businessId: p.orgId } }, { token: p.user.token });
    expect(again.data!.registerForFair).toMatchObject({ code: 'DUPLICATE' });
    const unverified = await createCooperative(server, { verified: false });
    const u = await createUser(server, ['COOP_MANAGER'], { cooperativeId: unverified });
    const res = await server.gql(Register, { input: { fairId, cooperativeId: unverified } }, { token: u.token });
    expect(res.data!.registerForFair).toMatchObject({ code: 'NOT_VERIFIED' });
  });
});

describe('meeting requests, scheduling, agendas and outcomes', () => {
  let fairId: string;
  let coop: Party;
  let biz: Party;
  let others: Party[];

  beforeAll(async () => {
    fairId = await openFair();
    coop = await participant(fairId, 'coop');
    biz = await participant(fairId, 'business');
    others = [];
    for (let i = 0; i < 4; i++) others.push(await participant(fairId, i % 2 ? 'coop' : 'business'));
  });

  it('handles requests: accept, decline, expiry, no thanks and staff booking on a cooperative’s behalf', async () => {
    const sent = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: biz.regId, preference: 'MUST_MEET', reason: 'Bán dừa sáp' } },
      { token: coop.user.token },
    );
    const req = sent.data!.sendMeetingRequest as { id: string; status: string };
    expect(req.status).toBe('PENDING');
    const dup = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: biz.regId, preference: 'MEET' } },
      { token: coop.user.token },
    );
    expect(dup.data!.sendMeetingRequest).toMatchObject({ code: 'DUPLICATE' });
    const accepted = await server.gql(Respond, { input: { requestId: req.id, accept: true } }, { token: biz.user.token });
    expect(accepted.data!.respondMeetingRequest).toMatchObject({ status: 'ACCEPTED' });

    const late = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: others[0]!.regId, toRegistrationId: coop.regId, preference: 'MEET' } },
      { token: others[0]!.user.token },
    );
    const lateId = (late.data!.sendMeetingRequest as { id: string }).id;
    await server.query(`UPDATE meeting_request SET expires_at = now() - interval '1 minute' WHERE id = $1`, [lateId]);
    const tooLate = await server.gql(Respond, { input: { requestId: lateId, accept: true } }, { token: coop.user.token });
    expect(tooLate.data!.respondMeetingRequest).toMatchObject({ code: 'REQUEST_EXPIRED' });

    const noThanks = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: others[2]!.regId, preference: 'NO_THANKS' } },
      { token: coop.user.token },
    );
    expect(noThanks.data!.sendMeetingRequest).toMatchObject({ status: 'STANDING' });
    const wanted = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: others[2]!.regId, toRegistrationId: coop.regId, preference: 'MUST_MEET' } },
      { token: others[2]!.user.token },
    );
    await server.gql(
      Respond,
      { input: { requestId: (wanted.data!.sendMeetingRequest as { id: string }).id, accept: true } },
      { token: coop.user.token },
    );

    // The manager does not use the platform: staff book for the cooperative.
    const booked = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: others[1]!.regId, preference: 'MEET', book: true } },
      { token: staff.token },
    );
    expect(booked.data!.sendMeetingRequest).toMatchObject({ status: 'ACCEPTED', bookedByStaff: true });
    const declined = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: biz.regId, toRegistrationId: others[3]!.regId, preference: 'MEET' } },
      { token: biz.user.token },
    );
    const d = await server.gql(
      Respond,
      { input: { requestId: (declined.data!.sendMeetingRequest as { id: string }).id, accept: false } },
      { token: others[3]!.user.token },
    );
    expect(d.data!.respondMeetingRequest).toMatchObject({ status: 'DECLINED' });
    for (const o of [others[0]!, others[2]!])
      await server.gql(
        SendRequest,
        { input: { fromRegistrationId: biz.regId, toRegistrationId: o.regId, preference: 'MEET', book: true } },
        { token: staff.token },
      );
  });

  it('suggests partners of the other kind, best first', async () => {
    const res = await server.gql(Suggested, { id: fairId }, { token: coop.user.token });
    const mine = res.data!.fair!.myRegistrations[0]!;
    expect(mine.suggestedPartners.length).toBeGreaterThan(0);
    const scores = mine.suggestedPartners.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('schedules accepted requests with no clashes, never a "no thanks" pair, and keeps locked meetings on a re-run', async () => {
    await server.gql(SetAvailability, { input: { registrationId: coop.regId, unavailableSlots: [0, 1] } }, { token: coop.user.token });
    const run = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    const r = run.data?.scheduleFair;
    if (r?.__typename !== 'ScheduleRun') throw new Error(JSON.stringify(run));
    expect(r.conflicts).toBe(0);
    expect(r.meetingsRequested).toBe(5);
    // The "no thanks" pair asked for each other once but is never seated.
    expect(r.meetingsPlaced).toBe(4);
    expect(r.unplaced.map((u) => u.reason)).toEqual(['BLOCKED']);
    expect(r.upperBound).toBeGreaterThanOrEqual(r.objective - 1e-9);
    const view = await server.gql(FairGrid, { id: fairId }, { token: staff.token });
    const meetings = view.data!.fair!.meetings;
    expect(meetings).toHaveLength(4);
    const pairs = meetings.map((m) => [m.registrationA.id, m.registrationB.id].sort().join());
    expect(pairs).not.toContain([coop.regId, others[2]!.regId].sort().join());
    for (const m of meetings)
      if (m.registrationA.id === coop.regId || m.registrationB.id === coop.regId) expect(m.slot).toBeGreaterThanOrEqual(2);

    const target = meetings[0]!;
    const occupied = meetings.find((m) => m.id !== target.id)!;
    const clash = await server.gql(
      Move,
      { input: { meetingId: target.id, slot: occupied.slot, table: occupied.table } },
      { token: staff.token },
    );
    expect(clash.data!.moveMeeting.__typename).toBe('MeetingConflictError');
    const free = await server.gql(Move, { input: { meetingId: target.id, slot: 5, table: 3 } }, { token: staff.token });
    expect(free.data!.moveMeeting).toMatchObject({ slot: 5, table: 3, locked: true });

    const rerun = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    expect(rerun.data!.scheduleFair).toMatchObject({ conflicts: 0, lockedKept: 1, meetingsPlaced: 4 });
    const [kept] = await server.query(`SELECT slot, table_no FROM fair_meeting WHERE id = $1`, [target.id]);
    expect(kept).toEqual({ slot: 5, table_no: 3 });
    // The database itself refuses a participant twice in one slot.
    const [other] = await server.query<{ id: string; slot: number }>(
      `SELECT id, slot FROM fair_meeting WHERE fair_id = $1 AND $2 IN (registration_a, registration_b) AND id <> $3 LIMIT 1`,
      [fairId, target.registrationA.id, target.id],
    );
    if (other)
      await expect(server.query(`UPDATE fair_meeting SET slot = 5, table_no = 1 WHERE id = $1`, [other.id])).rejects.toThrow(
        /fair_meeting_participant_once/,
      );

    // Moving a meeting into a slot where one of its sides already meets someone else is refused, and says why.
    const [busy] = await server.query<{ id: string; slot: number }>(
      `SELECT o.id, o.slot FROM fair_meeting m JOIN fair_meeting o ON o.fair_id = m.fair_id AND o.id <> m.id AND o.slot <> m.slot
          AND (o.registration_a IN (m.registration_a, m.registration_b) OR o.registration_b IN (m.registration_a, m.registration_b))
        WHERE m.id = $1 LIMIT 1`,
      [target.id],
    );
    const freeTable = [1, 2, 3, 4].find((n) => !meetings.some((m) => m.slot === busy!.slot && m.table === n))!;
    const onBusy = await server.gql(Move, { input: { meetingId: target.id, slot: busy!.slot, table: freeTable } }, { token: staff.token });
    expect(onBusy.errors).toBeUndefined();
    expect(onBusy.data!.moveMeeting).toEqual({ __typename: 'MeetingConflictError', conflict: 'PARTICIPANT_BUSY' });
    expect((await server.query(`SELECT slot, table_no FROM fair_meeting WHERE id = $1`, [target.id]))[0]).toEqual({ slot: 5, table_no: 3 });

    // Staff confirm a meeting where the scheduler put it (a move to its own cell), then release it.
    const [placed] = await server.query<{ id: string; slot: number; table_no: number; locked: boolean }>(
      `SELECT id, slot, table_no, locked FROM fair_meeting WHERE fair_id = $1 AND NOT locked ORDER BY slot, table_no LIMIT 1`,
      [fairId],
    );
    const here = { meetingId: placed!.id, slot: placed!.slot, table: placed!.table_no };
    const confirmed = await server.gql(Move, { input: { ...here, locked: true } }, { token: staff.token });
    expect(confirmed.data!.moveMeeting).toMatchObject({
      __typename: 'FairMeeting',
      slot: placed!.slot,
      table: placed!.table_no,
      locked: true,
    });
    const again = await server.gql(Schedule, { input: { fairId } }, { token: staff.token });
    expect(again.data!.scheduleFair).toMatchObject({ conflicts: 0, lockedKept: 2 });
    expect((await server.query(`SELECT slot, table_no, locked FROM fair_meeting WHERE id = $1`, [placed!.id]))[0]).toEqual({
      slot: placed!.slot,
      table_no: placed!.table_no,
      locked: true,
    });
    const released = await server.gql(Move, { input: { ...here, locked: false } }, { token: staff.token });
    expect(released.data!.moveMeeting).toMatchObject({ locked: false });
    // A cooperative cannot confirm its own meeting.
    const byCoop = await server.gql(Move, { input: { ...here, locked: true } }, { token: coop.user.token });
    expect(byCoop.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.query(`SELECT locked FROM fair_meeting WHERE id = $1`, [placed!.id]))[0]).toEqual({ locked: false });
  });

  it('serves the agenda as iCalendar with the right times in Asia/Ho_Chi_Minh, to staff and that organisation only', async () => {
    const view = await server.gql(FairView, { id: fairId, org: coop.orgId }, { token: coop.user.token });
    expect(view.errors).toBeUndefined();
    const ics = view.data!.fair!.agendaIcs;
    const comp = new ICAL.Component(ICAL.parse(ics));
    const tz = comp.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(view.data!.fair!.agenda.length);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.startDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
      const local = e.startDate.toString();
      const agendaLine = view.data!.fair!.agenda.find((a) => new Date(a.startsAt).getTime() === e.startDate.toJSDate().getTime());
      expect(agendaLine, local).toBeDefined();
      expect(e.summary).toContain(`bàn ${agendaLine!.table}`);
      // Slots start at 08:00, 08:30 … or 14:00, 14:30 local time.
      expect(['08', '09', '14']).toContain(local.slice(11, 13));
    }
    const stranger = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
    const denied = await server.gql(FairView, { id: fairId, org: coop.orgId }, { token: stranger.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records attendance, no-shows and outcomes, and reports them with CSV', async () => {
    const meetings = await server.query<{ id: string }>(`SELECT id FROM fair_meeting WHERE fair_id = $1 ORDER BY slot, table_no`, [fairId]);
    const [m1, m2, m3] = meetings;
    await server.gql(Attendance, { input: { meetingId: m1!.id, aAttended: true, bAttended: true } }, { token: staff.token });
    await server.gql(Attendance, { input: { meetingId: m2!.id, aAttended: true, bAttended: false } }, { token: staff.token });
    await server.gql(Attendance, { input: { meetingId: m3!.id, aAttended: true, bAttended: true } }, { token: staff.token });
    const notHeld = await server.gql(Outcome, { input: { meetingId: m2!.id, level: 'VALUABLE_CONTACT' } }, { token: staff.token });
    expect(notHeld.data!.recordMeetingOutcome).toMatchObject({ code: 'INVALID_TRANSITION' });
    const deal = await server.gql(
      Outcome,
      { input: { meetingId: m1!.id, level: 'AGREEMENT_REACHED', agreementValue: 1_500_000_000 } },
      { token: staff.token },
    );
    expect(deal.data!.recordMeetingOutcome).toMatchObject({ outcomeLevel: 'AGREEMENT_REACHED', agreementValue: 1_500_000_000 });
    await server.gql(Outcome, { input: { meetingId: m3!.id, level: 'NEGOTIATION_STARTED' } }, { token: staff.token });
    const rep = await server.gql(Report, { id: fairId }, { token: staff.token });
    const report = rep.data!.fair!.report;
    expect(report).toMatchObject({ meetingsScheduled: 4, meetingsHeld: 2, noShows: 1, agreements: 1, agreementValue: 1_500_000_000 });
    expect(report.outcomes.find((o) => o.key === 'NEGOTIATION_STARTED')!.count).toBe(1);
    expect(rep.data!.fair!.reportCsv).toContain('agreements,value_vnd,1500000000');
    const anon = await server.gql(Report, { id: fairId });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses every fair mutation to anonymous callers, wrong roles and other organisations, writing nothing', async () => {
    const stranger = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
    const bizRep = biz.user;
    const [meeting] = await server.query<{ id: string }>(`SELECT id FROM fair_meeting WHERE fair_id = $1 LIMIT 1`, [fairId]);
    const [request] = await server.query<{ id: string }>(`SELECT id FROM meeting_request WHERE to_registration = $1 LIMIT 1`, [coop.regId]);
    const before = await server.query(`SELECT count(*)::int, sum(version)::int FROM fair_registration WHERE fair_id = $1`, [fairId]);
    const beforeMeetings = await server.query(`SELECT id, slot, table_no, status FROM fair_meeting WHERE fair_id = $1 ORDER BY id`, [
      fairId,
    ]);
    type Op = (token?: string) => Promise<{ errors?: { extensions?: { code?: string } }[] }>;
    const staffOnly: Op[] = [
      (t) => server.gql(CreateFair, { input: fairInput() }, { token: t }),
      (t) => server.gql(UpdateFair, { input: { ...fairInput(), id: fairId, version: 2 } }, { token: t }),
      (t) => server.gql(TransitionFair, { input: { id: fairId, version: 2, status: 'CLOSED' } }, { token: t }),
      (t) => server.gql(Review, { input: { registrationId: coop.regId, decision: 'REJECT' } }, { token: t }),
      (t) => server.gql(CheckIn, { input: { registrationId: coop.regId } }, { token: t }),
      (t) => server.gql(Schedule, { input: { fairId } }, { token: t }),
      (t) => server.gql(Move, { input: { meetingId: meeting!.id, slot: 0, table: 1 } }, { token: t }),
    ];
    const coopOwned: Op[] = [
      (t) => server.gql(Register, { input: { fairId, cooperativeId: coop.orgId } }, { token: t }),
      (t) => server.gql(Cancel, { input: { registrationId: coop.regId } }, { token: t }),
      (t) => server.gql(SetAvailability, { input: { registrationId: coop.regId, unavailableSlots: [] } }, { token: t }),
      (t) =>
        server.gql(
          SendRequest,
          { input: { fromRegistrationId: coop.regId, toRegistrationId: biz.regId, preference: 'MEET' } },
          { token: t },
        ),
      (t) => server.gql(Respond, { input: { requestId: request!.id, accept: false } }, { token: t }),
      (t) => server.gql(Attendance, { input: { meetingId: meeting!.id, aAttended: false, bAttended: false } }, { token: t }),
      (t) => server.gql(Outcome, { input: { meetingId: meeting!.id, level: 'NO_FURTHER_CONTACT' } }, { token: t }),
    ];
    for (const op of [...staffOnly, ...coopOwned]) expect((await op(undefined)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const op of staffOnly) {
      expect((await op(coop.user.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await op(bizRep.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const foreignMeeting = beforeMeetings.find(() => true);
    expect(foreignMeeting).toBeDefined();
    for (const op of coopOwned.slice(0, 5)) expect((await op(stranger.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const strangersMeeting = await server.query<{ id: string }>(
      `SELECT m.id FROM fair_meeting m WHERE m.fair_id = $1 AND $2 NOT IN (m.registration_a, m.registration_b) LIMIT 1`,
      [fairId, stranger.id],
    );
    const att = await server.gql(
      Attendance,
      { input: { meetingId: strangersMeeting[0]!.id, aAttended: false, bAttended: false } },
      { token: stranger.token },
    );
    expect(att.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const out = await server.gql(
      Outcome,
      { input: { meetingId: strangersMeeting[0]!.id, level: 'NO_FURTHER_CONTACT' } },
      { token: stranger.token },
    );
    expect(out.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A participant books on its own behalf only: "book" is for staff.
    const book = await server.gql(
      SendRequest,
      { input: { fromRegistrationId: coop.regId, toRegistrationId: others[3]!.regId, preference: 'MEET', book: true } },
      { token: coop.user.token },
    );
    expect(book.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.query(`SELECT count(*)::int, sum(version)::int FROM fair_registration WHERE fair_id = $1`, [fairId])).toEqual(
      before,
    );
    expect(await server.query(`SELECT id, slot, table_no, status FROM fair_meeting WHERE fair_id = $1 ORDER BY id`, [fairId])).toEqual(
      beforeMeetings,
    );
  });
});
