/**
 * The server explains each match factor with a short note code
 * (`PERCENT_28`, `MONTHS_2_OF_3`, `SAME_DISTRICT` …). This turns one into
 * the translation key and numbers of a plain sentence; an unknown note gives
 * null and the screen shows the factor without a sentence.
 */
export interface FactorNote {
  key: string;
  values: Record<string, number | string>;
}

const FIXED: Record<string, Record<string, string>> = {
  CATEGORY: { SAME_CATEGORY: 'sameCategory' },
  CAPACITY: { COVERS: 'covers', UNKNOWN: 'capacityUnknown' },
  SEASON: { ALL_YEAR: 'allYear' },
  CERTIFICATION: { REQUIREMENTS_MET: 'requirementsMet', CERTIFIED: 'certified', NONE: 'noCertificates' },
  AREA: { ANYWHERE: 'anywhere', INSIDE: 'inside', SAME_DISTRICT: 'sameDistrict', SAME_PROVINCE: 'sameProvince', OUTSIDE: 'outside' },
  PRICE: { NEGOTIABLE: 'negotiable', OVERLAP: 'overlap', ABOVE_RANGE: 'above', BELOW_RANGE: 'below' },
};

const RATINGS = new Set(['GOOD', 'FAIR', 'AVERAGE', 'WEAK', 'UNRATED']);

export function factorNote(code: string, note: string): FactorNote | null {
  const fixed = FIXED[code]?.[note];
  if (fixed) return { key: fixed, values: {} };
  let m: RegExpExecArray | null;
  if (code === 'CATEGORY' && (m = /^STEPS_(\d+)$/.exec(note))) return { key: 'categorySteps', values: { count: Number(m[1]) } };
  if (code === 'CAPACITY' && (m = /^PERCENT_(\d+)$/.exec(note))) return { key: 'capacityPercent', values: { percent: Number(m[1]) } };
  if (code === 'SEASON' && (m = /^MONTHS_(\d+)_OF_(\d+)$/.exec(note)))
    return { key: 'months', values: { covered: Number(m[1]), count: Number(m[2]) } };
  if (code === 'FRESHNESS' && (m = /^DAYS_(\d+)$/.exec(note))) {
    const days = Number(m[1]);
    return days === 0 ? { key: 'updatedToday', values: {} } : { key: 'updatedDaysAgo', values: { count: days } };
  }
  if (code === 'RATING') {
    const verified = note.endsWith('_VERIFIED');
    const rating = verified ? note.slice(0, -'_VERIFIED'.length) : note;
    if (RATINGS.has(rating)) return { key: verified ? 'ratingVerified' : 'rating', values: { rating } };
  }
  return null;
}
