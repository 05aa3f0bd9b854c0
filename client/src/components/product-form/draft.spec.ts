import { describe, expect, it } from 'vitest';
import type { ProductDraft } from './draft';
import { draftToInput, draftToUpdateInput, emptyCertification, emptyDraft, validateDraft } from './draft';

const base = (): ProductDraft => ({ ...emptyDraft(), nameVi: 'Dừa sáp Cầu Kè', categoryCode: 'fruit.coconut.wax' });

describe('product drafts', () => {
  it('sends prices as whole dong however they were typed', () => {
    const input = draftToInput({ ...base(), priceMin: '25.000', priceMax: '30 000' });
    expect(input.priceMin).toBe(25000);
    expect(input.priceMax).toBe(30000);
  });

  it('refuses a price range that runs backwards', () => {
    expect(validateDraft({ ...base(), priceMin: '30.000', priceMax: '25.000' }, 2026)).toEqual({ priceMax: 'priceRange' });
  });

  it('asks for the year of an OCOP rating', () => {
    expect(validateDraft({ ...base(), ocopStars: '4' }, 2026)).toEqual({ ocopYear: 'required' });
  });

  it('checks each certificate row on its own path', () => {
    const cert = { ...emptyCertification(), number: 'VG-1', issuedOn: '2026-02-01', expiresOn: '2026-01-01' };
    expect(validateDraft({ ...base(), certifications: [cert] }, 2026)).toEqual({
      'certifications.0.issuer': 'required',
      'certifications.0.expiresOn': 'dateRange',
    });
  });

  it('leaves unchanged photos, certificates and brand out of an update', () => {
    const initial: ProductDraft = { ...base(), images: [{ id: 'a', url: '/uploads/a.jpg' }], brandMode: 'existing', brandId: 'b1' };
    const input = draftToUpdateInput({ ...initial, packaging: 'Thùng 10 kg' }, initial);
    expect(input).not.toHaveProperty('imageUploadIds');
    expect(input).not.toHaveProperty('certifications');
    expect(input).not.toHaveProperty('brandId');
    expect(input.packaging).toBe('Thùng 10 kg');
  });

  it('sends the whole photo list, in order, once it changed', () => {
    const initial: ProductDraft = { ...base(), images: [{ id: 'a', url: '/a' }] };
    const changed = {
      ...initial,
      images: [
        { id: 'b', url: '/b' },
        { id: 'a', url: '/a' },
      ],
    };
    expect(draftToUpdateInput(changed, initial).imageUploadIds).toEqual(['b', 'a']);
  });
});
