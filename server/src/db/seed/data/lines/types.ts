import type { Subsector } from '../districts';

export type Unit = 'KGM' | 'TNE' | 'H87' | 'LTR';
export type Scheme = 'VIETGAP' | 'GLOBALGAP' | 'ORGANIC' | 'HACCP' | 'ISO22000';
export type BrandKind = 'OWN_BRAND' | 'COLLECTIVE_TRADEMARK' | 'CERTIFICATION_MARK' | 'GEOGRAPHICAL_INDICATION';

/**
 * One thing a cooperative sells, as it is typically offered in Trà Vinh. Prices
 * are demo ranges in whole VND per unit, not market statistics; the generator
 * spreads each product inside them.
 */
export interface ProductLine {
  key: string;
  subsectors: readonly Subsector[];
  /** District codes where the line is typical; absent means anywhere. */
  districts?: readonly string[];
  /** Relative likelihood among the lines a cooperative could take up. */
  weight: number;
  category: string;
  names: ReadonlyArray<readonly [vi: string, en: string]>;
  unit: Unit;
  price: readonly [low: number, high: number];
  minOrder: readonly number[];
  /** Monthly capacity for a mid-sized cooperative, in `unit`. */
  capacity: readonly [low: number, high: number];
  months: readonly number[];
  packaging: readonly string[];
  description: readonly [vi: string, en: string];
  /** Chance that a product of this line holds each certificate. */
  certs: Partial<Record<Scheme, number>>;
  /** Chance that it carries OCOP stars. */
  ocop: number;
  /** A shared mark the cooperative uses for this line instead of its own brand. */
  sharedBrand?: { name: string; kind: BrandKind };
}

export const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const COAST = ['848', '849', '850', '851'] as const;
export const COCONUT_BELT = ['844', '845', '846', '847'] as const;
