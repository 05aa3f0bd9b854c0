/**
 * The steering committee's figures, computed from plain rows so that the same
 * arithmetic serves the dashboard, the exports and the tests' cross-checks.
 *
 * Directive 753-CV/TU counts a cooperative as "weak or stopped" when it is
 * rated WEAK for the year or its status is not OPERATING; like the directive,
 * the status is the one recorded now (the registry's current status).
 * A cooperative belongs to a year's figures once it was established by 31
 * December of that year.
 */

export type StatusCode = 'OPERATING' | 'SUSPENDED' | 'DISSOLVING' | 'DISSOLVED';
export type ClassCode = 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK' | 'UNRATED';
export type SectorCode = 'AGRICULTURE' | 'NON_AGRICULTURE';

export const STATUSES: readonly StatusCode[] = ['OPERATING', 'SUSPENDED', 'DISSOLVING', 'DISSOLVED'];
export const CLASSES: readonly ClassCode[] = ['GOOD', 'FAIR', 'AVERAGE', 'WEAK', 'UNRATED'];
export const SECTORS: readonly SectorCode[] = ['AGRICULTURE', 'NON_AGRICULTURE'];

export interface CoopFacts {
  id: string;
  /** The area the figures are grouped by (a district under the province, a commune under a district). */
  groupCode: string;
  sector: SectorCode;
  status: StatusCode;
  establishedOn: string;
  /** Rating class per assessed year; a year without a row counts as UNRATED. */
  classes: ReadonlyMap<number, ClassCode>;
  /** Published products on the platform: the trade activity recorded today. */
  publishedProducts: number;
  /** Published products with at least one certificate valid today (OCOP certificates included). */
  certifiedProducts: number;
  /** Published products with an OCOP star rating. */
  ocopProducts: number;
  /** Fairs and conferences where the cooperative's registration was accepted, to date. */
  fairsJoined: number;
  /** Linkages with companies, declined ones aside, and how many reached a signed agreement, to date. */
  linkages: number;
  agreements: number;
  /** Total value of those agreements in VND. */
  agreementValue: number;
}

export interface Headline {
  cooperatives: number;
  goodOrFair: number;
  weakOrSuspended: number;
  goodOrFairShare: number;
  weakOrSuspendedShare: number;
}

export function existsIn(c: CoopFacts, year: number): boolean {
  return c.establishedOn <= `${year}-12-31`;
}

export function classIn(c: CoopFacts, year: number): ClassCode {
  return c.classes.get(year) ?? 'UNRATED';
}

export function isGoodOrFair(c: CoopFacts, year: number): boolean {
  const k = classIn(c, year);
  return k === 'GOOD' || k === 'FAIR';
}

export function isWeakOrSuspended(c: CoopFacts, year: number): boolean {
  return c.status !== 'OPERATING' || classIn(c, year) === 'WEAK';
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function headline(coops: readonly CoopFacts[], year: number): Headline {
  const present = coops.filter((c) => existsIn(c, year));
  const goodOrFair = present.filter((c) => isGoodOrFair(c, year)).length;
  const weakOrSuspended = present.filter((c) => isWeakOrSuspended(c, year)).length;
  return {
    cooperatives: present.length,
    goodOrFair,
    weakOrSuspended,
    goodOrFairShare: share(goodOrFair, present.length),
    weakOrSuspendedShare: share(weakOrSuspended, present.length),
  };
}

export function countBy<K extends string>(coops: readonly CoopFacts[], keys: readonly K[], keyOf: (c: CoopFacts) => K) {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const c of coops) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1);
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

export interface AreaRow extends Headline {
  groupCode: string;
  /** The weak/suspended share of the year before, when there were cooperatives then. */
  previousWeakOrSuspendedShare: number | null;
  withoutTradeActivity: number;
  rank: number;
}

/**
 * One row per area, worst first: the accountability table. Areas with the
 * same share keep a stable order by code.
 */
export function accountability(coops: readonly CoopFacts[], year: number, groupCodes: readonly string[]): AreaRow[] {
  const rows = groupCodes.map((groupCode) => {
    const mine = coops.filter((c) => c.groupCode === groupCode);
    const before = headline(mine, year - 1);
    return {
      groupCode,
      ...headline(mine, year),
      previousWeakOrSuspendedShare: before.cooperatives > 0 ? before.weakOrSuspendedShare : null,
      withoutTradeActivity: mine.filter((c) => existsIn(c, year) && !hasTradeActivity(c)).length,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.weakOrSuspendedShare - a.weakOrSuspendedShare || a.groupCode.localeCompare(b.groupCode));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

export interface TradeReachFigures {
  cooperativesWithPublishedProducts: number;
  cooperativesWithCertifiedProducts: number;
  certifiedProducts: number;
  cooperativesWithOcopProducts: number;
  ocopProducts: number;
  cooperativesInFairs: number;
  cooperativesWithLinkages: number;
  linkages: number;
  agreements: number;
  agreementValue: number;
}

/** Anything the platform records of a cooperative reaching a market: a listing, a fair or a linkage. */
export function hasTradeActivity(c: CoopFacts): boolean {
  return c.publishedProducts > 0 || c.fairsJoined > 0 || c.linkages > 0;
}

export function tradeReach(coops: readonly CoopFacts[]): TradeReachFigures {
  const sum = (f: (c: CoopFacts) => number) => coops.reduce((n, c) => n + f(c), 0);
  return {
    cooperativesWithPublishedProducts: coops.filter((c) => c.publishedProducts > 0).length,
    cooperativesWithCertifiedProducts: coops.filter((c) => c.certifiedProducts > 0).length,
    certifiedProducts: sum((c) => c.certifiedProducts),
    cooperativesWithOcopProducts: coops.filter((c) => c.ocopProducts > 0).length,
    ocopProducts: sum((c) => c.ocopProducts),
    cooperativesInFairs: coops.filter((c) => c.fairsJoined > 0).length,
    cooperativesWithLinkages: coops.filter((c) => c.linkages > 0).length,
    linkages: sum((c) => c.linkages),
    agreements: sum((c) => c.agreements),
    agreementValue: sum((c) => c.agreementValue),
  };
}

/** Whole days from `since` to `today`, both 'YYYY-MM-DD'. */
export function daysBetween(since: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000);
}
