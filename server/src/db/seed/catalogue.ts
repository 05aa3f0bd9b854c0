import type { Row } from './bulk';
import type { CooperativeContext } from './cooperatives';
import { BRAND_WORDS } from './data/names';
import type { FeaturedProduct } from './data/featured';
import { LINES_BY_KEY, PRODUCT_LINES, PRODUCTS_PER_COOPERATIVE, type BrandKind, type ProductLine, type Scheme } from './data/product-lines';
import { addDays, addMonths, officeTime, randomDate } from './dates';
import { Random } from './random';

export const BRAND_COLUMNS = {
  id: 'uuid',
  cooperative_id: 'uuid',
  name: 'text',
  kind: 'text',
  registration_number: 'text',
  created_at: 'timestamptz',
} as const;

export const PRODUCT_COLUMNS = {
  id: 'uuid',
  cooperative_id: 'uuid',
  category_code: 'text',
  brand_id: 'uuid',
  name_vi: 'text',
  name_en: 'text',
  description_vi: 'text',
  description_en: 'text',
  unit: 'text',
  price_min: 'bigint',
  price_max: 'bigint',
  min_order: 'numeric',
  capacity_per_month: 'numeric',
  available_months: 'smallint[]',
  packaging: 'text',
  ocop_stars: 'smallint',
  ocop_year: 'smallint',
  status: 'text',
  published_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

export const CERTIFICATION_COLUMNS = {
  id: 'uuid',
  product_id: 'uuid',
  scheme: 'text',
  number: 'text',
  issuer: 'text',
  issued_on: 'date',
  expires_on: 'date',
  created_at: 'timestamptz',
} as const;

/** Months a certificate of each scheme runs; OCOP's 36 months are from Decision 148, VietGAP's 2 years from its rules. */
export const CERTIFICATE_MONTHS: Record<Scheme | 'OCOP', number> = {
  VIETGAP: 24,
  GLOBALGAP: 12,
  ORGANIC: 24,
  HACCP: 36,
  ISO22000: 36,
  OCOP: 36,
};

/**
 * Where certificates stand on the day the demo is built, so the expiry reminders
 * and the "expired" badge always have something to show.
 */
export const CERTIFICATE_STANDING = { expired: 0.18, expiringSoon: 0.12, expiringSoonDays: 60 } as const;

/** Demo certifiers: made-up names, so no real body appears to vouch for made-up products. */
const ISSUERS: Record<Scheme, readonly string[]> = {
  VIETGAP: [
    'Trung tâm Chứng nhận Chất lượng Cửu Long',
    'Công ty CP Chứng nhận Nông nghiệp Phương Nam',
    'Trung tâm Giám định và Chứng nhận Mekong',
  ],
  GLOBALGAP: ['Mekong Farm Assurance Ltd.', 'Asia Good Practice Certification'],
  ORGANIC: ['Tổ chức Chứng nhận Hữu cơ Phương Nam', 'Mekong Organic Certification'],
  HACCP: ['Công ty CP Chứng nhận An toàn Thực phẩm Sông Hậu', 'Trung tâm Chứng nhận Chất lượng Cửu Long'],
  ISO22000: ['Công ty CP Chứng nhận An toàn Thực phẩm Sông Hậu'],
};

/** Running numbers for certificate and brand registrations, shared across a run. */
export class Serials {
  private n = 0;
  next(): string {
    this.n++;
    return String(this.n).padStart(5, '0');
  }
}

export interface GeneratedCatalogue {
  brands: Row[];
  products: Row[];
  certifications: Row[];
}

const LAST_CATALOGUE_DAY = '2025-11-20';

/** Brands, products and certificates for one cooperative. */
export function generateCatalogue(
  coop: CooperativeContext,
  args: { seed: number; replica: number; today: string; serials: Serials },
  out: GeneratedCatalogue,
): void {
  const { seed, replica, today, serials } = args;
  const rng = Random.stream(seed, 'catalogue', replica, coop.slot.index);
  const featured = coop.featured ? coop.slot.featured : undefined;
  const offers: Array<{ line: ProductLine; fixed?: FeaturedProduct }> =
    featured && featured.products.length > 0
      ? featured.products.map((p) => ({ line: lineOf(p.line), fixed: p }))
      : pickLines(coop, rng).map((line) => ({ line }));
  if (offers.length === 0) return;

  const brands = new Map<string, string>();
  const brandFor = (name: string, kind: BrandKind): string => {
    const known = brands.get(name);
    if (known) return known;
    const id = rng.uuid();
    const year = Math.max(coop.establishedYear, rng.int(2017, 2024));
    out.brands.push({
      id,
      cooperative_id: coop.id,
      name,
      kind,
      registration_number: kind === 'OWN_BRAND' && rng.chance(0.45) ? `NH-84-${year}-${serials.next()}` : null,
      created_at: officeTime(rng, coop.joinedOn),
    });
    brands.set(name, id);
    return id;
  };
  const namedOwnBrand = featured?.products.find((p) => p.brand?.kind === 'OWN_BRAND')?.brand?.name;
  const ownBrand = namedOwnBrand ?? (rng.chance(0.55) ? `${rng.pick(BRAND_WORDS)} ${coop.placeWord}` : undefined);

  for (const { line, fixed } of offers) {
    const id = rng.uuid();
    const [variantVi, variantEn] = rng.pick(line.names);
    let nameVi = fixed?.vi ?? variantVi;
    let nameEn: string | null = fixed?.en ?? (rng.chance(0.9) ? variantEn : null);
    if (!fixed && rng.chance(0.3) && !/Cầu Kè|Cầu Ngang|Duyên Hải|Trà Cuôn/u.test(nameVi)) {
      nameVi = `${nameVi} ${coop.placeWord}`;
      if (nameEn) nameEn = `${nameEn}, ${coop.placeWord}`;
    }

    const brandId = fixed?.brand
      ? brandFor(fixed.brand.name, fixed.brand.kind)
      : line.sharedBrand
        ? brandFor(line.sharedBrand.name, line.sharedBrand.kind)
        : ownBrand && rng.chance(0.75)
          ? brandFor(ownBrand, 'OWN_BRAND')
          : null;

    const [lo, hi] = line.price;
    const priced = fixed || rng.chance(0.94);
    const priceMin = roundPrice(lo + (hi - lo) * rng.float(0, 0.6));
    const priceMax = Math.max(priceMin, roundPrice(priceMin + (hi - priceMin) * rng.float(0.2, 1)));
    const size = Math.max(0.4, Math.min(3, coop.slot.featured?.members ? coop.slot.featured.members / 35 : rng.float(0.5, 1.8)));
    const capacity = roundQuantity(rng.float(line.capacity[0], line.capacity[1]) * size);

    const status = productStatus(coop, !!fixed, rng);
    const createdOn = randomDate(rng, coop.joinedOn < LAST_CATALOGUE_DAY ? coop.joinedOn : LAST_CATALOGUE_DAY, LAST_CATALOGUE_DAY);
    const createdAt = officeTime(rng, createdOn);
    const publishedAt = status === 'DRAFT' ? null : officeTime(rng, addDays(createdOn, rng.int(0, 7)));
    const updatedAt = status === 'ARCHIVED' ? officeTime(rng, addDays(createdOn, rng.int(8, 120))) : (publishedAt ?? createdAt);

    const ocop = fixed
      ? fixed.ocop
      : rng.chance(line.ocop)
        ? { stars: rng.weighted(STARS), year: Math.max(coop.establishedYear + 1, rng.weighted(OCOP_YEARS)) }
        : undefined;

    out.products.push({
      id,
      cooperative_id: coop.id,
      category_code: line.category,
      brand_id: brandId,
      name_vi: nameVi,
      name_en: nameEn,
      description_vi: line.description[0],
      description_en: nameEn ? line.description[1] : null,
      unit: line.unit,
      price_min: priced ? priceMin : null,
      price_max: priced ? priceMax : null,
      min_order: rng.pick(line.minOrder),
      capacity_per_month: capacity,
      available_months: line.months,
      packaging: rng.pick(line.packaging),
      ocop_stars: ocop ? ocop.stars : null,
      ocop_year: ocop ? Math.min(2025, ocop.year) : null,
      status,
      published_at: publishedAt,
      created_at: createdAt,
      updated_at: updatedAt,
    });

    const schemes =
      fixed?.certs ?? (Object.entries(line.certs) as Array<[Scheme, number]>).filter(([, p]) => rng.chance(p)).map(([s]) => s);
    for (const scheme of schemes) {
      const expires = certificateExpiry(rng, today, CERTIFICATE_MONTHS[scheme], !!fixed);
      const issued = addMonths(expires, -CERTIFICATE_MONTHS[scheme]);
      const year = issued.slice(0, 4);
      out.certifications.push({
        id: rng.uuid(),
        product_id: id,
        scheme,
        number: certificateNumber(scheme, year, serials, rng),
        issuer: rng.pick(ISSUERS[scheme]),
        issued_on: issued,
        expires_on: expires,
        created_at: createdAt,
      });
    }
    if (ocop) {
      const year = Math.min(2025, ocop.year);
      const issued = randomDate(rng, `${year}-06-01`, year === 2025 ? LAST_CATALOGUE_DAY : `${year}-12-20`);
      out.certifications.push({
        id: rng.uuid(),
        product_id: id,
        scheme: 'OCOP',
        number: `OCOP-84-${year}-${serials.next()}`,
        // Five-star products are recognised nationally, three and four stars by the province.
        issuer: ocop.stars === 5 ? 'Bộ Nông nghiệp và Phát triển nông thôn' : 'UBND tỉnh Trà Vinh',
        issued_on: issued,
        expires_on: addMonths(issued, CERTIFICATE_MONTHS.OCOP),
        created_at: createdAt,
      });
    }
  }
}

const STARS: ReadonlyArray<readonly [3 | 4, number]> = [
  [3, 0.62],
  [4, 0.38],
];
/**
 * OCOP recognition years from 2019, weighted to 2022 (the province's big round,
 * 104 products) and later: certificates lapse after 36 months and get renewed.
 */
const OCOP_YEARS: ReadonlyArray<readonly [number, number]> = [
  [2019, 1],
  [2020, 1],
  [2021, 2],
  [2022, 4],
  [2023, 4],
  [2024, 4],
  [2025, 3],
];

function lineOf(key: string): ProductLine {
  const line = LINES_BY_KEY.get(key);
  if (!line) throw new Error(`unknown product line ${key}`);
  return line;
}

/** Distinct lines typical of the cooperative's work and district. */
function pickLines(coop: CooperativeContext, rng: Random): ProductLine[] {
  const { subsector, district } = coop.slot;
  const wanted = rng.pick(PRODUCTS_PER_COOPERATIVE[subsector]);
  const pool = PRODUCT_LINES.filter((l) => l.subsectors.includes(subsector) && (!l.districts || l.districts.includes(district)));
  const chosen: ProductLine[] = [];
  while (chosen.length < wanted && chosen.length < pool.length) {
    const line = rng.weighted(pool.filter((l) => !chosen.includes(l)).map((l) => [l, l.weight] as const));
    chosen.push(line);
  }
  return chosen;
}

/** A stopped or unverified cooperative cannot have live listings; the rest are mostly live. */
function productStatus(coop: CooperativeContext, fixed: boolean, rng: Random): 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' {
  const { status, verified } = coop.slot;
  if (status === 'DISSOLVED' || status === 'DISSOLVING') return 'ARCHIVED';
  if (status === 'SUSPENDED') return rng.chance(0.5) ? 'ARCHIVED' : 'DRAFT';
  if (!verified) return 'DRAFT';
  if (fixed) return 'PUBLISHED';
  return rng.weighted([
    ['PUBLISHED', 0.88],
    ['DRAFT', 0.08],
    ['ARCHIVED', 0.04],
  ] as const);
}

