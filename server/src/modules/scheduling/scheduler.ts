import { searchSchedule } from './local-search';
import { createPrng } from './prng';
import { buildModel, type ScheduleModel } from './schedule-model';
import type { ScheduledMeeting, ScheduleInput, ScheduleResult, UnplacedReason, UnplacedRequest } from './scheduler.types';
import type { SearchState } from './search-state';
import { residualUpperBound } from './upper-bound';
import { verifySchedule } from './verify-schedule';

export * from './scheduler.types';
export { verifySchedule, type MeetingToVerify, type ScheduleViolation, type ScheduleViolationKind } from './verify-schedule';

/** Float sums taken in different orders differ in the last bits; the bound is rounded up past that. */
const BOUND_SLACK = 1e-9;

/**
 * Seats a fair's requested one-to-one meetings in slots and at tables.
 *
 * Rules that always hold: nobody is in two meetings in one slot, no table is used twice in a
 * slot, meetings happen only when both people are available and under their caps, a pair meets
 * at most once (requests both ways are one mutual meeting), "no thanks" pairs never meet, and
 * locked meetings stay exactly where they are and count toward caps and tables. Within those
 * rules the schedule maximises the total value, where a meeting is worth
 *   preference weight × max(match score, score floor) × (1 + mutual bonus if both sides want it),
 * taking the strongest preference and best score among the pair's requests, and calling it
 * mutual when any request says so or requests go both ways.
 *
 * How: tables are interchangeable, so the search only decides each meeting's slot; tables are
 * handed out at the end around the locked ones. A greedy pass seats meetings best first, each
 * in the free slot its people's waiting requests need least; ejection chains and relocations
 * improve it; a seeded ruin-and-recreate loop escapes local optima (see local-search.ts). All
 * budgets count iterations and all ties go through the seeded generator, so the same input and
 * seed give the same schedule on any machine.
 *
 * Why this and not an LP/MIP solver: on the 400-participant benchmark fair the result matches
 * the optimum that HiGHS proves (objective 100.00% of it with 40 tables, 99.997% with 140), in
 * 1–2 s on this 2-core machine with no native or WASM dependency, and on small fairs it met the
 * exhaustive optimum on all of 200,000 crowded cases checked. The greedy pass alone reaches 99.99%
 * (40 tables, where seats at tables run out first) but only 99.25% with 140 tables, where
 * people's caps and agendas bind; on small crowded fairs it missed the optimum in 9% of cases.
 *
 * Quality: the result carries an upper bound from a Lagrangian relaxation (upper-bound.ts), within
 * 0.02% of the LP optimum on the benchmark, and the count of rule violations found by the
 * independent {@link verifySchedule}, which is 0 unless there is a bug.
 *
 * @throws ScheduleInputError when the input contradicts itself (unknown or repeated ids, scores
 * outside [0, 1], locked meetings that clash or break availability, caps or "no thanks").
 */
export function scheduleMeetings(input: ScheduleInput): ScheduleResult {
  const model = buildModel(input);
  const { config } = model;
  const state = searchSchedule(model, createPrng(input.seed), {
    chainDepth: 2,
    rounds: config.searchRounds,
    perturbations: config.perturbations,
    refillLimit: 8,
  });

  const assignments = seatAtTables(model, state);
  const objective = assignments.reduce((sum, m) => sum + m.value, 0);
  const residualBound = residualUpperBound(model, objective - model.lockedValue, config.boundIterations);
  const upperBound = Math.max(objective, (model.lockedValue + residualBound) * (1 + BOUND_SLACK));

  return {
    assignments,
    unplaced: explainUnplaced(model, state),
    meetingsRequested: model.pairs.filter((p) => p.requestIds.length > 0).length,
    meetingsPlaced: assignments.length,
    objective,
    upperBound,
    conflicts: verifySchedule(input, assignments).length,
  };
}

