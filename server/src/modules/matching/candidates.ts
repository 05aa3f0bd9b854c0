import type { EntityManager } from 'typeorm';
import type { Need } from '../need/need.entity';
import type { CandidateLike, NeedLike, RatingClassName } from './score';

/** Weight units we can convert between; anything else compares only with itself. */
const TO_KG: Record<string, number> = { GRM: 0.001, KGM: 1, TNE: 1000 };

/** A capacity in `from` units expressed in `to` units, or null when they do not compare. */
export function convertQuantity(value: number | null, from: string, to: string): number | null {
  if (value === null) return null;
  if (from === to) return value;
  const a = TO_KG[from];
  const b = TO_KG[to];
  return a !== undefined && b !== undefined ? (value * a) / b : null;
}

/** Calendar months (1–12) touched by a delivery window. */
export function monthsBetween(from: string, to: string): number[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const span = (ty - fy) * 12 + (tm - fm);
  if (span >= 11) return [];
  const months = new Set<number>();
  for (let i = 0; i <= span; i++) months.add(((fm - 1 + i) % 12) + 1);
  return [...months].sort((a, b) => a - b);
}

/**
 * Area paths already read, per database. The area tree is reference data,
 * written only when the server starts, so a path once read stays true; a
 * cooperative's inbox asks for the same few delivery areas over and over.
 */
const knownPaths = new WeakMap<object, Map<string, string[]>>();

/** The area and its ancestors, narrowest first. */
export async function areaPath(em: EntityManager, code: string | null): Promise<string[]> {
  if (!code) return [];
  let known = knownPaths.get(em.connection);
  if (!known) knownPaths.set(em.connection, (known = new Map()));
  const cached = known.get(code);
  if (cached) return cached;
  const rows: { code: string }[] = await em.query(
    `WITH RECURSIVE t AS (SELECT code, parent_code, 0 AS d FROM area WHERE code = $1
       UNION ALL SELECT a.code, a.parent_code, t.d + 1 FROM area a JOIN t ON a.code = t.parent_code WHERE t.d < 5)
     SELECT code FROM t ORDER BY d`,
    [code],
  );
  const path = rows.map((r) => r.code);
  // An unknown code is not remembered, so a typo cannot fill the map.
  if (path.length) known.set(code, path);
  return path;
}

export async function needLike(em: EntityManager, need: Need): Promise<NeedLike> {
  return {
    categoryCode: need.categoryCode,
    quantity: need.quantity,
    frequency: need.frequency,
    deliveryMonths: monthsBetween(need.deliveryFrom, need.deliveryTo),
    deliveryAreaPath: await areaPath(em, need.deliveryAreaCode),
    priceMin: need.priceMin,
    priceMax: need.priceMax,
    negotiable: need.negotiable,
    requiredCertifications: need.requiredCertifications,
    minOcopStars: need.minOcopStars,
  };
}

export interface ProductCandidate extends CandidateLike {
  productId: string;
  cooperativeId: string;
  /** The product's own unit and capacity, for comparing against needs in other units. */
  unit: string;
  rawCapacity: number | null;
}

interface ProductRow {
  product_id: string;
  cooperative_id: string;
  category_code: string;
  unit: string;
  capacity_per_month: string | null;
  available_months: number[];
  price_min: string | null;
  price_max: string | null;
  ocop_stars: number | null;
  age_days: number;
  verified: boolean;
  area_path: (string | null)[];
  rating_class: RatingClassName;
  certs: string[];
}

/**
 * The SQL pre-filter: published products of operating cooperatives in the
 * need's taxonomy branch that already meet its hard requirements (valid
 * certificates, OCOP stars). The pure core then scores what is left.
 */
