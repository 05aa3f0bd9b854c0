import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import vi from '../../i18n/vi.json';
import { factorNote } from './factor-note';

/** Every note shape the matching core writes, one example each. */
const NOTES: [string, string][] = [
  ['CATEGORY', 'SAME_CATEGORY'],
  ['CATEGORY', 'STEPS_2'],
  ['CAPACITY', 'COVERS'],
  ['CAPACITY', 'PERCENT_28'],
  ['CAPACITY', 'UNKNOWN'],
  ['SEASON', 'ALL_YEAR'],
  ['SEASON', 'MONTHS_2_OF_3'],
  ['CERTIFICATION', 'REQUIREMENTS_MET'],
  ['CERTIFICATION', 'CERTIFIED'],
  ['CERTIFICATION', 'NONE'],
  ['AREA', 'ANYWHERE'],
  ['AREA', 'INSIDE'],
  ['AREA', 'SAME_DISTRICT'],
  ['AREA', 'SAME_PROVINCE'],
  ['AREA', 'OUTSIDE'],
  ['PRICE', 'NEGOTIABLE'],
  ['PRICE', 'OVERLAP'],
  ['PRICE', 'ABOVE_RANGE'],
  ['PRICE', 'BELOW_RANGE'],
  ['RATING', 'GOOD_VERIFIED'],
  ['RATING', 'UNRATED'],
  ['FRESHNESS', 'DAYS_0'],
  ['FRESHNESS', 'DAYS_45'],
];

describe('factorNote', () => {
  it('gives every note the matching core writes a sentence in both languages', () => {
    for (const [code, note] of NOTES) {
      const read = factorNote(code, note);
      expect(read, `${code} ${note}`).not.toBeNull();
      for (const dict of [vi, en]) {
        const notes = (dict as { needs: { factorNote: Record<string, string> } }).needs.factorNote;
        const base = read!.key;
        expect(notes[base] ?? notes[`${base}_other`], `${code} ${note}`).toBeTruthy();
      }
    }
  });

  it('reads the numbers out of the note', () => {
    expect(factorNote('CAPACITY', 'PERCENT_28')).toEqual({ key: 'capacityPercent', values: { percent: 28 } });
    expect(factorNote('SEASON', 'MONTHS_2_OF_3')).toEqual({ key: 'months', values: { covered: 2, count: 3 } });
    expect(factorNote('RATING', 'FAIR_VERIFIED')).toEqual({ key: 'ratingVerified', values: { rating: 'FAIR' } });
    expect(factorNote('FRESHNESS', 'DAYS_0')).toEqual({ key: 'updatedToday', values: {} });
  });

  it('says nothing for a note it does not know, rather than guessing', () => {
    expect(factorNote('AREA', 'SOMEWHERE_NEW')).toBeNull();
    expect(factorNote('RATING', 'EXCELLENT')).toBeNull();
    expect(factorNote('UNKNOWN_FACTOR', 'X')).toBeNull();
  });
});
