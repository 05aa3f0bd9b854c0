import { expect } from 'vitest';
import { createBusiness, createCooperative, createUser, type TestUser } from './fixtures';
import type { TestServer } from './test-server';

const day = 24 * 3_600_000;

const CREATE = `mutation($input: CreateFairInput!) { createFair(input: $input) { id version } }`;
const OPEN = `mutation($input: TransitionFairInput!) { transitionFair(input: $input) { __typename } }`;
const REGISTER = `mutation($input: RegisterForFairInput!) { registerForFair(input: $input) { __typename ... on FairRegistration { id } } }`;
const REVIEW = `mutation($input: ReviewRegistrationInput!) { reviewRegistration(input: $input) { __typename } }`;

/** A one-day conference open for registration: 2 sessions, 6 half-hour slots, 3 tables. */
export function fairInput(extra: Record<string, unknown> = {}) {
  return {
    kind: 'LINKAGE_CONFERENCE' as const,
    name: 'Hội nghị kết nối cung cầu thử nghiệm',
    venue: 'Trung tâm Hội nghị tỉnh',
    startsOn: '2026-12-12',
    endsOn: '2026-12-12',
    registrationOpensAt: new Date(Date.now() - day).toISOString(),
    registrationClosesAt: new Date(Date.now() + 10 * day).toISOString(),
    boothCapacity: 20,
    sessions: [
      { label: 'Sáng', date: '2026-12-12', start: '08:00', end: '10:00' },
      { label: 'Chiều', date: '2026-12-12', start: '14:00', end: '15:00' },
    ],
    slotMinutes: 30,
    tableCount: 3,
    meetingCap: 4,
    requestExpiryHours: 48,
    ...extra,
  };
}

export async function openFair(server: TestServer, staff: TestUser, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await server.gql<{ createFair: { id: string; version: number } }, unknown>(
    CREATE,
    { input: fairInput(extra) },
    { token: staff.token },
  );
  const fair = created.data!.createFair;
  await server.gql(OPEN, { input: { id: fair.id, version: fair.version, status: 'OPEN' } }, { token: staff.token });
  return fair.id;
}

export interface Party {
  orgId: string;
  user: TestUser;
  regId: string;
}

/** A verified cooperative or company, its manager, and its accepted registration. */
export async function participant(server: TestServer, staff: TestUser, fairId: string, kind: 'coop' | 'business'): Promise<Party> {
  const orgId = kind === 'coop' ? await createCooperative(server) : await createBusiness(server);
  const user = await createUser(
    server,
    [kind === 'coop' ? 'COOP_MANAGER' : 'BUSINESS_REP'],
    kind === 'coop' ? { cooperativeId: orgId } : { businessId: orgId },
  );
  const input = kind === 'coop' ? { fairId, cooperativeId: orgId } : { fairId, businessId: orgId };
  const res = await server.gql<{ registerForFair: { __typename: string; id: string } }, unknown>(
    REGISTER,
    { input },
    { token: user.token },
  );
  const reg = res.data!.registerForFair;
  if (reg.__typename !== 'FairRegistration') throw new Error(JSON.stringify(res));
  const reviewed = await server.gql<{ reviewRegistration: { __typename: string } }, unknown>(
    REVIEW,
    { input: { registrationId: reg.id, decision: 'ACCEPT' } },
    { token: staff.token },
  );
  expect(reviewed.data!.reviewRegistration.__typename).toBe('FairRegistration');
  return { orgId, user, regId: reg.id };
}
