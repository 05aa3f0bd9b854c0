import type { ParseKeys } from 'i18next';

/** UNECE Rec 20 codes the catalogue uses; other codes still display, as the code itself. */
export const UNITS = ['KGM', 'TNE', 'H87', 'LTR'] as const;
export type Unit = (typeof UNITS)[number];

export function isKnownUnit(code: string): code is Unit {
  return (UNITS as readonly string[]).includes(code);
}

export function unitShortKey(code: string): ParseKeys {
  return isKnownUnit(code) ? `enums.unitShort.${code}` : 'enums.unitShort.OTHER';
}

export function unitKey(code: string): ParseKeys {
  return isKnownUnit(code) ? `enums.unit.${code}` : 'enums.unit.OTHER';
}
