import type { ScheduleInput } from './scheduler.types';

export type ScheduleViolationKind =
  | 'UNKNOWN_PARTICIPANT'
  | 'UNKNOWN_SLOT'
  | 'UNKNOWN_TABLE'
  | 'PARTICIPANT_DOUBLE_BOOKED'
  | 'TABLE_DOUBLE_BOOKED'
  | 'PARTICIPANT_UNAVAILABLE'
  | 'CAP_EXCEEDED'
  | 'PAIR_REPEATED'
  | 'BLOCKED_PAIR'
  | 'UNREQUESTED_PAIR'
  | 'LOCKED_MEETING_MOVED';

export interface ScheduleViolation {
  kind: ScheduleViolationKind;
  detail: string;
}

/** The part of a meeting the rules are about; any schedule, from any source, can be checked. */
export interface MeetingToVerify {
  participantIds: readonly [string, string];
  slot: number;
  table: number;
}

/**
 * Checks a schedule against the event's hard rules, straight from the raw input and sharing no
 * code with the scheduler, so a scheduler bug cannot hide itself. Returns every violation found;
 * an empty list means the schedule can be published.
 */
export function verifySchedule(input: ScheduleInput, meetings: readonly MeetingToVerify[]): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const report = (kind: ScheduleViolationKind, detail: string): void => {
    violations.push({ kind, detail });
  };
  const pairKey = (x: string, y: string): string => JSON.stringify(x < y ? [x, y] : [y, x]);
  const slotIndexes = new Set(input.slots.map((s) => s.index));
  const participants = new Map(input.participants.map((p) => [p.id, { cap: p.cap, available: new Set(p.availableSlots) }]));
  const blocked = new Set((input.blockedPairs ?? []).map(([x, y]) => pairKey(x, y)));
  const requestPair = new Map(input.requests.map((r) => [r.id, pairKey(r.from, r.to)]));
  const requested = new Set(requestPair.values());
  const lockedAt = new Map<string, string>();
  for (const m of input.locked ?? []) {
    const key = m.participantIds ? pairKey(m.participantIds[0], m.participantIds[1]) : requestPair.get(m.requestId ?? '');
    if (key !== undefined) lockedAt.set(key, `${m.slot}/${m.table}`);
  }

  const seatTaken = new Set<string>();
  const tableTaken = new Set<string>();
  const pairsSeen = new Set<string>();
  const meetingsOf = new Map<string, number>();
  for (const m of meetings) {
    const [x, y] = m.participantIds;
    const where = `slot ${m.slot}, table ${m.table}`;
    const key = pairKey(x, y);
    if (!slotIndexes.has(m.slot)) report('UNKNOWN_SLOT', where);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > input.tableCount) report('UNKNOWN_TABLE', where);
    const table = `${m.slot}/${m.table}`;
    if (tableTaken.has(table)) report('TABLE_DOUBLE_BOOKED', where);
    tableTaken.add(table);
    if (x === y) report('UNKNOWN_PARTICIPANT', `${x} meets themself at ${where}`);
    for (const id of new Set([x, y])) {
      const person = participants.get(id);
      if (!person) {
        report('UNKNOWN_PARTICIPANT', `${id} at ${where}`);
        continue;
      }
      if (!person.available.has(m.slot)) report('PARTICIPANT_UNAVAILABLE', `${id} at ${where}`);
      const seat = JSON.stringify([id, m.slot]);
      if (seatTaken.has(seat)) report('PARTICIPANT_DOUBLE_BOOKED', `${id} in slot ${m.slot}`);
      seatTaken.add(seat);
      const count = (meetingsOf.get(id) ?? 0) + 1;
      meetingsOf.set(id, count);
      if (count === person.cap + 1) report('CAP_EXCEEDED', `${id} has more than ${person.cap} meetings`);
    }
    if (pairsSeen.has(key)) report('PAIR_REPEATED', `${x} and ${y}`);
    pairsSeen.add(key);
    if (blocked.has(key)) report('BLOCKED_PAIR', `${x} and ${y} at ${where}`);
    if (!requested.has(key) && !lockedAt.has(key)) report('UNREQUESTED_PAIR', `${x} and ${y} at ${where}`);
    if (lockedAt.has(key) && lockedAt.get(key) !== table) report('LOCKED_MEETING_MOVED', `${x} and ${y} moved to ${where}`);
  }
  for (const [key, table] of lockedAt) {
    if (!pairsSeen.has(key)) report('LOCKED_MEETING_MOVED', `${key} dropped from ${table}`);
  }
  return violations;
}
