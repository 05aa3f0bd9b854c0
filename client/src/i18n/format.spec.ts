import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLocalDate, formatTime, formatVnd, formatVndRange, parseVndInput } from './format';

// Intl separates the amount and the symbol with a no-break space.
const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

describe('Vietnamese formats', () => {
  it('writes dong with dot thousands and the ₫ sign', () => {
    expect(nbsp(formatVnd(150000))).toBe('150.000 ₫');
  });

  it('writes a price range once with the symbol at the end', () => {
    expect(nbsp(formatVndRange(20000, 35000) ?? '')).toBe('20.000 – 35.000 ₫');
    expect(nbsp(formatVndRange(null, 35000) ?? '')).toBe('35.000 ₫');
    expect(formatVndRange(null, null)).toBeNull();
  });

  it('writes calendar dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatLocalDate('2026-01-05')).toBe('05/01/2026');
  });

  it('shows instants in Vietnam time', () => {
    // 20:30 UTC on 31 Dec is already 1 Jan in Hồ Chí Minh City.
    expect(formatDate('2025-12-31T20:30:00Z')).toBe('01/01/2026');
    expect(formatDateTime('2025-12-31T20:30:00Z')).toContain('03:30');
  });

  it('writes a fair slot as its Vietnam clock time alone', () => {
    // 01:00 UTC is the 08:00 morning slot in Trà Vinh.
    expect(formatTime('2026-12-12T01:00:00.000Z')).toBe('08:00');
    expect(formatTime('2026-12-12T07:30:00.000Z')).toBe('14:30');
    expect(formatTime('not a date')).toBe('');
  });

  it('reads typed prices however people group the digits', () => {
    expect(parseVndInput('25.000')).toBe(25000);
    expect(parseVndInput('25 000 đ')).toBe(25000);
    expect(parseVndInput('')).toBeNull();
  });
});
