/**
 * The matching score: a pure function, no database, no clock.
 *
 * Callers (needMatches, cooperativeMatches, and later the fair scheduler's
 * suggested meeting partners) turn rows into the two plain shapes below and
 * call `scoreMatch(need, candidate)`. It answers `null` when a hard
 * requirement rules the candidate out, otherwise a score in 0–100 and the
 * factors behind it. Each factor's `value` is the points it contributes (at
 * most its `weight`), so the factors add up to the score exactly: both are
 * kept in whole hundredths of a point.
 */

export type Frequency = 'ONE_OFF' | 'MONTHLY' | 'SEASONAL';
export type RatingClassName = 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK' | 'UNRATED';

/** What is wanted. */
export interface NeedLike {
  /** Dotted taxonomy path, e.g. `fruit.coconut.wax`. */
  categoryCode: string;
  /** Quantity per delivery (ONE_OFF) or per month (MONTHLY, SEASONAL), in the need's unit. */
  quantity: number;
  frequency: Frequency;
  /** Months (1–12) the deliveries fall in; empty means any month. */
  deliveryMonths: number[];
  /** The delivery area and its ancestors, narrowest first (commune, district, province); empty means anywhere. */
  deliveryAreaPath: string[];
  priceMin: number | null;
  priceMax: number | null;
  negotiable: boolean;
  /** Certification schemes every candidate must hold (hard). */
  requiredCertifications: string[];
  /** Minimum OCOP stars (hard); null when not required. */
  minOcopStars: number | null;
}

/** What might satisfy it: a product of a cooperative, or an offer. */
export interface CandidateLike {
  categoryCode: string;
  /** Monthly capacity in the need's unit; null when unknown. */
  capacityPerMonth: number | null;
  /** Months available; empty means all year. */
  availableMonths: number[];
  /** The candidate's area and its ancestors, narrowest first. */
  areaPath: string[];
  /** Schemes of the candidate's currently valid certificates. */
  certifications: string[];
  ocopStars: number | null;
  priceMin: number | null;
  priceMax: number | null;
  ratingClass: RatingClassName;
  verified: boolean;
  /** Whole days since the candidate was last updated. */
  ageDays: number;
}

export type FactorCode = 'CATEGORY' | 'CAPACITY' | 'SEASON' | 'CERTIFICATION' | 'AREA' | 'PRICE' | 'RATING' | 'FRESHNESS';

export interface Factor {
  code: FactorCode;
  /** Most points this factor can give. */
  weight: number;
  /** Points it gave, 0…weight. */
  value: number;
  /** A short machine-readable reason; the client words it. */
  note: string;
}

export interface MatchScore {
  score: number;
  factors: Factor[];
}

/** Every weight in one place; they add up to 100 so a score reads as a percentage. */
export const MATCH_WEIGHTS: Readonly<Record<FactorCode, number>> = {
  CATEGORY: 25,
  CAPACITY: 20,
  SEASON: 12,
  CERTIFICATION: 10,
  AREA: 10,
  PRICE: 10,
  RATING: 8,
  FRESHNESS: 5,
};

/** Rating classes of Circular 01/2020 as a share of the rating factor. */
const RATING_SHARE: Record<RatingClassName, number> = { GOOD: 1, FAIR: 0.75, AVERAGE: 0.5, UNRATED: 0.35, WEAK: 0.15 };

/** Half of the freshness points are gone after this many days. */
const FRESHNESS_HALF_LIFE_DAYS = 180;

/** The hard requirements alone: the candidate is in the same taxonomy branch and holds what is required. */
export function meetsHardRequirements(need: NeedLike, c: CandidateLike): boolean {
  return rootOf(need.categoryCode) === rootOf(c.categoryCode) && meetsCertificationRequirements(need, c);
}

function meetsCertificationRequirements(need: NeedLike, c: CandidateLike): boolean {
  for (const scheme of need.requiredCertifications) if (!c.certifications.includes(scheme)) return false;
  if (need.minOcopStars !== null && (c.ocopStars === null || c.ocopStars < need.minOcopStars)) return false;
  return true;
}

