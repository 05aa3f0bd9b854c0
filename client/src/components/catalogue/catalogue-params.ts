import type { CertificationScheme, ProductFilter, ProductSort, Sector } from '@cooplink/schema/types';
import { CERTIFICATION_SCHEMES, oneOf, PRODUCT_SORTS, SECTORS } from '../../enums';

/** The catalogue's state lives in the URL so any search can be bookmarked or shared. */
export interface CatalogueParams {
  q: string;
  category?: string;
  area?: string;
  cert?: CertificationScheme;
  stars?: number;
  sector?: Sector;
  sort: ProductSort;
}

export const FILTER_PARAMS = ['category', 'area', 'cert', 'stars', 'sector'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const PAGE_SIZE = 20;

export function readCatalogueParams(search: URLSearchParams): CatalogueParams {
  const stars = Number(search.get('stars'));
  const q = (search.get('q') ?? '').trim();
  return {
    q,
    category: search.get('category') || undefined,
    area: search.get('area') || undefined,
    cert: oneOf(CERTIFICATION_SCHEMES, search.get('cert')),
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : undefined,
    sector: oneOf(SECTORS, search.get('sector')),
    // Relevance means nothing without a query; newest first is the useful default then.
    sort: oneOf(PRODUCT_SORTS, search.get('sort')) ?? (q ? 'RELEVANCE' : 'NEWEST'),
  };
}

export function catalogueVariables(params: CatalogueParams) {
  const filter: ProductFilter = {};
  if (params.category) filter.categoryCode = params.category;
  if (params.area) filter.areaCode = params.area;
  if (params.cert) filter.certification = params.cert;
  if (params.stars) filter.minOcopStars = params.stars;
  if (params.sector) filter.sector = params.sector;
  return {
    search: params.q || null,
    filter,
    sort: params.sort,
    first: PAGE_SIZE,
  };
}

/** The current URL with one parameter set, replaced or removed. */
export function withParam(search: URLSearchParams, name: string, value: string | null): string {
  const next = new URLSearchParams(search);
  if (value === null || value === '') next.delete(name);
  else next.set(name, value);
  const text = next.toString();
  return text ? `/products?${text}` : '/products';
}
