/** What a participant asked for: "no thanks" never reaches the scheduler as a request, it is a blocked pair. */
export type MeetingPreference = 'MUST_MEET' | 'MEET';

export interface SchedulingParticipant {
  id: string;
  /** The most meetings this participant wants in the whole event. */
  cap: number;
  /** Slot indices (see {@link SchedulingSlot.index}) in which the participant can sit at a table. */
  availableSlots: readonly number[];
}

export interface SchedulingSlot {
  /** Consecutive integers; the first slot may have any index. */
  index: number;
  /** Morning, afternoon, day two… Informational: sessions do not constrain the schedule. */
  session: string;
}

export interface SchedulingRequest {
  id: string;
  from: string;
  to: string;
  preference: MeetingPreference;
  /** The matching engine's score, in [0, 1]. */
  matchScore: number;
  /** The other side said it wants the meeting too. Requests in both directions count as mutual as well. */
  mutual: boolean;
}

/**
 * A confirmed meeting that a re-run must keep exactly where it is. Name it by one of the pair's
 * request ids, by the two participants, or both (then they must agree).
 */
export interface LockedMeeting {
  requestId?: string;
  participantIds?: readonly [string, string];
  slot: number;
  /** Tables are numbered 1..tableCount, as on the cards on the tables. */
  table: number;
}

export interface SchedulingWeights {
  /** The worth of a meeting per preference, before the match score. */
  preferenceWeights: Readonly<Record<MeetingPreference, number>>;
  /** Extra share for a meeting both sides want: 0.5 makes it worth 150%. */
  mutualBonus: number;
  /**
   * The lowest match score a meeting is valued at. A request with score 0 was still asked for by
   * a person, so it must be worth more than nothing and beat leaving a table empty.
   */
  scoreFloor: number;
}

/** Iteration budgets, not clocks, so that a run is reproducible on any machine. */
export interface SchedulingEffort {
  /** Most improvement rounds per pass over the meetings; 0 leaves the greedy schedule as it is. */
  searchRounds: number;
  /** Times a few meetings are taken out and the schedule repaired, keeping the result if not worse. */
  perturbations: number;
  /** Steps of the bound's price search; more steps give a tighter reported bound, never a wrong one. */
  boundIterations: number;
}

export type SchedulingConfig = SchedulingWeights & SchedulingEffort;

export const DEFAULT_SCHEDULING_CONFIG: SchedulingConfig = {
  preferenceWeights: { MUST_MEET: 3, MEET: 1 },
  mutualBonus: 0.5,
  scoreFloor: 0.1,
  searchRounds: 6,
  perturbations: 30,
  boundIterations: 450,
};

export interface ScheduleInput {
  participants: readonly SchedulingParticipant[];
  slots: readonly SchedulingSlot[];
  tableCount: number;
  requests: readonly SchedulingRequest[];
  locked?: readonly LockedMeeting[];
  /** "No thanks": pairs that must never sit at one table, in either direction. */
  blockedPairs?: readonly (readonly [string, string])[];
  /** Breaks ties between equally valuable choices; the same seed gives the same schedule. */
  seed: number;
  config?: Partial<SchedulingConfig>;
}

export interface ScheduledMeeting {
  /** Sorted, so a pair always reads the same way. */
  participantIds: [string, string];
  /** Every request between the two, in either direction; empty for a locked meeting nobody requested. */
  requestIds: string[];
  slot: number;
  table: number;
  value: number;
  locked: boolean;
}

/**
 * Why a request got no meeting. Duplicate requests between the same two participants are merged
 * into one meeting rather than rejected, so there is no duplicate reason.
 * - BLOCKED: one side said "no thanks".
 * - NO_COMMON_SLOT: the two are never available at the same time.
 * - PARTICIPANT_CAP: one side already has as many meetings as it accepts.
 * - NO_TABLE: both are free in some common slot, but every table is taken then.
 * - LOCKED_CONFLICT: in every common slot one side is in a locked meeting; unlocking one would make room.
 * - LOWER_VALUE_CONFLICT: in every common slot one side already meets someone else, and the schedule is worth more that way.
 */
export type UnplacedReason = 'BLOCKED' | 'NO_COMMON_SLOT' | 'PARTICIPANT_CAP' | 'NO_TABLE' | 'LOCKED_CONFLICT' | 'LOWER_VALUE_CONFLICT';

export interface UnplacedRequest {
  requestId: string;
  reason: UnplacedReason;
}

export interface ScheduleResult {
  /** Ordered by slot, then table. */
  assignments: ScheduledMeeting[];
  /** Ordered by request id. */
  unplaced: UnplacedRequest[];
  /** Distinct pairs that were requested (requests both ways count once). */
  meetingsRequested: number;
  /** Meetings in the schedule, locked ones included. */
  meetingsPlaced: number;
  /** Total value of the schedule. */
  objective: number;
  /** No schedule of this input can be worth more. objective / upperBound is the quality staff see. */
  upperBound: number;
  /** Hard-constraint violations the independent verifier found; anything but 0 is a bug. */
  conflicts: number;
}

export type ScheduleInputErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_SLOTS'
  | 'INVALID_TABLE_COUNT'
  | 'INVALID_PARTICIPANT'
  | 'INVALID_REQUEST'
  | 'INVALID_LOCKED_MEETING'
  | 'LOCKED_MEETING_CONFLICT';

/** The input contradicts itself; the service should report it to staff rather than schedule around it. */
export class ScheduleInputError extends Error {
  constructor(
    readonly code: ScheduleInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}
