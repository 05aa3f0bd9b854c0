import { describe, expect, it } from 'vitest';
import { email, taxCode } from './validate';

describe('registration checks', () => {
  it('accepts a head-office tax code and its branches', () => {
    expect(taxCode('0100109106')).toBeNull();
    expect(taxCode('0100109106-001')).toBeNull();
    expect(taxCode('0100109106001')).toBeNull();
  });

  it('catches a mistyped digit, a wrong length and branch 000', () => {
    expect(taxCode('0100109107')).toBe('isTaxCode');
    expect(taxCode('010010910')).toBe('isTaxCode');
    expect(taxCode('0100109106-000')).toBe('isTaxCode');
  });

  it('asks for an email address with a domain', () => {
    expect(email('nguyen@htx.vn')).toBeNull();
    expect(email('nguyen@htx')).toBe('isEmail');
  });
});
