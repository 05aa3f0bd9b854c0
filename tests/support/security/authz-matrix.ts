/**
 * The authorization matrix: every root Query and Mutation field, called by
 * every kind of caller, with the outcome each caller must get.
 *
 * Callers (see authz-world.ts): anonymous; ADMIN; province-wide TRADE_STAFF;
 * a TRADE_STAFF scoped to district 845 acting on A and B, which lie outside
 * it; the COOP_MANAGER of cooperative A; the BUSINESS_REP of business B; and
 * a member of another organisation (manager of cooperative C and
 * representative of business D at once) acting on A's and B's records.
 * The arguments always name records owned by A or B, so the object-level
 * checks in the services are exercised, not only the role checks.
 *
 * What counts as DENY, and what as ALLOW:
 * - DENY is any one of
 *   - a thrown error with code UNAUTHENTICATED, FORBIDDEN or NOT_FOUND;
 *   - a null answer where the record exists (the API hides drafts, paused
 *     needs and draft fairs this way, so their existence does not leak);
 *   - an answer that does not contain the entry's `probe` ids: a list that
 *     leaves out the private record, a count of zero records changed;
 *   - an ErrorResult union member whose code is one of the three above.
 * - ALLOW is an answer that got past the checks: data (containing a probe id
 *   when the entry has probes), or an expected business failure returned as
 *   an ErrorResult (VersionConflictError, InvalidTransitionError,
 *   DuplicateError …), because those come after the access checks.
 * - Anything else (BAD_USER_INPUT, INTERNAL_SERVER_ERROR, a validation
 *   failure of the document) proves nothing about access and fails the test:
 *   the entry's arguments must be fixed.
 * - `hidden` ids must not appear in any caller's answer at all (drafts in the
 *   public catalogue, paused needs on the public board).
 *
 * Rules the expectations follow:
 * - Public reading (catalogue, registry, needs board, published fairs, lots
 *   and their trace) is ALLOW for everyone, anonymous included.
 * - A cooperative's or company's internals (drafts, paused needs, matches,
 *   linkages, recall, certificate reminders, notifications) and acting for
 *   it: its own members, and staff whose area covers it. An area-scoped
 *   officer is DENY outside their area, as DESIGN.md says they see only
 *   their area's cooperatives' internals.
 * - Running fairs (create, open, review applications, check-in, schedule,
 *   move meetings, attendance and outcomes at the tables) is staff work for
 *   the whole event and does not depend on the officer's area; acting for a
 *   participant (applying, withdrawing, availability, meeting requests) is
 *   acting for the organisation, and follows the rule above.
 * - Linkage steps are for the two sides only; staff read linkages but do not
 *   act for either side.
 * - Every denied mutation must leave every table exactly as it was: the
 *   test fingerprints all rows of all tables before and after the refused
 *   calls, and replays them one at a time to name any that wrote.
 * - Subscriptions run over graphql-ws: a caller is let through when A's new
 *   notification reaches them; anonymous connections are refused outright.
 */
import { checkDigit } from '../../../server/src/modules/business/tax-code';
import { CALLERS, type CallerName, type World } from './authz-world';

export type Outcome = 'ALLOW' | 'DENY';

export interface MatrixEntry {
  /** Arguments, built fresh for every call (mutations get records of their own where a success would use them up). */
  args?: (w: World) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Ids of private records: a caller reaches them only if one appears in the answer. */
  probe?: (w: World) => string[];
  /** Ids that must not appear in anybody's answer. */
  hidden?: (w: World) => string[];
  /** For answers without ids (counts): whether the call reached the private record. */
  reached?: (data: unknown) => boolean;
  /** The call ends the caller's session, so it runs on a session of its own. */
  ownSession?: boolean;
  /** The call ends every other session of its caller, so the calls it lets through run after all the rest. */
  endsOtherSessions?: boolean;
  /** Callers that must be let through; every other caller must be refused. */
  allow: readonly CallerName[];
}

const everyone = CALLERS;
const signedIn = CALLERS.filter((c) => c !== 'anonymous');
const staff = ['admin', 'staff'] as const;
const allStaff = ['admin', 'staff', 'scopedStaff'] as const;

