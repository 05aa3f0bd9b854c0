/**
 * UNECE Recommendation 20 codes used for farm and craft produce. Quantities
 * always travel with one of these, never with a free-text unit.
 */
export const UNIT_CODES = ['KGM', 'TNE', 'GRM', 'H87', 'LTR', 'MLT', 'BX', 'BG', 'DZN', 'SET', 'PR', 'MTK', 'MTR'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

export function isUnitCode(v: string): v is UnitCode {
  return (UNIT_CODES as readonly string[]).includes(v);
}
