import {
  DEFAULT_SCHEDULING_CONFIG,
  ScheduleInputError,
  type MeetingPreference,
  type ScheduleInput,
  type SchedulingConfig,
} from './scheduler.types';

/** Everything asked between two participants, merged into the one meeting they can have. */
export interface Pair {
  a: number;
  b: number;
  requestIds: string[];
  blocked: boolean;
  /** Index into {@link ScheduleModel.locked}, or -1. */
  locked: number;
  value: number;
}

export interface LockedPlacement {
  pair: number;
  slot: number;
  table: number;
}

/**
 * The input in index form, with the locked meetings already taken out of the free time, tables
 * and caps. The search only ever sees this residual problem, so it cannot disturb a locked meeting.
 */
export interface ScheduleModel {
  config: SchedulingConfig;
  participantIds: string[];
  slotIndexes: number[];
  tableCount: number;
  pairs: Pair[];
  locked: LockedPlacement[];
  lockedValue: number;
  /** Meetings each participant may still take. */
  capLeft: Int32Array;
  /** participant × slot: the participant said they can come. */
  available: Uint8Array;
  /** participant × slot: available and not in a locked meeting. */
  freeCell: Uint8Array;
  tablesLeft: Int32Array;
  /** The meetings the search may place: unblocked, unlocked pairs with a common free slot. */
  edges: Edges;
}

export interface Edges {
  count: number;
  pair: Int32Array;
  u: Int32Array;
  w: Int32Array;
  value: Float64Array;
  /** Common free slots of candidate meeting e are slots[slotStart[e] .. slotStart[e + 1]). */
  slotStart: Int32Array;
  slots: Int32Array;
}

const PREFERENCES: readonly MeetingPreference[] = ['MUST_MEET', 'MEET'];

function fail(code: ConstructorParameters<typeof ScheduleInputError>[0], message: string): never {
  throw new ScheduleInputError(code, message);
}

function resolveConfig(partial: Partial<SchedulingConfig> | undefined): SchedulingConfig {
  const config: SchedulingConfig = {
    ...DEFAULT_SCHEDULING_CONFIG,
    ...partial,
    preferenceWeights: { ...DEFAULT_SCHEDULING_CONFIG.preferenceWeights, ...partial?.preferenceWeights },
  };
  const weights = PREFERENCES.map((p) => config.preferenceWeights[p]);
  const nonNegative = [...weights, config.mutualBonus];
  if (nonNegative.some((x) => !Number.isFinite(x) || x < 0)) fail('INVALID_CONFIG', 'weights must be finite and non-negative');
  if (!(config.scoreFloor >= 0 && config.scoreFloor <= 1)) fail('INVALID_CONFIG', 'scoreFloor must be in [0, 1]');
  for (const key of ['searchRounds', 'perturbations', 'boundIterations'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 0) fail('INVALID_CONFIG', `${key} must be a non-negative integer`);
  }
  return config;
}

export function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

