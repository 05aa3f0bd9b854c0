import { describe, expect, it } from 'vitest';
import { checkDigit, normaliseTaxCode } from './tax-code';

describe('normaliseTaxCode', () => {
  it('accepts published ten-digit codes whose check digit matches', () => {
    expect(normaliseTaxCode('0100109106')).toBe('0100109106');
    expect(normaliseTaxCode('0300588569')).toBe('0300588569');
  });

  it('accepts a branch code with or without the dash', () => {
    expect(normaliseTaxCode('0100109106-001')).toBe('0100109106001');
    expect(normaliseTaxCode('0100109106001')).toBe('0100109106001');
  });

  it('refuses a wrong check digit, a wrong length, letters and branch 000', () => {
    expect(normaliseTaxCode('0100109107')).toBeNull();
    expect(normaliseTaxCode('010010910')).toBeNull();
    expect(normaliseTaxCode('01001091061')).toBeNull();
    expect(normaliseTaxCode('01001O9106')).toBeNull();
    expect(normaliseTaxCode('0100109106-000')).toBeNull();
  });

  it('has no valid check digit when the remainder is zero', () => {
    // Find a nine-digit stem whose weighted sum is divisible by 11.
    let stem = 0;
    while (checkDigit(String(stem).padStart(9, '0') + '0') !== null) stem++;
    const base = String(stem).padStart(9, '0');
    for (let d = 0; d <= 9; d++) expect(normaliseTaxCode(base + d)).toBeNull();
  });
});
