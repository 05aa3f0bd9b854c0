import { describe, expect, it } from 'vitest';
import { STEP_NAMES, TEXT, pickLang } from './trace-page-text';
import { TRACE_STEPS } from './vocab';

describe('pickLang', () => {
  it('defaults to Vietnamese', () => {
    expect(pickLang(undefined, undefined)).toBe('vi');
    expect(pickLang(undefined, 'fr-FR,de;q=0.8')).toBe('vi');
  });
  it('follows ?lang before the browser', () => {
    expect(pickLang('en', 'vi-VN')).toBe('en');
    expect(pickLang('vi', 'en-GB')).toBe('vi');
  });
  it('takes the best-ranked supported browser language', () => {
    expect(pickLang(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLang(undefined, 'fr;q=1, vi;q=0.5, en;q=0.7')).toBe('en');
    expect(pickLang(undefined, 'en;q=0, vi')).toBe('vi');
  });
  it('has the same wording keys and step names in both languages', () => {
    expect(Object.keys(TEXT.en).sort()).toEqual(Object.keys(TEXT.vi).sort());
    for (const lang of ['vi', 'en'] as const) expect(Object.keys(STEP_NAMES[lang]).sort()).toEqual([...TRACE_STEPS].sort());
  });
});
