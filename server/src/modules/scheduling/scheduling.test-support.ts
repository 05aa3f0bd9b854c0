/**
 * Shared by the scheduling specs: random small fairs, and the true optimum of one by exhaustive
 * search, written apart from the scheduler so that it can judge it.
 */
import fc from 'fast-check';
import {
  DEFAULT_SCHEDULING_CONFIG,
  type LockedMeeting,
  type MeetingPreference,
  type ScheduleInput,
  type SchedulingRequest,
} from './scheduler.types';

export interface FairLimits {
  minParticipants?: number;
  maxParticipants: number;
  minSlots?: number;
  maxSlots: number;
  maxTables: number;
  minRequests?: number;
  maxRequests: number;
  maxLocked: number;
}

export const SMALL_FAIR: FairLimits = { maxParticipants: 12, maxSlots: 4, maxTables: 3, maxRequests: 16, maxLocked: 3 };
/** Few people with many requests each: caps and clashes make the choice hard. */
export const CROWDED_SMALL_FAIR: FairLimits = {
  minParticipants: 6,
  maxParticipants: 10,
  minSlots: 2,
  maxSlots: 4,
  maxTables: 3,
  minRequests: 18,
  maxRequests: 32,
  maxLocked: 3,
};
export const MEDIUM_FAIR: FairLimits = { maxParticipants: 40, maxSlots: 8, maxTables: 8, maxRequests: 120, maxLocked: 8 };

const id = (i: number): string => `p${String(i).padStart(2, '0')}`;

/**
 * A random fair. Locked meetings and "no thanks" pairs are drawn from the requests and then
 * thinned to a consistent set, the way a real re-run only ever locks meetings that fit.
 */
export function fairArbitrary(limits: FairLimits): fc.Arbitrary<ScheduleInput> {
  return fc
    .record({
      n: fc.integer({ min: limits.minParticipants ?? 2, max: limits.maxParticipants }),
      S: fc.integer({ min: limits.minSlots ?? 1, max: limits.maxSlots }),
      tables: fc.integer({ min: 1, max: limits.maxTables }),
      firstSlot: fc.integer({ min: 0, max: 3 }),
      seed: fc.integer(),
    })
    .chain(({ n, S, tables, firstSlot, seed }) =>
      fc
        .record({
          people: fc.array(
            fc.record({ cap: fc.integer({ min: 0, max: 5 }), free: fc.array(fc.boolean(), { minLength: S, maxLength: S }) }),
            {
              minLength: n,
              maxLength: n,
            },
          ),
          requests: fc.array(
            fc.record({
              from: fc.integer({ min: 0, max: n - 1 }),
              to: fc.integer({ min: 0, max: n - 1 }),
              mustMeet: fc.boolean(),
              score: fc.integer({ min: 0, max: 100 }),
              mutual: fc.boolean(),
            }),
            // Without size 'max', fast-check keeps arrays to about ten items.
            { minLength: limits.minRequests ?? 0, maxLength: limits.maxRequests, size: 'max' },
          ),
          locks: fc.array(fc.record({ request: fc.nat(), slot: fc.nat(S - 1), table: fc.integer({ min: 1, max: tables }) }), {
            maxLength: limits.maxLocked,
            size: 'max',
          }),
          blocks: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 4 }),
        })
        .map(({ people, requests, locks, blocks }): ScheduleInput => {
          const slots = Array.from({ length: S }, (_, s) => ({ index: firstSlot + s, session: s < S / 2 ? 'morning' : 'afternoon' }));
          const participants = people.map((p, i) => ({
            id: id(i),
            cap: p.cap,
            availableSlots: slots.filter((_, s) => p.free[s]).map((s) => s.index),
          }));
          const reqs: SchedulingRequest[] = requests
            .filter((r) => r.from !== r.to)
            .map((r, k) => ({
              id: `r${String(k).padStart(2, '0')}`,
              from: id(r.from),
              to: id(r.to),
              preference: (r.mustMeet ? 'MUST_MEET' : 'MEET') as MeetingPreference,
              matchScore: r.score / 100,
              mutual: r.mutual,
            }));
          const blockedPairs = blocks.filter(([x, y]) => x !== y).map(([x, y]): [string, string] => [id(x), id(y)]);
          const locked = consistentLocks(participants, reqs, blockedPairs, locks, slots, firstSlot);
          return { participants, slots, tableCount: tables, requests: reqs, locked, blockedPairs, seed };
        }),
    );
}

function consistentLocks(
  participants: ScheduleInput['participants'],
  requests: SchedulingRequest[],
  blockedPairs: [string, string][],
  wanted: { request: number; slot: number; table: number }[],
  slots: ScheduleInput['slots'],
  firstSlot: number,
): LockedMeeting[] {
  const pair = (x: string, y: string): string => (x < y ? `${x}+${y}` : `${y}+${x}`);
  const blocked = new Set(blockedPairs.map(([x, y]) => pair(x, y)));
  const busy = new Set<string>();
  const used = new Map<string, number>();
  const pairs = new Set<string>();
  const locked: LockedMeeting[] = [];
  for (const w of wanted) {
    const r = requests[w.request % Math.max(1, requests.length)];
    if (!r || w.slot >= slots.length) continue;
    const slot = firstSlot + w.slot;
    const key = pair(r.from, r.to);
    const fits = [r.from, r.to].every((who) => {
      const p = participants.find((x) => x.id === who);
      return p && p.availableSlots.includes(slot) && !busy.has(`${who}@${slot}`) && (used.get(who) ?? 0) < p.cap;
    });
    if (!fits || blocked.has(key) || pairs.has(key) || busy.has(`table${w.table}@${slot}`)) continue;
    for (const who of [r.from, r.to]) {
      busy.add(`${who}@${slot}`);
      used.set(who, (used.get(who) ?? 0) + 1);
    }
    busy.add(`table${w.table}@${slot}`);
    pairs.add(key);
    locked.push({ requestId: r.id, slot, table: w.table });
  }
  return locked;
}