/** Expiry relative to today: mostly valid, some lapsing within weeks, some already lapsed. */
function certificateExpiry(rng: Random, today: string, months: number, showcase: boolean): string {
  const r = showcase ? 1 : rng.next();
  if (r < CERTIFICATE_STANDING.expired) return addDays(today, -rng.int(1, 400));
  if (r < CERTIFICATE_STANDING.expired + CERTIFICATE_STANDING.expiringSoon)
    return addDays(today, rng.int(1, CERTIFICATE_STANDING.expiringSoonDays));
  return addDays(
    today,
    rng.int(CERTIFICATE_STANDING.expiringSoonDays + 1, Math.max(CERTIFICATE_STANDING.expiringSoonDays + 2, months * 30 - 10)),
  );
}

function certificateNumber(scheme: Scheme, year: string, serials: Serials, rng: Random): string {
  switch (scheme) {
    case 'VIETGAP':
      return `VG-84-${year}-${serials.next()}`;
    case 'GLOBALGAP':
      return `GGN 40${String(rng.int(0, 99_999)).padStart(5, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    case 'ORGANIC':
      return `HC-${year}-${serials.next()}`;
    case 'HACCP':
      return `HACCP-${year}-${serials.next()}`;
    case 'ISO22000':
      return `ISO22000-${year}-${serials.next()}`;
  }
}

/** Prices people quote: to the thousand dong, to the hundred below 10,000, to 50,000 per tonne. */
function roundPrice(vnd: number): number {
  if (vnd >= 1_000_000) return Math.round(vnd / 50_000) * 50_000;
  if (vnd >= 10_000) return Math.round(vnd / 1000) * 1000;
  return Math.max(100, Math.round(vnd / 100) * 100);
}

function roundQuantity(q: number): number {
  if (q >= 1000) return Math.round(q / 100) * 100;
  if (q >= 100) return Math.round(q / 10) * 10;
  return Math.max(1, Math.round(q));
}
