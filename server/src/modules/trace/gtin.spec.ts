import { describe, expect, it } from 'vitest';
import { isValidGtin, withCheckDigit } from './gtin';

describe('GTIN check digit', () => {
  it('accepts GS1’s own example and refuses a changed digit', () => {
    expect(isValidGtin('09506000134352')).toBe(true);
    expect(isValidGtin('09506000134353')).toBe(false);
    expect(isValidGtin('9506000134352')).toBe(false);
  });
  it('completes 13 digits into a valid GTIN-14', () => {
    expect(withCheckDigit('0950600013435')).toBe('09506000134352');
    expect(isValidGtin(withCheckDigit('1893612300001'))).toBe(true);
  });
});
