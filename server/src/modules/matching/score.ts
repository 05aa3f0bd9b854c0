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
  if (rootOf(need.categoryCode) !== rootOf(c.categoryCode)) return false;
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
  const shares: [FactorCode, number, string][] = [
    categoryShare(need.categoryCode, c.categoryCode),
    capacityShare(need.quantity, c.capacityPerMonth),
    seasonShare(need.deliveryMonths, c.availableMonths),
    certificationShare(need, c),
    areaShare(need.deliveryAreaPath, c.areaPath),
    priceShare(need, c),
    ratingShare(c),
    freshnessShare(c.ageDays),
  ];
  let total = 0;
  const factors = shares.map(([code, share, note]) => {
    const hundredths = Math.round(weights[code] * clamp01(share) * 100);
    total += hundredths;
    return { code, weight: weights[code], value: hundredths / 100, note };
  });
  return { score: total / 100, factors };
}

/** Orders scored candidates best first; ties break on the caller's stable key so the ranking never wobbles. */
export function compareMatches<T extends { score: number; key: string }>(a: T, b: T): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function rootOf(code: string): string {
  return code.split('.')[0] ?? code;
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

function capacityShare(quantity: number, capacity: number | null): [FactorCode, number, string] {
  if (capacity === null) return ['CAPACITY', 0.25, 'UNKNOWN'];
  if (quantity <= 0) return ['CAPACITY', 1, 'COVERS'];
  const share = Math.min(1, capacity / quantity);
  return ['CAPACITY', share, share >= 1 ? 'COVERS' : `PERCENT_${Math.floor(share * 100)}`];
}

function seasonShare(delivery: number[], available: number[]): [FactorCode, number, string] {
  if (delivery.length === 0 || available.length === 0) return ['SEASON', 1, 'ALL_YEAR'];
  const wanted = new Set(delivery);
  const covered = [...wanted].filter((m) => available.includes(m)).length;
  const share = covered / wanted.size;
  return ['SEASON', share, `MONTHS_${covered}_OF_${wanted.size}`];
}

/** Requirements are hard; beyond them, holding any certificate or OCOP stars earns the rest. */
function certificationShare(need: NeedLike, c: CandidateLike): [FactorCode, number, string] {
  if (need.requiredCertifications.length > 0 || need.minOcopStars !== null) return ['CERTIFICATION', 1, 'REQUIREMENTS_MET'];
  if (c.certifications.length > 0 || c.ocopStars !== null) return ['CERTIFICATION', 1, 'CERTIFIED'];
  return ['CERTIFICATION', 0.4, 'NONE'];
}

function areaShare(delivery: string[], area: string[]): [FactorCode, number, string] {
  if (delivery.length === 0) return ['AREA', 1, 'ANYWHERE'];
  const target = delivery[0]!;
  if (area.includes(target)) return ['AREA', 1, 'INSIDE'];
  // The closest shared ancestor: the delivery path is narrowest first.
  const shared = delivery.findIndex((code) => area.includes(code));
  if (shared === -1) return ['AREA', 0, 'OUTSIDE'];
  const share = shared === 1 ? 0.7 : shared === 2 ? 0.4 : 0.2;
  return ['AREA', share, shared === 1 ? 'SAME_DISTRICT' : 'SAME_PROVINCE'];
}

function priceShare(need: NeedLike, c: CandidateLike): [FactorCode, number, string] {
  const cMin = c.priceMin ?? c.priceMax;
  const cMax = c.priceMax ?? c.priceMin;
  if (need.negotiable || (need.priceMin === null && need.priceMax === null) || cMin === null || cMax === null)
    return ['PRICE', 0.6, 'NEGOTIABLE'];
  const nMin = need.priceMin ?? 0;
  const nMax = need.priceMax ?? Number.MAX_SAFE_INTEGER;
  if (cMin <= nMax && cMax >= nMin) return ['PRICE', 1, 'OVERLAP'];
  // Asking more than the buyer's ceiling: the share shrinks with the gap.
  if (cMin > nMax) return ['PRICE', Math.max(0, 1 - (cMin - nMax) / Math.max(nMax, 1)), 'ABOVE_RANGE'];
  return ['PRICE', 0.8, 'BELOW_RANGE'];
}

function ratingShare(c: CandidateLike): [FactorCode, number, string] {
  const share = 0.7 * RATING_SHARE[c.ratingClass] + (c.verified ? 0.3 : 0);
  return ['RATING', share, `${c.ratingClass}${c.verified ? '_VERIFIED' : ''}`];
}

function freshnessShare(ageDays: number): [FactorCode, number, string] {
  const days = Math.max(0, ageDays);
  return ['FRESHNESS', Math.pow(0.5, days / FRESHNESS_HALF_LIFE_DAYS), `DAYS_${Math.floor(days)}`];
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