export async function productCandidates(
  em: EntityManager,
  need: Pick<Need, 'categoryCode' | 'unit' | 'requiredCertifications' | 'minOcopStars'>,
  opts: { cooperativeIds?: string[]; anyCategory?: boolean } = {},
): Promise<ProductCandidate[]> {
  const root = opts.anyCategory ? null : need.categoryCode.split('.')[0]!;
  const rows: ProductRow[] = await em.query(
    `SELECT p.id AS product_id, p.cooperative_id, p.category_code, p.unit, p.capacity_per_month, p.available_months,
            p.price_min, p.price_max, p.ocop_stars, c.verified_at IS NOT NULL AS verified,
            greatest(0, floor(extract(epoch FROM (date_trunc('day', now()) - date_trunc('day', p.updated_at))) / 86400))::int AS age_days,
            ARRAY[a1.code, a2.code, a3.code] AS area_path,
            coalesce((SELECT r.rating_class FROM cooperative_rating r WHERE r.cooperative_id = c.id ORDER BY r.year DESC LIMIT 1), 'UNRATED') AS rating_class,
            coalesce((SELECT array_agg(DISTINCT ce.scheme ORDER BY ce.scheme) FROM certification ce
                       WHERE ce.product_id = p.id AND ce.issued_on <= current_date AND (ce.expires_on IS NULL OR ce.expires_on >= current_date)), '{}') AS certs
       FROM product p
       JOIN cooperative c ON c.id = p.cooperative_id AND c.status = 'OPERATING'
       LEFT JOIN area a1 ON a1.code = c.area_code
       LEFT JOIN area a2 ON a2.code = a1.parent_code
       LEFT JOIN area a3 ON a3.code = a2.parent_code
      WHERE p.status = 'PUBLISHED' AND ($1::text IS NULL OR split_part(p.category_code, '.', 1) = $1)
        AND ($2::smallint IS NULL OR p.ocop_stars >= $2)
        AND ($3::uuid[] IS NULL OR p.cooperative_id = ANY($3::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) AS req(scheme)
                         WHERE NOT EXISTS (SELECT 1 FROM certification ce WHERE ce.product_id = p.id AND ce.scheme = req.scheme
                                             AND ce.issued_on <= current_date AND (ce.expires_on IS NULL OR ce.expires_on >= current_date)))`,
    [root, need.minOcopStars, opts.cooperativeIds ?? null, need.requiredCertifications],
  );
  return rows.map((r) => toCandidate(r, need.unit));
}

function toCandidate(r: ProductRow, needUnit: string): ProductCandidate {
  return {
    productId: r.product_id,
    cooperativeId: r.cooperative_id,
    unit: r.unit,
    rawCapacity: r.capacity_per_month === null ? null : Number(r.capacity_per_month),
    categoryCode: r.category_code,
    capacityPerMonth: convertQuantity(r.capacity_per_month === null ? null : Number(r.capacity_per_month), r.unit, needUnit),
    availableMonths: r.available_months,
    areaPath: r.area_path.filter((c): c is string => !!c),
    certifications: r.certs,
    ocopStars: r.ocop_stars,
    priceMin: r.price_min === null ? null : Number(r.price_min),
    priceMax: r.price_max === null ? null : Number(r.price_max),
    ratingClass: r.rating_class,
    verified: r.verified,
    ageDays: r.age_days,
  };
}

/**
 * An input offer seen as a candidate for a cooperative's input demand. The
 * certification and OCOP requirements are about farm produce, so an offer
 * counts as meeting them; rating does not apply to businesses.
 */
export async function offerAsCandidate(
  em: EntityManager,
  offer: Need,
  demand: Need,
  verified: boolean,
  ageDays: number,
): Promise<CandidateLike> {
  return {
    categoryCode: offer.categoryCode,
    capacityPerMonth: convertQuantity(offer.quantity, offer.unit, demand.unit),
    availableMonths: monthsBetween(offer.deliveryFrom, offer.deliveryTo),
    // An offer delivered anywhere reaches the cooperative wherever it is.
    areaPath: await areaPath(em, offer.deliveryAreaCode ?? demand.deliveryAreaCode),
    certifications: [...demand.requiredCertifications],
    ocopStars: demand.minOcopStars ?? null,
    priceMin: offer.priceMin,
    priceMax: offer.priceMax,
    ratingClass: 'UNRATED',
    verified,
    ageDays,
  };
}
