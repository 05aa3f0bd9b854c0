import type {
  BrandKind,
  BusinessKind,
  CertificationScheme,
  CooperativeStatus,
  ProductSort,
  ProductStatus,
  RatingClass,
  Sector,
} from '@cooplink/schema/types';

// Written as records so that a value added to the schema fails the type check
// here, instead of silently missing from a select or a filter.
function keysOf<T extends string>(record: Record<T, true>): readonly T[] {
  return Object.keys(record) as T[];
}

export const SECTORS = keysOf<Sector>({ AGRICULTURE: true, NON_AGRICULTURE: true });
export const PRODUCT_SORTS = keysOf<ProductSort>({ RELEVANCE: true, NEWEST: true, PRICE_ASC: true, PRICE_DESC: true });
export const CERTIFICATION_SCHEMES = keysOf<CertificationScheme>({
  VIETGAP: true,
  GLOBALGAP: true,
  ORGANIC: true,
  HACCP: true,
  ISO22000: true,
  OCOP: true,
  OTHER: true,
});
export const BRAND_KINDS = keysOf<BrandKind>({
  OWN_BRAND: true,
  COLLECTIVE_TRADEMARK: true,
  CERTIFICATION_MARK: true,
  GEOGRAPHICAL_INDICATION: true,
});
export const BUSINESS_KINDS = keysOf<BusinessKind>({
  PROCESSOR: true,
  EXPORTER: true,
  DISTRIBUTOR: true,
  RETAILER: true,
  INPUT_SUPPLIER: true,
  LOGISTICS: true,
});
export const PRODUCT_STATUSES = keysOf<ProductStatus>({ DRAFT: true, PUBLISHED: true, ARCHIVED: true });
export const COOPERATIVE_STATUSES = keysOf<CooperativeStatus>({
  OPERATING: true,
  SUSPENDED: true,
  DISSOLVING: true,
  DISSOLVED: true,
});
export const RATING_CLASSES = keysOf<RatingClass>({ GOOD: true, FAIR: true, AVERAGE: true, WEAK: true, UNRATED: true });

export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
