import type { BrandKind, CertificationScheme, CreateProductInput, ProductForm_ProductFragment } from '@cooplink/schema/types';
import type { FieldErrors } from '../../apollo/errors';
import { formatNumber, parseVndInput } from '../../i18n/format';
import { collect, nonNegative, required } from '../form/validate';

/**
 * The editable state of a product form. Numbers are kept as typed text until
 * submit, so "1,5" or a half-typed price never fights the cursor.
 */
export interface ProductDraft {
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  categoryCode: string;
  unit: string;
  priceMin: string;
  priceMax: string;
  minOrder: string;
  capacityPerMonth: string;
  availableMonths: number[];
  packaging: string;
  ocopStars: string;
  ocopYear: string;
  brandMode: 'none' | 'existing' | 'new';
  brandId: string;
  brandName: string;
  brandKind: BrandKind;
  brandRegistration: string;
  certifications: CertificationDraft[];
  images: ImageDraft[];
}

export interface CertificationDraft {
  key: string;
  scheme: CertificationScheme;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

export interface ImageDraft {
  id: string;
  url: string;
}

let rowSeq = 0;
export const newRowKey = (): string => `row-${++rowSeq}`;

export function emptyCertification(): CertificationDraft {
  return { key: newRowKey(), scheme: 'VIETGAP', number: '', issuer: '', issuedOn: '', expiresOn: '' };
}

export function emptyDraft(): ProductDraft {
  return {
    nameVi: '',
    nameEn: '',
    descriptionVi: '',
    descriptionEn: '',
    categoryCode: '',
    unit: 'KGM',
    priceMin: '',
    priceMax: '',
    minOrder: '',
    capacityPerMonth: '',
    availableMonths: [],
    packaging: '',
    ocopStars: '',
    ocopYear: '',
    brandMode: 'none',
    brandId: '',
    brandName: '',
    brandKind: 'OWN_BRAND',
    brandRegistration: '',
    certifications: [],
    images: [],
  };
}

const numberText = (value: number | null): string => (value == null ? '' : String(value));
const moneyText = (value: number | null): string => (value == null ? '' : formatNumber(value));

export function draftFromProduct(p: ProductForm_ProductFragment): ProductDraft {
  return {
    nameVi: p.nameVi,
    nameEn: p.nameEn ?? '',
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn ?? '',
    categoryCode: p.category.code,
    unit: p.unit,
    priceMin: moneyText(p.priceMin),
    priceMax: moneyText(p.priceMax),
    minOrder: numberText(p.minOrder),
    capacityPerMonth: numberText(p.capacityPerMonth),
    availableMonths: [...p.availableMonths].sort((a, b) => a - b),
    packaging: p.packaging,
    ocopStars: numberText(p.ocopStars),
    ocopYear: numberText(p.ocopYear),
    brandMode: p.brand ? 'existing' : 'none',
    brandId: p.brand?.id ?? '',
    brandName: '',
    brandKind: 'OWN_BRAND',
    brandRegistration: '',
    certifications: p.certifications.map((c) => ({
      key: newRowKey(),
      scheme: c.scheme,
      number: c.number,
      issuer: c.issuer,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn ?? '',
    })),
    images: p.images.map((i) => ({ id: i.id, url: i.url })),
  };
}

const optionalNumber = (text: string): number | null => (text.trim() ? Number(text) : null);
const optionalText = (text: string): string | null => text.trim() || null;

/** The fields shared by create and update; lists are sent whole because they replace. */
export function draftToInput(d: ProductDraft): Omit<CreateProductInput, 'cooperativeId'> {
  return {
    nameVi: d.nameVi.trim(),
    nameEn: optionalText(d.nameEn),
    descriptionVi: d.descriptionVi.trim(),
    descriptionEn: optionalText(d.descriptionEn),
    categoryCode: d.categoryCode,
    unit: d.unit,
    priceMin: parseVndInput(d.priceMin),
    priceMax: parseVndInput(d.priceMax),
    minOrder: optionalNumber(d.minOrder),
    capacityPerMonth: optionalNumber(d.capacityPerMonth),
    availableMonths: d.availableMonths,
    packaging: d.packaging.trim(),
    ocopStars: optionalNumber(d.ocopStars),
    ocopYear: d.ocopStars ? optionalNumber(d.ocopYear) : null,
    brandId: d.brandMode === 'existing' ? d.brandId || null : null,
    brand:
      d.brandMode === 'new' ? { name: d.brandName.trim(), kind: d.brandKind, registrationNumber: optionalText(d.brandRegistration) } : null,
    certifications: d.certifications.map((c) => ({
      scheme: c.scheme,
      number: c.number.trim(),
      issuer: c.issuer.trim(),
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn || null,
    })),
    imageUploadIds: d.images.map((i) => i.id),
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean =>
  a.length === b.length && a.every((item, i) => key(item) === key(b[i] as T));

const certificationKey = (c: CertificationDraft): string => [c.scheme, c.number.trim(), c.issuer.trim(), c.issuedOn, c.expiresOn].join('|');

/**
 * An update sends lists only when they changed: the server replaces them
 * whole and accepts only images the editing user uploaded, so resending
 * photos a colleague added would be refused.
 */
export function draftToUpdateInput(d: ProductDraft, initial: ProductDraft): Omit<CreateProductInput, 'cooperativeId'> {
  const input = draftToInput(d);
  if (sameList(d.images, initial.images, (i) => i.id)) delete input.imageUploadIds;
  if (sameList(d.certifications, initial.certifications, certificationKey)) delete input.certifications;
  if (d.brandMode === initial.brandMode && d.brandId === initial.brandId && d.brandMode !== 'new') {
    delete input.brandId;
    delete input.brand;
  }
  return input;
}

/** Field order on screen, so focus goes to the first error a person would meet. */
export const FIELD_ORDER = [
  'nameVi',
  'nameEn',
  'categoryCode',
  'unit',
  'priceMin',
  'priceMax',
  'minOrder',
  'capacityPerMonth',
  'ocopStars',
  'ocopYear',
  'brandId',
  'brand.name',
] as const;

export function validateDraft(d: ProductDraft, thisYear: number): FieldErrors {
  const min = parseVndInput(d.priceMin);
  const max = parseVndInput(d.priceMax);
  const year = Number(d.ocopYear);
  const checks: [string, ReturnType<typeof required>][] = [
    ['nameVi', required(d.nameVi)],
    ['categoryCode', required(d.categoryCode)],
    ['unit', required(d.unit)],
    ['priceMax', min != null && max != null && min > max ? 'priceRange' : null],
    ['minOrder', nonNegative(d.minOrder)],
    ['capacityPerMonth', nonNegative(d.capacityPerMonth)],
    ['ocopYear', d.ocopStars && (!Number.isInteger(year) || year < 2018 || year > thisYear) ? (d.ocopYear ? 'invalid' : 'required') : null],
    ['brandId', d.brandMode === 'existing' ? required(d.brandId) : null],
    ['brand.name', d.brandMode === 'new' ? required(d.brandName) : null],
  ];
  d.certifications.forEach((c, i) => {
    checks.push(
      [`certifications.${i}.number`, required(c.number)],
      [`certifications.${i}.issuer`, required(c.issuer)],
      [`certifications.${i}.issuedOn`, required(c.issuedOn)],
      [`certifications.${i}.expiresOn`, c.expiresOn && c.issuedOn && c.expiresOn < c.issuedOn ? 'dateRange' : null],
    );
  });
  return collect(checks);
}
