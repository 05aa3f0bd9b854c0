import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountability, type ClassCode, type CoopFacts, daysBetween, headline, STATUSES, CLASSES } from './figures';

const coop = (id: string, over: Partial<CoopFacts> = {}, classes: Array<[number, ClassCode]> = []): CoopFacts => ({
  id,
  groupCode: 'A',
  sector: 'AGRICULTURE',
  status: 'OPERATING',
  establishedOn: '2010-01-01',
  classes: new Map(classes),
  publishedProducts: 0,
  certifiedProducts: 0,
  ocopProducts: 0,
  fairsJoined: 0,
  linkages: 0,
  agreements: 0,
  agreementValue: 0,
  ...over,
});

describe('headline figures', () => {
  it('counts a suspended cooperative as weak-or-suspended whatever its class, and never twice', () => {
    const h = headline(
      [
        coop('1', {}, [[2019, 'GOOD']]),
        coop('2', { status: 'SUSPENDED' }, [[2019, 'WEAK']]),
        coop('3', {}, [[2019, 'WEAK']]),
        coop('4', { status: 'DISSOLVED' }, [[2019, 'FAIR']]),
      ],
      2019,
    );
    expect(h).toEqual({ cooperatives: 4, goodOrFair: 2, weakOrSuspended: 3, goodOrFairShare: 0.5, weakOrSuspendedShare: 0.75 });
  });

  it('leaves out cooperatives founded after the year and answers 0 for an empty area', () => {
    expect(headline([coop('1', { establishedOn: '2020-01-01' })], 2019).cooperatives).toBe(0);
    expect(headline([], 2019).goodOrFairShare).toBe(0);
  });

  it('keeps both shares between 0 and 1 and their counts within the total', () => {
    const arb = fc.record({
      status: fc.constantFrom(...STATUSES),
      k: fc.constantFrom(...CLASSES),
      y: fc.integer({ min: 2015, max: 2025 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (xs) => {
        const h = headline(
          xs.map((x, i) => coop(String(i), { status: x.status, establishedOn: `${x.y}-06-01` }, [[2020, x.k]])),
          2020,
        );
        expect(h.goodOrFair + h.weakOrSuspended).toBeLessThanOrEqual(h.cooperatives + xs.filter((x) => x.status !== 'OPERATING').length);
        expect(h.goodOrFairShare).toBeGreaterThanOrEqual(0);
        expect(h.weakOrSuspendedShare).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('accountability table', () => {
  it('ranks the worst area first, with last year for the trend and the areas without trade activity', () => {
    const rows = accountability(
      [
        coop('1', { groupCode: 'A', publishedProducts: 2 }, [
          [2024, 'WEAK'],
          [2023, 'WEAK'],
        ]),
        coop('2', { groupCode: 'A' }, [
          [2024, 'GOOD'],
          [2023, 'WEAK'],
        ]),
        coop('3', { groupCode: 'B' }, [[2024, 'WEAK']]),
      ],
      2024,
      ['A', 'B', 'C'],
    );
    expect(rows.map((r) => [r.groupCode, r.rank, r.weakOrSuspendedShare, r.previousWeakOrSuspendedShare, r.withoutTradeActivity])).toEqual([
      ['B', 1, 1, 0, 1],
      ['A', 2, 0.5, 1, 1],
      ['C', 3, 0, null, 0],
    ]);
  });
});

it('counts waiting days across a leap year', () => {
  expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
});