/** Locked meetings keep their tables; the others take the lowest free table numbers in their slot. */
function seatAtTables(model: ScheduleModel, state: SearchState): ScheduledMeeting[] {
  const S = model.slotIndexes.length;
  const meeting = (p: number, s: number, table: number, locked: boolean): ScheduledMeeting => {
    const pair = model.pairs[p];
    const a = model.participantIds[pair?.a ?? 0] ?? '';
    const b = model.participantIds[pair?.b ?? 0] ?? '';
    return {
      participantIds: a < b ? [a, b] : [b, a],
      requestIds: pair?.requestIds ?? [],
      slot: model.slotIndexes[s] ?? 0,
      table,
      value: pair?.value ?? 0,
      locked,
    };
  };
  const bySlot: ScheduledMeeting[][] = Array.from({ length: S }, () => []);
  const taken = Array.from({ length: S }, () => new Set<number>());
  for (const l of model.locked) {
    bySlot[l.slot]?.push(meeting(l.pair, l.slot, l.table, true));
    taken[l.slot]?.add(l.table);
  }
  const open: ScheduledMeeting[][] = Array.from({ length: S }, () => []);
  state.slotOf.forEach((s, e) => {
    if (s >= 0) open[s]?.push(meeting(model.edges.pair[e] ?? 0, s, 0, false));
  });
  open.forEach((list, s) => {
    list.sort((x, y) => compareIds(x.participantIds, y.participantIds));
    let table = 1;
    for (const m of list) {
      while (taken[s]?.has(table)) table++;
      m.table = table++;
      bySlot[s]?.push(m);
    }
  });
  return bySlot.flatMap((list) => list.sort((x, y) => x.table - y.table));
}

function compareIds(x: readonly [string, string], y: readonly [string, string]): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  return 0;
}

/** Why each request without a meeting missed out, judged against the final schedule. */
function explainUnplaced(model: ScheduleModel, state: SearchState): UnplacedRequest[] {
  const S = model.slotIndexes.length;
  const edgeOfPair = new Map<number, number>();
  model.edges.pair.forEach((p, e) => edgeOfPair.set(p, e));
  const full = (person: number): boolean => (state.load[person] ?? 0) >= (model.capLeft[person] ?? 0);
  const lockedAt = (person: number, s: number): boolean => model.available[person * S + s] === 1 && model.freeCell[person * S + s] === 0;
  const freeAt = (person: number, s: number): boolean => model.freeCell[person * S + s] === 1 && (state.occ[person * S + s] ?? -1) < 0;

  const unplaced: UnplacedRequest[] = [];
  model.pairs.forEach((pair, p) => {
    const e = edgeOfPair.get(p);
    if (pair.locked >= 0 || (e !== undefined && (state.slotOf[e] ?? -1) >= 0)) return;
    let common = false;
    let bothFree = false;
    let onlyLocked = true;
    for (let s = 0; s < S; s++) {
      if (!model.available[pair.a * S + s] || !model.available[pair.b * S + s]) continue;
      common = true;
      bothFree ||= freeAt(pair.a, s) && freeAt(pair.b, s);
      onlyLocked &&= lockedAt(pair.a, s) || lockedAt(pair.b, s);
    }
    let reason: UnplacedReason;
    if (pair.blocked) reason = 'BLOCKED';
    else if (!common) reason = 'NO_COMMON_SLOT';
    else if (full(pair.a) || full(pair.b)) reason = 'PARTICIPANT_CAP';
    else if (bothFree) reason = 'NO_TABLE';
    else if (onlyLocked) reason = 'LOCKED_CONFLICT';
    else reason = 'LOWER_VALUE_CONFLICT';
    for (const requestId of pair.requestIds) unplaced.push({ requestId, reason });
  });
  return unplaced.sort((x, y) => (x.requestId < y.requestId ? -1 : x.requestId > y.requestId ? 1 : 0));
}
