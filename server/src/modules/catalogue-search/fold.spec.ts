import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold';

describe('foldForSearch', () => {
  it('removes Vietnamese tones and vowel marks, and folds đ', () => {
    expect(foldForSearch('Dừa Sáp Cầu Kè')).toBe('dua sap cau ke');
    expect(foldForSearch('BƯỞI NĂM ROI')).toBe('buoi nam roi');
    expect(foldForSearch('Đậu phộng Cầu Ngang')).toBe('dau phong cau ngang');
  });

  it('gives the same result for composed and decomposed input', () => {
    expect(foldForSearch('gạo hữu cơ'.normalize('NFD'))).toBe(foldForSearch('gạo hữu cơ'.normalize('NFC')));
  });

  it('collapses runs of white space', () => {
    expect(foldForSearch('  cam   sành\t\n')).toBe('cam sanh');
  });
});
