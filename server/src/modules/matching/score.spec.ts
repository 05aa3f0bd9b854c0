import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCH_WEIGHTS, categoryCeiling, categoryShare, scoreMatch, scorerFor, type CandidateLike, type NeedLike } from './score';

const SCHEMES = ['VIETGAP', 'GLOBALGAP', 'ORGANIC', 'HACCP', 'OCOP'];
const CATEGORIES = ['fruit', 'fruit.coconut', 'fruit.coconut.wax', 'fruit.pomelo', 'aquatic.shrimp', 'aquatic', 'craft.mat'];
const AREAS = [
  ['84001', '842', '84'],
  ['84002', '842', '84'],
  ['84501', '845', '84'],
  ['86001', '860', '86'],
];
const months = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 12 });
const money = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null });
const ratingClass = fc.constantFrom('GOOD' as const, 'FAIR' as const, 'AVERAGE' as const, 'WEAK' as const, 'UNRATED' as const);

const needArb: fc.Arbitrary<NeedLike> = fc.record({
  categoryCode: fc.constantFrom(...CATEGORIES),
  quantity: fc.double({ min: 0, max: 1e6, noNaN: true }),
  frequency: fc.constantFrom('ONE_OFF' as const, 'MONTHLY' as const, 'SEASONAL' as const),
  deliveryMonths: months,
  // A need may name a commune, a district or a whole province.
  deliveryAreaPath: fc.oneof(fc.constant([] as string[]), fc.constantFrom(...AREAS, ['842', '84'], ['845', '84'], ['84'], ['86'])),
  priceMin: money,
  priceMax: money,
  negotiable: fc.boolean(),
  requiredCertifications: fc.uniqueArray(fc.constantFrom(...SCHEMES), { maxLength: 2 }),
  minOcopStars: fc.option(fc.integer({ min: 3, max: 5 }), { nil: null }),
});

const candidateArb: fc.Arbitrary<CandidateLike> = fc.record({
  categoryCode: fc.constantFrom(...CATEGORIES),
  capacityPerMonth: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
  availableMonths: months,
  areaPath: fc.constantFrom(...AREAS),
  certifications: fc.uniqueArray(fc.constantFrom(...SCHEMES), { maxLength: 5 }),
  ocopStars: fc.option(fc.integer({ min: 3, max: 5 }), { nil: null }),
  priceMin: money,
  priceMax: money,
  ratingClass,
  verified: fc.boolean(),
  ageDays: fc.integer({ min: 0, max: 3000 }),
});

const NEED_BASE: NeedLike = {
  categoryCode: 'fruit',
  quantity: 10,
  frequency: 'MONTHLY',
  deliveryMonths: [],
  deliveryAreaPath: [],
  priceMin: null,
  priceMax: null,
  negotiable: true,
  requiredCertifications: [],
  minOcopStars: null,
};

const CANDIDATE_BASE: CandidateLike = {
  categoryCode: 'fruit',
  capacityPerMonth: 10,
  availableMonths: [],
  areaPath: ['84001', '842', '84'],
  certifications: [],
  ocopStars: null,
  priceMin: null,
  priceMax: null,
  ratingClass: 'GOOD',
  verified: true,
  ageDays: 0,
};