/**
 * The best total value any schedule of `input` can reach, by branch and bound over the pairs
 * (best first, pruned when even seating every remaining pair could not beat the best found).
 * Follows the documented value rule with the default weights.
 */
export function exactOptimum(input: ScheduleInput): number {
  const { preferenceWeights, mutualBonus, scoreFloor } = DEFAULT_SCHEDULING_CONFIG;
  const key = (x: string, y: string): string => (x < y ? `${x}+${y}` : `${y}+${x}`);
  const requestPair = new Map(input.requests.map((r) => [r.id, key(r.from, r.to)]));
  const blocked = new Set((input.blockedPairs ?? []).map(([x, y]) => key(x, y)));
  const merged = new Map<string, { people: [string, string]; mustMeet: boolean; score: number; mutual: boolean; froms: Set<string> }>();
  for (const r of input.requests) {
    const k = key(r.from, r.to);
    const m = merged.get(k) ?? { people: [r.from, r.to], mustMeet: false, score: 0, mutual: false, froms: new Set<string>() };
    m.mustMeet ||= r.preference === 'MUST_MEET';
    m.score = Math.max(m.score, r.matchScore);
    m.mutual ||= r.mutual;
    m.froms.add(r.from);
    merged.set(k, m);
  }
  const valueOf = (k: string): number => {
    const m = merged.get(k);
    if (!m) return 0;
    const mutual = m.mutual || m.froms.size > 1;
    return preferenceWeights[m.mustMeet ? 'MUST_MEET' : 'MEET'] * Math.max(m.score, scoreFloor) * (mutual ? 1 + mutualBonus : 1);
  };

  const cap = new Map(input.participants.map((p) => [p.id, p.cap]));
  const available = new Map(input.participants.map((p) => [p.id, new Set(p.availableSlots)]));
  const busy = new Set<string>();
  const tablesUsed = new Map<number, number>();
  let base = 0;
  const lockedPairs = new Set<string>();
  for (const l of input.locked ?? []) {
    const k = l.participantIds ? key(l.participantIds[0], l.participantIds[1]) : (requestPair.get(l.requestId ?? '') ?? '');
    const people = l.participantIds ?? merged.get(k)?.people ?? ['', ''];
    for (const who of people) {
      busy.add(`${who}@${l.slot}`);
      cap.set(who, (cap.get(who) ?? 0) - 1);
    }
    tablesUsed.set(l.slot, (tablesUsed.get(l.slot) ?? 0) + 1);
    lockedPairs.add(k);
    base += valueOf(k);
  }
  const open = [...merged.keys()]
    .filter((k) => !blocked.has(k) && !lockedPairs.has(k))
    .map((k) => ({ k, v: valueOf(k), people: merged.get(k)?.people ?? ['', ''] }))
    .sort((x, y) => y.v - x.v);
  const prefix = [0];
  for (const p of open) prefix.push((prefix[prefix.length - 1] ?? 0) + p.v);
  const slotIndexes = input.slots.map((s) => s.index);
  // No more meetings than free tables can still be added, and the best of them come next.
  let seatsLeft = slotIndexes.reduce((sum, s) => sum + Math.max(0, input.tableCount - (tablesUsed.get(s) ?? 0)), 0);
  const rest = (i: number): number => (prefix[Math.min(open.length, i + seatsLeft)] ?? 0) - (prefix[i] ?? 0);

  let best = 0;
  const search = (i: number, total: number): void => {
    if (total > best) best = total;
    if (i >= open.length || total + rest(i) <= best + 1e-12) return;
    const { v, people } = open[i] ?? { v: 0, people: ['', ''] };
    const [x, y] = people;
    if ((cap.get(x) ?? 0) > 0 && (cap.get(y) ?? 0) > 0) {
      for (const s of slotIndexes) {
        const free = (who: string): boolean => !!available.get(who)?.has(s) && !busy.has(`${who}@${s}`);
        if (!free(x) || !free(y) || (tablesUsed.get(s) ?? 0) >= input.tableCount) continue;
        busy.add(`${x}@${s}`).add(`${y}@${s}`);
        cap.set(x, (cap.get(x) ?? 0) - 1).set(y, (cap.get(y) ?? 0) - 1);
        tablesUsed.set(s, (tablesUsed.get(s) ?? 0) + 1);
        seatsLeft--;
        search(i + 1, total + v);
        seatsLeft++;
        busy.delete(`${x}@${s}`);
        busy.delete(`${y}@${s}`);
        cap.set(x, (cap.get(x) ?? 0) + 1).set(y, (cap.get(y) ?? 0) + 1);
        tablesUsed.set(s, (tablesUsed.get(s) ?? 0) - 1);
      }
    }
    search(i + 1, total);
  };
  search(0, 0);
  return base + best;
}
