import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleMeetings, verifySchedule, type ScheduleInput, type ScheduleResult } from './scheduler';
import { CROWDED_SMALL_FAIR, exactOptimum, fairArbitrary, MEDIUM_FAIR, SMALL_FAIR } from './scheduling.test-support';

const pairOf = (ids: readonly [string, string]): string => [...ids].sort().join('+');

/** Checks that do not need the optimum: rules, locked meetings, bookkeeping. */
function expectSound(input: ScheduleInput, result: ScheduleResult): void {
  expect(verifySchedule(input, result.assignments)).toEqual([]);
  expect(result.conflicts).toBe(0);
  for (const l of input.locked ?? []) {
    const kept = result.assignments.find((m) =>
      l.requestId ? m.requestIds.includes(l.requestId) : pairOf(m.participantIds) === pairOf(l.participantIds ?? ['', '']),
    );
    expect(kept).toMatchObject({ slot: l.slot, table: l.table, locked: true });
  }
  const placedRequests = result.assignments.flatMap((m) => m.requestIds);
  const unplacedRequests = result.unplaced.map((u) => u.requestId);
  expect([...placedRequests, ...unplacedRequests].sort()).toEqual(input.requests.map((r) => r.id).sort());
  expect(result.meetingsPlaced).toBe(result.assignments.length);
  expect(result.objective).toBeCloseTo(
    result.assignments.reduce((sum, m) => sum + m.value, 0),
    9,
  );
  expect(result.upperBound).toBeGreaterThanOrEqual(result.objective);
}

describe('scheduleMeetings on random fairs', () => {
  it('never breaks a hard rule, keeps locked meetings and accounts for every request', () => {
    fc.assert(
      fc.property(fairArbitrary(MEDIUM_FAIR), (input) => {
        expectSound(input, scheduleMeetings(input));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same schedule for the same input and seed', () => {
    fc.assert(
      fc.property(fairArbitrary(MEDIUM_FAIR), (input) => {
        const first = scheduleMeetings(input);
        const again = scheduleMeetings(structuredClone(input));
        expect(again).toEqual(first);
      }),
      { numRuns: 40 },
    );
  });

  it('stays sound whatever order the requests arrive in', () => {
    fc.assert(
      fc.property(fairArbitrary(MEDIUM_FAIR), (input) => {
        const reversed = { ...input, requests: [...input.requests].reverse() };
        expectSound(reversed, scheduleMeetings(reversed));
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['small fairs', SMALL_FAIR, 400],
    ['crowded small fairs', CROWDED_SMALL_FAIR, 250],
  ] as const)('reaches at least 95 percent of the true optimum and bounds it from above on %s', (_, limits, numRuns) => {
    fc.assert(
      fc.property(fairArbitrary(limits), (input) => {
        const result = scheduleMeetings(input);
        expectSound(input, result);
        const optimum = exactOptimum(input);
        expect(result.objective).toBeLessThanOrEqual(optimum + 1e-9);
        expect(result.objective).toBeGreaterThanOrEqual(0.95 * optimum - 1e-9);
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum - 1e-9);
      }),
      { numRuns },
    );
  });

  it('keeps a valid bound and a conflict-free schedule when tables, not people, are scarce', () => {
    const scarce = fairArbitrary({ ...SMALL_FAIR, maxTables: 1, maxRequests: 14 });
    fc.assert(
      fc.property(scarce, (input) => {
        const result = scheduleMeetings(input);
        expectSound(input, result);
        expect(result.upperBound).toBeGreaterThanOrEqual(exactOptimum(input) - 1e-9);
      }),
      { numRuns: 150 },
    );
  });
});