export const QUERIES: Record<string, MatrixEntry> = {
  area: { args: () => ({ code: '849' }), allow: everyone },
  areas: { args: () => ({ parentCode: '84' }), allow: everyone },
  auditLog: { args: () => ({ first: 100 }), probe: (w) => [w.auditA], allow: staff },
  business: { args: (w) => ({ id: w.businessB }), probe: (w) => [w.businessB], allow: everyone },
  businesses: { args: () => ({ first: 100 }), probe: (w) => [w.businessB], allow: everyone },
  categories: { allow: everyone },
  cooperative: { args: (w) => ({ id: w.coopA }), probe: (w) => [w.coopA], allow: everyone },
  cooperativeMatches: { args: (w) => ({ cooperativeId: w.coopA }), allow: [...staff, 'managerA'] },
  cooperatives: { args: () => ({ areaCode: '849', first: 100 }), probe: (w) => [w.coopA], allow: everyone },
  fair: { args: (w) => ({ id: w.draftFair }), probe: (w) => [w.draftFair], allow: allStaff },
  fairMeeting: { args: async (w) => ({ id: (await w.make.fairWithMeeting('HELD')).meeting }), allow: [...allStaff, 'managerA', 'repB'] },
  // B's shortlist for its need is B's working list: B and the staff who cover B.
  needShortlist: { args: async (w) => ({ needId: (await w.make.need()).id }), allow: [...staff, 'repB'] },
  fairs: { args: () => ({ filter: { status: ['DRAFT', 'OPEN'] }, first: 100 }), probe: (w) => [w.draftFair], allow: allStaff },
  linkage: { args: (w) => ({ id: w.linkageAB }), probe: (w) => [w.linkageAB], allow: [...staff, 'managerA', 'repB'] },
  lot: { args: (w) => ({ code: w.lotA.code }), probe: (w) => [w.lotA.id], allow: everyone },
  lotIntegrity: { args: (w) => ({ code: w.lotA.code }), allow: everyone },
  lotRecall: { args: (w) => ({ code: w.lotA.code }), allow: [...staff, 'managerA'] },
  me: { allow: signedIn },
  mySessions: { allow: signedIn },
  myCertificateReminders: { args: () => ({ first: 50 }), probe: (w) => [w.reminderA], allow: ['managerA'] },
  myLinkages: { args: () => ({ first: 100 }), probe: (w) => [w.linkageAB], allow: [...staff, 'managerA', 'repB'] },
  myNeeds: { args: () => ({ first: 100 }), probe: (w) => [w.pausedNeedB], allow: [...staff, 'repB'] },
  need: { args: (w) => ({ id: w.pausedNeedB }), probe: (w) => [w.pausedNeedB], allow: [...staff, 'repB'] },
  needMatches: { args: (w) => ({ needId: w.needB }), allow: [...staff, 'repB'] },
  needs: {
    args: () => ({ first: 100 }),
    probe: (w) => [w.needB],
    hidden: (w) => [w.pausedNeedB],
    allow: everyone,
  },
  notifications: { args: () => ({ first: 100 }), probe: (w) => [w.notificationA], allow: ['managerA'] },
  oversightSummary: { args: () => ({ areaCode: '849' }), allow: staff },
  product: { args: (w) => ({ id: w.draftA }), probe: (w) => [w.draftA], allow: [...staff, 'managerA'] },
  products: {
    args: () => ({ search: 'dừa sáp', first: 100 }),
    probe: (w) => [w.productA],
    hidden: (w) => [w.draftA],
    allow: everyone,
  },
  unreadNotificationCount: { allow: signedIn },
  verificationQueue: { args: () => ({ first: 100 }), probe: (w) => [w.unverifiedCoop], allow: staff },
};

const fairFields = () => ({
  kind: 'LINKAGE_CONFERENCE',
  name: 'Hội nghị kết nối cung cầu',
  venue: 'Trung tâm Hội nghị tỉnh',
  startsOn: '2026-12-12',
  endsOn: '2026-12-12',
  registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
  registrationClosesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  boothCapacity: 20,
  sessions: [{ label: 'Sáng', date: '2026-12-12', start: '08:00', end: '10:00' }],
  slotMinutes: 30,
  tableCount: 3,
  meetingCap: 4,
  requestExpiryHours: 48,
});

