import type { EntityManager } from 'typeorm';
import type { ClassCode, CoopFacts, SectorCode, StatusCode } from './figures';

export interface CoopRecord extends CoopFacts {
  name: string;
  registrationNumber: string;
  subsector: string;
  areaCode: string;
  areaName: string;
  memberCount: number;
  charterCapital: number;
  isPilot: boolean;
  isModel: boolean;
  verified: boolean;
  score: number | null;
}

/**
 * Every cooperative under the given areas with what the figures need, in
 * three grouped scans rather than one query per cooperative. `today` decides
 * which certificates are still valid.
 */
export async function loadFacts(
  em: EntityManager,
  codes: readonly string[],
  groupOf: ReadonlyMap<string, string>,
  today: string,
  scoreYear: number,
): Promise<CoopRecord[]> {
  const rows: Array<{
    id: string;
    name: string;
    registration_number: string;
    sector: SectorCode;
    subsector: string;
    area_code: string;
    area_name: string;
    status: StatusCode;
    established_on: string;
    member_count: number;
    charter_capital: string;
    is_pilot: boolean;
    is_model: boolean;
    verified: boolean;
    classes: Record<string, ClassCode> | null;
    score: string | null;
    published: number | null;
    certified: number | null;
    ocop: number | null;
    fairs: number | null;
    linkages: number | null;
    agreements: number | null;
    agreement_value: string | null;
  }> = await em.query(
    `WITH c AS (SELECT * FROM cooperative WHERE area_code = ANY($1::text[])),
     r AS (SELECT cooperative_id, jsonb_object_agg(year::text, rating_class) AS classes,
                  max(score) FILTER (WHERE year = $3) AS score
             FROM cooperative_rating WHERE cooperative_id IN (SELECT id FROM c) GROUP BY cooperative_id),
     p AS (SELECT p.cooperative_id, count(*)::int AS published,
                  count(*) FILTER (WHERE p.ocop_stars IS NOT NULL)::int AS ocop,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM certification x WHERE x.product_id = p.id
                     AND x.issued_on <= $2::date AND (x.expires_on IS NULL OR x.expires_on >= $2::date)))::int AS certified
             FROM product p WHERE p.status = 'PUBLISHED' AND p.cooperative_id IN (SELECT id FROM c) GROUP BY p.cooperative_id),
     f AS (SELECT cooperative_id, count(DISTINCT fair_id)::int AS fairs FROM fair_registration
            WHERE status = 'ACCEPTED' AND cooperative_id IN (SELECT id FROM c) GROUP BY cooperative_id),
     l AS (SELECT k.cooperative_id, count(*)::int AS linkages, count(a.linkage_id)::int AS agreements,
                  coalesce(sum(a.total_value), 0)::text AS agreement_value
             FROM linkage k LEFT JOIN agreement a ON a.linkage_id = k.id
            WHERE k.status <> 'DECLINED' AND k.cooperative_id IN (SELECT id FROM c) GROUP BY k.cooperative_id)
     SELECT c.id, c.name, c.registration_number, c.sector, c.subsector, c.area_code, a.name AS area_name, c.status,
            c.established_on::text AS established_on, c.member_count, c.charter_capital::text AS charter_capital,
            c.is_pilot, c.is_model, c.verified_at IS NOT NULL AS verified, r.classes, r.score::text AS score,
            p.published, p.certified, p.ocop, f.fairs, l.linkages, l.agreements, l.agreement_value
       FROM c JOIN area a ON a.code = c.area_code LEFT JOIN r ON r.cooperative_id = c.id LEFT JOIN p ON p.cooperative_id = c.id
            LEFT JOIN f ON f.cooperative_id = c.id LEFT JOIN l ON l.cooperative_id = c.id
      ORDER BY a.name, c.name, c.id`,
    [codes, today, scoreYear],
  );
  return rows.map((r) => ({
    id: r.id,
    groupCode: groupOf.get(r.area_code) ?? r.area_code,
    sector: r.sector,
    status: r.status,
    establishedOn: r.established_on,
    classes: new Map(Object.entries(r.classes ?? {}).map(([y, k]) => [Number(y), k])),
    publishedProducts: r.published ?? 0,
    certifiedProducts: r.certified ?? 0,
    ocopProducts: r.ocop ?? 0,
    fairsJoined: r.fairs ?? 0,
    linkages: r.linkages ?? 0,
    agreements: r.agreements ?? 0,
    agreementValue: Number(r.agreement_value ?? 0),
    name: r.name,
    registrationNumber: r.registration_number,
    subsector: r.subsector,
    areaCode: r.area_code,
    areaName: r.area_name,
    memberCount: r.member_count,
    charterCapital: Number(r.charter_capital),
    isPilot: r.is_pilot,
    isModel: r.is_model,
    verified: r.verified,
    score: r.score === null ? null : Number(r.score),
  }));
}