export function buildModel(input: ScheduleInput): ScheduleModel {
  const config = resolveConfig(input.config);
  const S = input.slots.length;
  const first = input.slots[0]?.index ?? 0;
  input.slots.forEach((slot, i) => {
    if (slot.index !== first + i || !Number.isInteger(slot.index)) fail('INVALID_SLOTS', 'slot indices must be consecutive and ascending');
  });
  const slotPos = (index: number): number => (Number.isInteger(index) && index >= first && index < first + S ? index - first : -1);
  const T = input.tableCount;
  if (!Number.isInteger(T) || T < 0) fail('INVALID_TABLE_COUNT', 'tableCount must be a non-negative integer');

  const n = input.participants.length;
  const indexOf = new Map<string, number>();
  const capLeft = new Int32Array(n);
  const freeCell = new Uint8Array(n * S);
  input.participants.forEach((p, i) => {
    if (indexOf.has(p.id)) fail('INVALID_PARTICIPANT', `participant ${p.id} appears twice`);
    if (!Number.isInteger(p.cap) || p.cap < 0) fail('INVALID_PARTICIPANT', `participant ${p.id} has an invalid cap`);
    indexOf.set(p.id, i);
    capLeft[i] = p.cap;
    for (const index of p.availableSlots) {
      const s = slotPos(index);
      if (s < 0) fail('INVALID_PARTICIPANT', `participant ${p.id} is available in unknown slot ${index}`);
      freeCell[i * S + s] = 1;
    }
  });

  // "No thanks" from someone no longer taking part cannot matter, so unknown ids are ignored.
  const blockedKeys = new Set<number>();
  for (const [x, y] of input.blockedPairs ?? []) {
    const a = indexOf.get(x);
    const b = indexOf.get(y);
    if (a !== undefined && b !== undefined && a !== b) blockedKeys.add(pairKey(a, b, n));
  }

  const pairs: Pair[] = [];
  const pairOf = new Map<number, number>();
  const pairFor = (a: number, b: number): number => {
    const key = pairKey(a, b, n);
    let index = pairOf.get(key);
    if (index === undefined) {
      index = pairs.length;
      pairOf.set(key, index);
      pairs.push({ a: Math.min(a, b), b: Math.max(a, b), requestIds: [], blocked: blockedKeys.has(key), locked: -1, value: 0 });
    }
    return index;
  };

  // A pair's worth comes from its strongest request; requests in both directions make it mutual.
  const strongest = new Map<number, { mustMeet: boolean; score: number; mutual: boolean; from: number }>();
  const pairOfRequest = new Map<string, number>();
  for (const r of input.requests) {
    if (pairOfRequest.has(r.id)) fail('INVALID_REQUEST', `request ${r.id} appears twice`);
    const from = indexOf.get(r.from);
    const to = indexOf.get(r.to);
    if (from === undefined || to === undefined || from === to)
      fail('INVALID_REQUEST', `request ${r.id} must join two distinct participants`);
    if (!(r.matchScore >= 0 && r.matchScore <= 1)) fail('INVALID_REQUEST', `request ${r.id} has a match score outside [0, 1]`);
    if (!PREFERENCES.includes(r.preference)) fail('INVALID_REQUEST', `request ${r.id} has an unknown preference`);
    const p = pairFor(from, to);
    pairOfRequest.set(r.id, p);
    pairs[p]?.requestIds.push(r.id);
    const seen = strongest.get(p);
    if (!seen) {
      strongest.set(p, { mustMeet: r.preference === 'MUST_MEET', score: r.matchScore, mutual: r.mutual, from });
    } else {
      seen.mustMeet ||= r.preference === 'MUST_MEET';
      seen.score = Math.max(seen.score, r.matchScore);
      seen.mutual ||= r.mutual || seen.from !== from;
    }
  }
  for (const [p, s] of strongest) {
    const pair = pairs[p];
    if (!pair) continue;
    const weight = config.preferenceWeights[s.mustMeet ? 'MUST_MEET' : 'MEET'];
    pair.value = weight * Math.max(s.score, config.scoreFloor) * (s.mutual ? 1 + config.mutualBonus : 1);
    pair.requestIds.sort();
  }

  const locked: LockedPlacement[] = [];
  const tablesLeft = new Int32Array(S).fill(T);
  const tableTaken = new Set<number>();
  const available = Uint8Array.from(freeCell);
  let lockedValue = 0;
  for (const m of input.locked ?? []) {
    const describe = `locked meeting at slot ${m.slot}, table ${m.table}`;
    let p = m.requestId === undefined ? undefined : pairOfRequest.get(m.requestId);
    if (m.requestId !== undefined && p === undefined) fail('INVALID_LOCKED_MEETING', `${describe} names unknown request ${m.requestId}`);
    if (m.participantIds) {
      const a = indexOf.get(m.participantIds[0]);
      const b = indexOf.get(m.participantIds[1]);
      if (a === undefined || b === undefined || a === b) fail('INVALID_LOCKED_MEETING', `${describe} must join two distinct participants`);
      const q = pairFor(a, b);
      if (p !== undefined && p !== q) fail('INVALID_LOCKED_MEETING', `${describe} names a request of another pair`);
      p = q;
    }
    const pair = p === undefined ? undefined : pairs[p];
    if (p === undefined || !pair) fail('INVALID_LOCKED_MEETING', `${describe} names neither a request nor a pair`);
    const s = slotPos(m.slot);
    if (s < 0) fail('INVALID_LOCKED_MEETING', `${describe} is in an unknown slot`);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > T) fail('INVALID_LOCKED_MEETING', `${describe} is at an unknown table`);
    if (pair.blocked) fail('LOCKED_MEETING_CONFLICT', `${describe} joins a pair that said no thanks`);
    if (pair.locked >= 0) fail('LOCKED_MEETING_CONFLICT', `${describe} repeats a locked pair`);
    if (tableTaken.has(s * (T + 1) + m.table)) fail('LOCKED_MEETING_CONFLICT', `${describe} shares its table`);
    for (const person of [pair.a, pair.b]) {
      if (!freeCell[person * S + s])
        fail(
          'LOCKED_MEETING_CONFLICT',
          `${describe} needs participant ${input.participants[person]?.id} at a time they are unavailable or busy`,
        );
      if ((capLeft[person] ?? 0) <= 0)
        fail('LOCKED_MEETING_CONFLICT', `${describe} exceeds the cap of participant ${input.participants[person]?.id}`);
      freeCell[person * S + s] = 0;
      capLeft[person] = (capLeft[person] ?? 0) - 1;
    }
    tableTaken.add(s * (T + 1) + m.table);
    tablesLeft[s] = (tablesLeft[s] ?? 0) - 1;
    pair.locked = locked.length;
    locked.push({ pair: p, slot: s, table: m.table });
    lockedValue += pair.value;
  }

  return {
    config,
    participantIds: input.participants.map((p) => p.id),
    slotIndexes: input.slots.map((s) => s.index),
    tableCount: T,
    pairs,
    locked,
    lockedValue,
    capLeft,
    available,
    freeCell,
    tablesLeft,
    edges: buildEdges(pairs, capLeft, freeCell, tablesLeft, S),
  };
}

