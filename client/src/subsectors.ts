import type { Sector } from '@cooplink/schema/types';
import type { TFunction } from 'i18next';

/**
 * Lines of work used by the provincial registry. The API keeps `subsector` as
 * free text, so these codes are offered when registering and translated when
 * shown; any other text a cooperative entered is shown as written.
 */
export const SUBSECTORS = {
  AGRICULTURE: ['RICE', 'COCONUT', 'FRUIT', 'CROPS', 'LIVESTOCK', 'AQUACULTURE', 'SALT', 'AGRI_SERVICES'],
  NON_AGRICULTURE: ['FOOD_PROCESSING', 'HANDICRAFT', 'TRADE_SERVICES', 'TRANSPORT', 'ENVIRONMENT', 'CONSTRUCTION'],
} as const satisfies Record<Sector, readonly string[]>;

export type Subsector = (typeof SUBSECTORS)[Sector][number];

const ALL: readonly string[] = [...SUBSECTORS.AGRICULTURE, ...SUBSECTORS.NON_AGRICULTURE];

export function isSubsector(value: string): value is Subsector {
  return ALL.includes(value);
}

export function subsectorLabel(t: TFunction, value: string): string {
  return isSubsector(value) ? t(`enums.subsector.${value}`) : value;
}