describe('scoreMatch', () => {
  it('names the area a need and a cooperative share by its level, whatever level the delivery area is', () => {
    const area = (deliveryAreaPath: string[], areaPath: string[]) => {
      const f = scoreMatch({ ...NEED_BASE, deliveryAreaPath }, { ...CANDIDATE_BASE, areaPath })!.factors.find((x) => x.code === 'AREA')!;
      return [f.note, f.value];
    };
    const inCauKe = ['84501', '845', '84'];
    const inCangLong = ['84401', '844', '84'];
    // Delivered to the commune, the district or the province the cooperative is in.
    expect(area(['84501', '845', '84'], inCauKe)).toEqual(['INSIDE', 10]);
    expect(area(['845', '84'], inCauKe)).toEqual(['INSIDE', 10]);
    expect(area(['84'], inCauKe)).toEqual(['INSIDE', 10]);
    // Another commune of the same district.
    expect(area(['84502', '845', '84'], inCauKe)).toEqual(['SAME_DISTRICT', 7]);
    // Delivered to Cầu Kè district, the cooperative in Càng Long shares only the province.
    expect(area(['845', '84'], inCangLong)).toEqual(['SAME_PROVINCE', 4]);
    expect(area(['84502', '845', '84'], inCangLong)).toEqual(['SAME_PROVINCE', 4]);
    expect(area(['860', '86'], inCangLong)).toEqual(['OUTSIDE', 0]);
    expect(area([], inCangLong)).toEqual(['ANYWHERE', 10]);
  });

  it('never scores a candidate above the ceiling of its category', () => {
    fc.assert(
      fc.property(needArb, candidateArb, (need, c) => {
        const result = scoreMatch(need, c);
        const ceiling = categoryCeiling(need, c.categoryCode);
        if (result === null) return;
        expect(ceiling).not.toBeNull();
        expect(result.score).toBeLessThanOrEqual(ceiling!);
      }),
      { numRuns: 2000 },
    );
    // The ceiling is reached: a perfect candidate of the wanted category scores exactly 100.
    expect(categoryCeiling({ ...NEED_BASE, categoryCode: 'fruit.coconut' }, 'fruit.coconut.wax')).toBe(100);
    expect(categoryCeiling({ ...NEED_BASE, categoryCode: 'fruit.coconut' }, 'aquatic.shrimp')).toBeNull();
  });

  it('gives the same score as the ranking-only scorer, and rules out the same candidates', () => {
    fc.assert(
      fc.property(needArb, fc.array(candidateArb, { minLength: 1, maxLength: 20 }), (need, candidates) => {
        // One prepared scorer over many candidates, as a ranking uses it, so its per-category memory is exercised too.
        const score = scorerFor(need);
        for (const c of candidates) expect(score(c)).toBe(scoreMatch(need, c)?.score ?? null);
      }),
      { numRuns: 2000 },
    );
  });

  it('never admits a candidate that misses a hard requirement', () => {
    fc.assert(
      fc.property(needArb, candidateArb, (need, c) => {
        const result = scoreMatch(need, c);
        if (result === null) return;
        for (const s of need.requiredCertifications) expect(c.certifications).toContain(s);
        if (need.minOcopStars !== null) expect(c.ocopStars ?? 0).toBeGreaterThanOrEqual(need.minOcopStars);
        expect(c.categoryCode.split('.')[0]).toBe(need.categoryCode.split('.')[0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lowers the capacity factor when capacity grows', () => {
    fc.assert(
      fc.property(
        needArb,
        candidateArb,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (need, c, a, extra) => {
          const lower = scoreMatch(need, { ...c, capacityPerMonth: a });
          const higher = scoreMatch(need, { ...c, capacityPerMonth: a + extra });
          if (!lower || !higher) return;
          const cap = (r: typeof lower) => r.factors.find((f) => f.code === 'CAPACITY')!.value;
          expect(cap(higher)).toBeGreaterThanOrEqual(cap(lower));
        },
      ),
    );
  });

  it('makes the factors add up to the score, each within its weight', () => {
    fc.assert(
      fc.property(needArb, candidateArb, (need, c) => {
        const result = scoreMatch(need, c);
        if (!result) return;
        const hundredths = result.factors.reduce((sum, f) => sum + Math.round(f.value * 100), 0);
        expect(hundredths).toBe(Math.round(result.score * 100));
        expect(result.score).toBeCloseTo(
          result.factors.reduce((s, f) => s + f.value, 0),
          9,
        );
        for (const f of result.factors) {
          expect(f.weight).toBe(MATCH_WEIGHTS[f.code]);
          expect(f.value).toBeGreaterThanOrEqual(0);
          expect(f.value).toBeLessThanOrEqual(f.weight);
        }
      }),
    );
  });

  it('gives the same answer for the same inputs', () => {
    fc.assert(
      fc.property(needArb, candidateArb, (need, c) => {
        expect(scoreMatch(structuredClone(need), structuredClone(c))).toEqual(scoreMatch(need, c));
      }),
    );
  });

  it('weights add up to 100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('treats a product inside the wanted branch as the same category and a cousin as further away', () => {
    expect(categoryShare('fruit.coconut', 'fruit.coconut.wax')[1]).toBe(1);
    expect(categoryShare('fruit.coconut.wax', 'fruit.coconut')[1]).toBeGreaterThan(categoryShare('fruit.coconut.wax', 'fruit.pomelo')[1]);
  });
});