function buildEdges(pairs: Pair[], capLeft: Int32Array, freeCell: Uint8Array, tablesLeft: Int32Array, S: number): Edges {
  const chosen: number[] = [];
  const slotLists: number[][] = [];
  pairs.forEach((pair, p) => {
    if (pair.blocked || pair.locked >= 0 || pair.requestIds.length === 0) return;
    if ((capLeft[pair.a] ?? 0) <= 0 || (capLeft[pair.b] ?? 0) <= 0) return;
    const common: number[] = [];
    for (let s = 0; s < S; s++) {
      if (freeCell[pair.a * S + s] && freeCell[pair.b * S + s] && (tablesLeft[s] ?? 0) > 0) common.push(s);
    }
    if (common.length === 0) return;
    chosen.push(p);
    slotLists.push(common);
  });
  const count = chosen.length;
  const edges: Edges = {
    count,
    pair: Int32Array.from(chosen),
    u: new Int32Array(count),
    w: new Int32Array(count),
    value: new Float64Array(count),
    slotStart: new Int32Array(count + 1),
    slots: new Int32Array(slotLists.reduce((sum, l) => sum + l.length, 0)),
  };
  let offset = 0;
  chosen.forEach((p, e) => {
    const pair = pairs[p];
    const list = slotLists[e] ?? [];
    if (!pair) return;
    edges.u[e] = pair.a;
    edges.w[e] = pair.b;
    edges.value[e] = pair.value;
    edges.slotStart[e] = offset;
    edges.slots.set(list, offset);
    offset += list.length;
  });
  edges.slotStart[count] = offset;
  return edges;
}
