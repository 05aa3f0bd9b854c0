import type { EntityManager } from 'typeorm';
import type { Need } from '../need/need.entity';
import type { Bounded } from './prune';
import { MATCH_WEIGHTS, categoryShare, type CandidateLike, type NeedLike, type RatingClassName } from './score';

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

/** The area and its ancestors, narrowest first. */
export async function areaPath(em: EntityManager, code: string | null): Promise<string[]> {
  if (!code) return [];
  const rows: { code: string }[] = await em.query(
    `WITH RECURSIVE t AS (SELECT code, parent_code, 0 AS d FROM area WHERE code = $1
       UNION ALL SELECT a.code, a.parent_code, t.d + 1 FROM area a JOIN t ON a.code = t.parent_code WHERE t.d < 5)
     SELECT code FROM t ORDER BY d`,
    [code],
  );
  return rows.map((r) => r.code);
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
  opts: { cooperativeId?: string; anyCategory?: boolean } = {},
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
        AND ($3::uuid IS NULL OR p.cooperative_id = $3)
        AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) AS req(scheme)
                         WHERE NOT EXISTS (SELECT 1 FROM certification ce WHERE ce.product_id = p.id AND ce.scheme = req.scheme
                                             AND ce.issued_on <= current_date AND (ce.expires_on IS NULL OR ce.expires_on >= current_date)))`,
    [root, need.minOcopStars, opts.cooperativeId ?? null, need.requiredCertifications],
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

/** Points the category factor can give each category of the need's branch, from the pure core, rounded up. */
async function categoryPoints(em: EntityManager, wanted: string): Promise<{ codes: string[]; points: number[] }> {
  const rows: { code: string }[] = await em.query(`SELECT code FROM category WHERE split_part(code, '.', 1) = $1`, [wanted.split('.')[0]]);
  const codes = rows.map((r) => r.code);
  return { codes, points: codes.map((code) => Math.ceil(MATCH_WEIGHTS.CATEGORY * categoryShare(wanted, code)[1] * 100) / 100) };
}

/** Reads one batch of an offtake need's candidates, best bound first; `total` counts every candidate. */
export type BoundedBatchReader = (offset: number, size: number) => Promise<{ total: number; rows: Bounded<ProductCandidate>[] }>;

/**
 * The same candidates as `productCandidates` for an offtake need, read in
 * batches ordered by an upper bound of their score that PostgreSQL computes
 * from product and cooperative columns alone: category (from the core's own
 * shares), capacity, season, area, price and freshness as the core scores
 * them, and the most the certification and rating factors could give. Each
 * factor's bound is at least the core's value before rounding, and the sum
 * gets a margin for the core's rounding to hundredths, so no exact score is
 * ever above its bound. Ratings and certificates, the costly lookups, are read
 * only for the rows of the batch.
 */
export async function boundedProductCandidates(em: EntityManager, need: Need, wanted: NeedLike): Promise<BoundedBatchReader> {
  const cats = await categoryPoints(em, need.categoryCode);
  const priceUnknown = wanted.negotiable || (wanted.priceMin === null && wanted.priceMax === null);
  return async (offset, size) => {
    const rows: (ProductRow & { bound: number; total: string })[] = await em.query(
      `WITH cat AS (SELECT * FROM unnest($4::text[], $5::float8[]) AS cp(code, pts)),
       b AS (
         SELECT p.id AS product_id, p.cooperative_id, p.category_code, p.unit, p.capacity_per_month, p.available_months,
                p.price_min, p.price_max, p.ocop_stars, c.verified_at IS NOT NULL AS verified,
                greatest(0, floor(extract(epoch FROM (date_trunc('day', now()) - date_trunc('day', p.updated_at))) / 86400))::int AS age_days,
                ARRAY[a1.code, a2.code, a3.code] AS area_path, c.id AS coop_id,
                coalesce(cat.pts, 25::float8)
                + CASE WHEN p.capacity_per_month IS NULL THEN 5 WHEN p.unit <> $6 OR $7::float8 <= 0 THEN 20
                       ELSE 20 * least(1, p.capacity_per_month::float8 / $7::float8) END
                + CASE WHEN cardinality($8::int[]) = 0 OR cardinality(p.available_months) = 0 THEN 12
                       ELSE 12 * (SELECT count(*) FROM unnest($8::int[]) AS m(month) WHERE m.month = ANY(p.available_months))::float8 / cardinality($8::int[]) END
                + 10
                + CASE WHEN cardinality($9::text[]) = 0 OR $9[1] IN (a1.code, a2.code, a3.code) THEN 10
                       WHEN $9[2] IN (a1.code, a2.code, a3.code) THEN 7
                       WHEN $9[3] IN (a1.code, a2.code, a3.code) THEN 4 ELSE 2 END
                + CASE WHEN $12::boolean OR (p.price_min IS NULL AND p.price_max IS NULL) THEN 6
                       WHEN coalesce(p.price_min, p.price_max)::float8 <= $11::float8 AND coalesce(p.price_max, p.price_min)::float8 >= $10::float8 THEN 10
                       WHEN coalesce(p.price_min, p.price_max)::float8 > $11::float8
                         THEN 10 * greatest(0, 1 - (coalesce(p.price_min, p.price_max)::float8 - $11::float8) / greatest($11::float8, 1))
                       ELSE 8 END
                + CASE WHEN c.verified_at IS NOT NULL THEN 8::float8 ELSE 5.6::float8 END
                + 5 * power(0.5::float8, greatest(0, floor(extract(epoch FROM (date_trunc('day', now()) - date_trunc('day', p.updated_at))) / 86400))::float8 / 180)
                + 0.1::float8 AS bound,
                count(*) OVER () AS total
           FROM product p
           JOIN cooperative c ON c.id = p.cooperative_id AND c.status = 'OPERATING'
           LEFT JOIN area a1 ON a1.code = c.area_code
           LEFT JOIN area a2 ON a2.code = a1.parent_code
           LEFT JOIN area a3 ON a3.code = a2.parent_code
           LEFT JOIN cat ON cat.code = p.category_code
          WHERE p.status = 'PUBLISHED' AND split_part(p.category_code, '.', 1) = $1
            AND ($2::smallint IS NULL OR p.ocop_stars >= $2)
            AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS req(scheme)
                             WHERE NOT EXISTS (SELECT 1 FROM certification ce WHERE ce.product_id = p.id AND ce.scheme = req.scheme
                                                 AND ce.issued_on <= current_date AND (ce.expires_on IS NULL OR ce.expires_on >= current_date)))
          ORDER BY bound DESC, p.id
          LIMIT $13 OFFSET $14)
       SELECT b.*,
              coalesce((SELECT r.rating_class FROM cooperative_rating r WHERE r.cooperative_id = b.coop_id ORDER BY r.year DESC LIMIT 1), 'UNRATED') AS rating_class,
              coalesce((SELECT array_agg(DISTINCT ce.scheme ORDER BY ce.scheme) FROM certification ce
                         WHERE ce.product_id = b.product_id AND ce.issued_on <= current_date AND (ce.expires_on IS NULL OR ce.expires_on >= current_date)), '{}') AS certs
         FROM b ORDER BY b.bound DESC, b.product_id`,
      [
        need.categoryCode.split('.')[0],
        need.minOcopStars,
        need.requiredCertifications,
        cats.codes,
        cats.points,
        need.unit,
        wanted.quantity,
        wanted.deliveryMonths,
        wanted.deliveryAreaPath,
        wanted.priceMin ?? 0,
        wanted.priceMax ?? Number.MAX_SAFE_INTEGER,
        priceUnknown,
        size,
        offset,
      ],
    );
    return {
      total: rows.length ? Number(rows[0]!.total) : 0,
      rows: rows.map((r) => ({ bound: Number(r.bound), candidate: toCandidate(r, need.unit) })),
    };
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