export function scoreMatch(
  need: NeedLike,
  c: CandidateLike,
  weights: Readonly<Record<FactorCode, number>> = MATCH_WEIGHTS,
): MatchScore | null {
  if (!meetsHardRequirements(need, c)) return null;
  const delivery = distinctMonths(need.deliveryMonths);
  const shares: [FactorCode, number, string][] = [
    ['CATEGORY', categoryShare(need.categoryCode, c.categoryCode)[1], categoryNote(need.categoryCode, c.categoryCode)],
    ['CAPACITY', capacityShare(need.quantity, c.capacityPerMonth), capacityNote(need.quantity, c.capacityPerMonth)],
    ['SEASON', seasonShare(delivery, c.availableMonths), seasonNote(delivery, c.availableMonths)],
    ['CERTIFICATION', certificationShare(need, c), certificationNote(need, c)],
    ['AREA', areaShare(need.deliveryAreaPath, c.areaPath), areaNote(need.deliveryAreaPath, c.areaPath)],
    ['PRICE', priceShare(need, c), priceNote(need, c)],
    ['RATING', ratingShare(c), `${c.ratingClass}${c.verified ? '_VERIFIED' : ''}`],
    ['FRESHNESS', freshnessShare(c.ageDays), `DAYS_${Math.floor(Math.max(0, c.ageDays))}`],
  ];
  let total = 0;
  const factors = shares.map(([code, share, note]) => {
    const hundredths = points(weights[code], share);
    total += hundredths;
    return { code, weight: weights[code], value: hundredths / 100, note };
  });
  return { score: total / 100, factors };
}

/**
 * The score alone, for ranking many candidates against one need: the same
 * points as `scoreMatch(need, c).score` (and null where it is null), without
 * building the explanation. Only the few candidates shown are then explained
 * with `scoreMatch`.
 */
export function scorerFor(
  need: NeedLike,
  weights: Readonly<Record<FactorCode, number>> = MATCH_WEIGHTS,
): (c: CandidateLike) => number | null {
  const root = rootOf(need.categoryCode);
  const delivery = distinctMonths(need.deliveryMonths);
  const categoryPoints = new Map<string, number | null>();
  // Factors that come out the same for every candidate of this need are worked out once.
  const requirements = need.requiredCertifications.length > 0 || need.minOcopStars !== null;
  const certifiedPoints = points(weights.CERTIFICATION, 1);
  const uncertifiedPoints = requirements ? certifiedPoints : points(weights.CERTIFICATION, 0.4);
  const anySeason = delivery.length === 0 ? points(weights.SEASON, 1) : null;
  const anyArea = need.deliveryAreaPath.length === 0 ? points(weights.AREA, 1) : null;
  return (c) => {
    let category = categoryPoints.get(c.categoryCode);
    if (category === undefined) {
      category = rootOf(c.categoryCode) === root ? points(weights.CATEGORY, categoryShare(need.categoryCode, c.categoryCode)[1]) : null;
      categoryPoints.set(c.categoryCode, category);
    }
    if (category === null || (requirements && !meetsCertificationRequirements(need, c))) return null;
    const total =
      category +
      points(weights.CAPACITY, capacityShare(need.quantity, c.capacityPerMonth)) +
      (anySeason ?? points(weights.SEASON, seasonShare(delivery, c.availableMonths))) +
      (c.certifications.length > 0 || c.ocopStars !== null ? certifiedPoints : uncertifiedPoints) +
      (anyArea ?? points(weights.AREA, areaShare(need.deliveryAreaPath, c.areaPath))) +
      points(weights.PRICE, priceShare(need, c)) +
      points(weights.RATING, ratingShare(c)) +
      points(weights.FRESHNESS, freshnessShare(c.ageDays));
    return total / 100;
  };
}

/**
 * The most any candidate of `categoryCode` can score for `need`: its category
 * points and every other factor's full weight. Null outside the need's branch.
 * A ranking can leave a whole category unscored once it holds enough better
 * candidates.
 */
export function categoryCeiling(
  need: NeedLike,
  categoryCode: string,
  weights: Readonly<Record<FactorCode, number>> = MATCH_WEIGHTS,
): number | null {
  if (rootOf(categoryCode) !== rootOf(need.categoryCode)) return null;
  let rest = 0;
  for (const code of Object.keys(weights) as FactorCode[]) if (code !== 'CATEGORY') rest += points(weights[code], 1);
  return (points(weights.CATEGORY, categoryShare(need.categoryCode, categoryCode)[1]) + rest) / 100;
}

/** A factor's points in whole hundredths. */
function points(weight: number, share: number): number {
  return Math.round(weight * clamp01(share) * 100);
}

/** Orders scored candidates best first; ties break on the caller's stable key so the ranking never wobbles. */
export function compareMatches<T extends { score: number; key: string }>(a: T, b: T): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function rootOf(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}

function distinctMonths(months: number[]): number[] {
  return [...new Set(months)];
}

/** Inside the wanted branch is a full match; otherwise the share falls with the steps to the common ancestor. */
export function categoryShare(wanted: string, offered: string): [FactorCode, number, string] {
  if (offered === wanted || offered.startsWith(`${wanted}.`)) return ['CATEGORY', 1, 'SAME_CATEGORY'];
  const a = wanted.split('.');
  const b = offered.split('.');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const steps = a.length + b.length - 2 * common;
  return ['CATEGORY', common / (common + steps), `STEPS_${steps}`];
}

function categoryNote(wanted: string, offered: string): string {
  return categoryShare(wanted, offered)[2];
}

