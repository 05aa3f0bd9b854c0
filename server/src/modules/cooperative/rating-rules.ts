import { RatingClass } from './cooperative.entity';

/**
 * Circular 01/2020/TT-BKHĐT: GOOD 80–100, FAIR 65–<80, AVERAGE 50–<65,
 * WEAK <50. A cooperative operating for less than 12 months at the end of the
 * assessed year is not rated.
 */
export function ratingClassFor(score: number | null, establishedOn: string, year: number): RatingClass {
  if (score === null || !operatedTwelveMonths(establishedOn, year)) return RatingClass.UNRATED;
  if (score >= 80) return RatingClass.GOOD;
  if (score >= 65) return RatingClass.FAIR;
  if (score >= 50) return RatingClass.AVERAGE;
  return RatingClass.WEAK;
}

/** True when the cooperative had operated for 12 full months by 31 December of `year`. */
export function operatedTwelveMonths(establishedOn: string, year: number): boolean {
  const [y, m, d] = establishedOn.split('-').map(Number) as [number, number, number];
  const anniversary = Date.UTC(y + 1, m - 1, d);
  return anniversary <= Date.UTC(year, 11, 31);
}