/** A fresh, valid head-office tax code, so every permitted call registers a new company. */
function newTaxCode(): string {
  for (;;) {
    const head = `58${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const digit = checkDigit(head);
    if (digit !== null) return `${head}${digit}`;
  }
}

export const MUTATIONS: Record<string, MatrixEntry> = {
  agreeLinkage: {
    args: async (w) => ({
      input: { id: await w.make.linkage('NEGOTIATING'), quantity: 10, unitPrice: 20_000_000, startsOn: '2027-03-01', endsOn: '2027-06-30' },
    }),
    allow: ['managerA', 'repB'],
  },
  archiveProduct: { args: async (w) => ({ input: await w.make.product('PUBLISHED') }), allow: ['managerA'] },
  cancelRegistration: {
    args: async (w) => ({ input: { registrationId: await w.make.registration((await w.make.fair('OPEN')).id, 'A') } }),
    allow: [...staff, 'managerA'],
  },
  checkIn: {
    args: async (w) => ({ input: { registrationId: await w.make.registration((await w.make.fair('OPEN')).id, 'A') } }),
    allow: allStaff,
  },
  createBusiness: {
    args: (w) => ({
      input: {
        name: 'Công ty Chế biến Dừa',
        taxCode: newTaxCode(),
        kinds: ['PROCESSOR'],
        areaCode: w.communeA,
      },
    }),
    allow: [...allStaff, 'repB', 'otherOrg'],
  },
  createCooperative: {
    args: (w) => ({
      input: {
        name: 'HTX Nông nghiệp Mới',
        registrationNumber: `58${Math.floor(Math.random() * 1e8)}`,
        sector: 'AGRICULTURE',
        subsector: 'Trồng dừa',
        areaCode: w.communeA,
        memberCount: 10,
        establishedOn: '2020-01-01',
      },
    }),
    allow: [...allStaff, 'managerA', 'otherOrg'],
  },
  // Acts on the caller's own account only: a wrong current password is a business failure, past the access checks.
  changePassword: {
    args: () => ({ input: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' } }),
    allow: signedIn,
  },
  createFair: { args: () => ({ input: fairFields() }), allow: allStaff },
  createLot: {
    args: (w) => ({ input: { productId: w.productA, quantity: 500, unit: 'KGM', producedOn: '2026-11-01' } }),
    allow: ['managerA'],
  },
  createProduct: {
    args: (w) => ({ input: { cooperativeId: w.coopA, nameVi: 'Dừa sáp Cầu Kè', categoryCode: 'fruit.coconut.wax', unit: 'TNE' } }),
    allow: ['managerA'],
  },
  login: { args: (w) => ({ input: { email: w.make.email(), password: 'not the password' } }), allow: everyone },
  logout: { ownSession: true, allow: everyone },
  markNotificationsRead: {
    args: async (w) => ({ input: { ids: [await w.make.notificationForA()] } }),
    reached: (count) => typeof count === 'number' && count > 0,
    allow: ['managerA'],
  },
  moveLinkage: { args: async (w) => ({ input: { id: await w.make.linkage('ACCEPTED'), to: 'NEGOTIATING' } }), allow: ['managerA', 'repB'] },
  moveMeeting: {
    args: async (w) => ({ input: { meetingId: (await w.make.fairWithMeeting()).meeting, slot: 1, table: 2 } }),
    allow: allStaff,
  },
  postLinkageMessage: {
    args: (w) => ({ input: { linkageId: w.linkageAB, body: 'Xin báo giá giao tháng 3.' } }),
    allow: ['managerA', 'repB'],
  },
  postNeed: {
    args: (w) => ({
      input: {
        kind: 'OFFTAKE',
        businessId: w.businessB,
        title: 'Thu mua dừa sáp loại 1',
        categoryCode: 'fruit.coconut.wax',
        quantity: 20,
        unit: 'TNE',
        frequency: 'MONTHLY',
        deliveryFrom: '2027-03-01',
        deliveryTo: '2027-06-30',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    }),
    allow: [...staff, 'repB'],
  },
  proposeLinkage: {
    args: async (w) => ({ input: { needId: (await w.make.need()).id, cooperativeId: w.coopA, productId: w.productA } }),
    allow: ['managerA', 'repB'],
  },
  publishProduct: { args: async (w) => ({ input: await w.make.product('DRAFT') }), allow: ['managerA'] },
  recordAttendance: {
    args: async (w) => ({ input: { meetingId: (await w.make.fairWithMeeting()).meeting, aAttended: true, bAttended: true } }),
    allow: [...allStaff, 'managerA', 'repB'],
  },
  recordDelivery: {
    args: async (w) => ({ input: { linkageId: await w.make.linkage('AGREED'), deliveredOn: '2026-03-05', quantity: 2 } }),
    allow: ['managerA', 'repB'],
  },
  // Following up a held meeting is event work, like recording its outcome.
  openLinkageFromMeeting: {
    args: async (w) => ({ input: { meetingId: (await w.make.fairWithMeeting('HELD')).meeting } }),
    allow: [...allStaff, 'managerA', 'repB'],
  },
  shortlistMatch: {
    args: async (w) => ({ input: { needId: (await w.make.need()).id, cooperativeId: w.coopA, productId: w.productA } }),
    allow: [...staff, 'repB'],
  },
  removeShortlistEntry: { args: async (w) => ({ input: { id: await w.make.shortlistEntry() } }), allow: [...staff, 'repB'] },
  recordMeetingOutcome: {
    args: async (w) => ({ input: { meetingId: (await w.make.fairWithMeeting('HELD')).meeting, level: 'VALUABLE_CONTACT' } }),
    allow: [...allStaff, 'managerA', 'repB'],
  },
  recordRating: { args: async (w) => ({ input: { cooperativeId: await w.make.cooperativeInA(), year: 2025, score: 82 } }), allow: staff },
  recordStatusChange: {
    args: async (w) => ({
      input: { cooperativeId: await w.make.cooperativeInA(), status: 'SUSPENDED', changedOn: '2025-06-01', reason: 'Ngừng sản xuất' },
    }),
    allow: staff,
  },
  recordTraceEvent: {
    args: (w) => ({
      input: {
        lotId: w.lotA.id,
        type: 'OBJECT',
        action: 'OBSERVE',
        bizStep: 'HARVESTING',
        eventTime: new Date(Date.now() - 3_600_000).toISOString(),
      },
    }),
    allow: ['managerA'],
  },
  refreshSession: { args: async (w) => ({ input: { refreshToken: await w.make.refreshToken() } }), allow: everyone },
  register: {
    args: (w) => ({ input: { email: w.make.email(), password: 'mật khẩu an toàn 2026', displayName: 'Người dùng mới' } }),
    allow: everyone,
  },
  registerForFair: {
    args: async (w) => ({ input: { fairId: (await w.make.fair('OPEN')).id, cooperativeId: w.coopA } }),
    allow: [...staff, 'managerA'],
  },
  respondMeetingRequest: {
    args: async (w) => {
      const { fairId, regA, regB } = await w.make.fairWithMeeting();
      return { input: { requestId: await w.make.meetingRequest(fairId, regB, regA), accept: true } };
    },
    allow: [...staff, 'managerA'],
  },
  // A's second phone: only A's manager can sign it out; to anyone else the session does not exist.
  revokeSession: { args: async (w) => ({ input: { id: await w.make.sessionOfA() } }), allow: ['managerA'] },
  reviewRegistration: {
    args: async (w) => ({
      input: { registrationId: await w.make.registration((await w.make.fair('OPEN')).id, 'A', 'APPLIED'), decision: 'ACCEPT' },
    }),
    allow: allStaff,
  },
  scheduleFair: { args: async (w) => ({ input: { fairId: (await w.make.fairWithMeeting()).fairId } }), allow: allStaff },
  sendMeetingRequest: {
    args: async (w) => {
      const { id: fairId } = await w.make.fair('OPEN');
      const from = await w.make.registration(fairId, 'A');
      const to = await w.make.registration(fairId, 'B');
      return { input: { fromRegistrationId: from, toRegistrationId: to, preference: 'MEET' } };
    },
    allow: [...staff, 'managerA'],
  },
  signOutOtherSessions: { ownSession: true, endsOtherSessions: true, allow: signedIn },
  setAvailability: {
    args: async (w) => ({
      input: { registrationId: await w.make.registration((await w.make.fair('OPEN')).id, 'A'), unavailableSlots: [1] },
    }),
    allow: [...staff, 'managerA'],
  },
  transitionFair: {
    args: async (w) => {
      const fair = await w.make.fair('DRAFT');
      return { input: { id: fair.id, version: fair.version, status: 'OPEN' } };
    },
    allow: allStaff,
  },
  updateBusiness: {
    args: async (w) => ({ input: { id: w.businessB, version: await versionOf(w, 'business', w.businessB), description: 'Nhà máy mới' } }),
    allow: ['repB'],
  },
  updateCooperative: {
    args: async (w) => ({ input: { id: w.coopA, version: await versionOf(w, 'cooperative', w.coopA), memberCount: 25 } }),
    allow: ['managerA'],
  },
  updateFair: {
    args: async (w) => {
      const fair = await w.make.fair('OPEN');
      return { input: { ...fairFields(), id: fair.id, version: fair.version } };
    },
    allow: allStaff,
  },
  updateLot: {
    args: async (w) => ({ input: { id: w.lotA.id, version: await versionOf(w, 'lot', w.lotA.id), plot: 'Thửa 12' } }),
    allow: ['managerA'],
  },
  updateNeed: {
    args: async (w) => {
      const need = await w.make.need();
      return { input: { id: need.id, version: need.version, quantity: 30 } };
    },
    allow: [...staff, 'repB'],
  },
  updateProduct: {
    args: async (w) => ({ input: { ...(await w.make.product('DRAFT')), packaging: 'Bao 10 trái' } }),
    allow: ['managerA'],
  },
  verifyOrganization: {
    args: async (w) => ({ input: { kind: 'COOPERATIVE', organizationId: await w.make.cooperativeInA({ verified: false }) } }),
    allow: staff,
  },
};

/** Subscriptions, run over graphql-ws: a caller is let through when A's new notification reaches them. */
export const SUBSCRIPTIONS: Record<string, { allow: readonly CallerName[] }> = {
  notificationAdded: { allow: ['managerA'] },
};

async function versionOf(w: World, table: 'business' | 'cooperative' | 'lot', id: string): Promise<number> {
  const [row] = await w.server.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row!.version;
}

export function expected(entry: { allow: readonly CallerName[] }, caller: CallerName): Outcome {
  return entry.allow.includes(caller) ? 'ALLOW' : 'DENY';
}