function capacityShare(quantity: number, capacity: number | null): number {
  if (capacity === null) return 0.25;
  if (quantity <= 0) return 1;
  return Math.min(1, capacity / quantity);
}

function capacityNote(quantity: number, capacity: number | null): string {
  if (capacity === null) return 'UNKNOWN';
  const share = capacityShare(quantity, capacity);
  return share >= 1 ? 'COVERS' : `PERCENT_${Math.floor(share * 100)}`;
}

/** Wanted months covered; `delivery` holds each month once. */
function seasonCovered(delivery: number[], available: number[]): number {
  let covered = 0;
  for (const m of delivery) if (available.includes(m)) covered++;
  return covered;
}

function seasonShare(delivery: number[], available: number[]): number {
  if (delivery.length === 0 || available.length === 0) return 1;
  return seasonCovered(delivery, available) / delivery.length;
}

function seasonNote(delivery: number[], available: number[]): string {
  if (delivery.length === 0 || available.length === 0) return 'ALL_YEAR';
  return `MONTHS_${seasonCovered(delivery, available)}_OF_${delivery.length}`;
}

/** Requirements are hard; beyond them, holding any certificate or OCOP stars earns the rest. */
function certificationShare(need: NeedLike, c: CandidateLike): number {
  if (need.requiredCertifications.length > 0 || need.minOcopStars !== null) return 1;
  return c.certifications.length > 0 || c.ocopStars !== null ? 1 : 0.4;
}

function certificationNote(need: NeedLike, c: CandidateLike): string {
  if (need.requiredCertifications.length > 0 || need.minOcopStars !== null) return 'REQUIREMENTS_MET';
  return c.certifications.length > 0 || c.ocopStars !== null ? 'CERTIFIED' : 'NONE';
}

/**
 * Where the candidate stands against the delivery area. Paths run narrowest
 * first and end at the province, so the area both share is named by its depth
 * from the province down, not by how many steps up the delivery path it lies:
 * a need delivered to a district shares only the province with a cooperative
 * in the next district.
 */
type AreaFit = 'ANYWHERE' | 'INSIDE' | 'SAME_DISTRICT' | 'SAME_PROVINCE' | 'OUTSIDE';

function areaFit(delivery: string[], area: string[]): AreaFit {
  if (delivery.length === 0) return 'ANYWHERE';
  for (let i = 0; i < delivery.length; i++) {
    if (!area.includes(delivery[i]!)) continue;
    if (i === 0) return 'INSIDE';
    return delivery.length - i >= 2 ? 'SAME_DISTRICT' : 'SAME_PROVINCE';
  }
  return 'OUTSIDE';
}

const AREA_SHARE: Record<AreaFit, number> = { ANYWHERE: 1, INSIDE: 1, SAME_DISTRICT: 0.7, SAME_PROVINCE: 0.4, OUTSIDE: 0 };

function areaShare(delivery: string[], area: string[]): number {
  return AREA_SHARE[areaFit(delivery, area)];
}

function areaNote(delivery: string[], area: string[]): string {
  return areaFit(delivery, area);
}

type PriceCase = 'NEGOTIABLE' | 'OVERLAP' | 'ABOVE_RANGE' | 'BELOW_RANGE';

function priceCase(need: NeedLike, c: CandidateLike): PriceCase {
  const cMin = c.priceMin ?? c.priceMax;
  const cMax = c.priceMax ?? c.priceMin;
  if (need.negotiable || (need.priceMin === null && need.priceMax === null) || cMin === null || cMax === null) return 'NEGOTIABLE';
  const nMin = need.priceMin ?? 0;
  const nMax = need.priceMax ?? Number.MAX_SAFE_INTEGER;
  if (cMin <= nMax && cMax >= nMin) return 'OVERLAP';
  return cMin > nMax ? 'ABOVE_RANGE' : 'BELOW_RANGE';
}

function priceShare(need: NeedLike, c: CandidateLike): number {
  switch (priceCase(need, c)) {
    case 'NEGOTIABLE':
      return 0.6;
    case 'OVERLAP':
      return 1;
    case 'BELOW_RANGE':
      return 0.8;
    case 'ABOVE_RANGE': {
      // Asking more than the buyer's ceiling: the share shrinks with the gap.
      const cMin = (c.priceMin ?? c.priceMax)!;
      const nMax = need.priceMax ?? Number.MAX_SAFE_INTEGER;
      return Math.max(0, 1 - (cMin - nMax) / Math.max(nMax, 1));
    }
  }
}

function priceNote(need: NeedLike, c: CandidateLike): string {
  return priceCase(need, c);
}

function ratingShare(c: CandidateLike): number {
  return 0.7 * RATING_SHARE[c.ratingClass] + (c.verified ? 0.3 : 0);
}

function freshnessShare(ageDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / FRESHNESS_HALF_LIFE_DAYS);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
