import { describe, expect, it } from 'vitest';
import { agreementTotal, checkStep, LINKAGE_STEPS, type LinkageStatusName, deliveryDateAllowed } from './linkage.rules';

describe('linkage steps', () => {
  it('lets only the recipient accept or decline a proposal, and only the proposer withdraw it', () => {
    expect(checkStep('PROPOSED', 'ACCEPTED', false, true)).toBe('OK');
    expect(checkStep('PROPOSED', 'ACCEPTED', true, false)).toBe('NOT_YOUR_TURN');
    expect(checkStep('PROPOSED', 'DECLINED', false, true)).toBe('OK');
    expect(checkStep('PROPOSED', 'CANCELLED', true, false)).toBe('OK');
    expect(checkStep('PROPOSED', 'CANCELLED', false, true)).toBe('NOT_YOUR_TURN');
  });

  it('never leaves a final status and never skips ahead', () => {
    for (const final of ['DECLINED', 'COMPLETED', 'CANCELLED'] as LinkageStatusName[])
      for (const to of Object.keys(LINKAGE_STEPS) as LinkageStatusName[]) expect(checkStep(final, to, true, true)).toBe('INVALID');
    expect(checkStep('PROPOSED', 'AGREED', true, true)).toBe('INVALID');
    expect(checkStep('ACCEPTED', 'DELIVERING', true, true)).toBe('INVALID');
  });

  it('computes the agreement value in whole đồng', () => {
    expect(agreementTotal(20, 18_500_000)).toBe(370_000_000);
    expect(agreementTotal(1.5, 3)).toBe(5);
  });
});

describe('delivery dates', () => {
  // 23:30 UTC on 27 November is already 28 November in Vietnam.
  const lateEvening = new Date('2026-11-27T23:30:00Z');

  it('are allowed up to today by the calendar in Vietnam, not UTC', () => {
    expect(deliveryDateAllowed('2026-11-28', lateEvening)).toBe(true);
    expect(deliveryDateAllowed('2026-11-01', lateEvening)).toBe(true);
  });

  it('are refused for a day that has not come yet', () => {
    expect(deliveryDateAllowed('2026-11-29', lateEvening)).toBe(false);
  });
});
