import type { EntityManager } from 'typeorm';
import { convertQuantity, type ProductCandidate } from './candidates';
import type { RatingClassName } from './score';

/** A published product of an operating cooperative, as the matching core reads it, with its certificates' validity. */
export interface ProductProfile {
  productId: string;
  cooperativeId: string;
  root: string;
  categoryCode: string;
  unit: string;
  capacity: number | null;
  availableMonths: number[];
  priceMin: number | null;
  priceMax: number | null;
  ocopStars: number | null;
  verified: boolean;
  areaPath: string[];
  ratingClass: RatingClassName;
  /** Days since 2000-01-01 (UTC) of the product's last update. */
  updatedDay: number;
  /** Each certificate as scheme and the first and last day it is valid, in the same day numbers. */
  certs: { scheme: string; from: number; to: number }[];
}

interface ProfileRow {
  xmin: string;
  today: number;
  product_id: string | null;
  eligible: boolean;
  cooperative_id: string;
  category_code: string;
  unit: string;
  capacity: number | null;
  available_months: number[];
  price_min: number | null;
  price_max: number | null;
  ocop_stars: number | null;
  verified: boolean;
  area_path: (string | null)[];
  rating_class: RatingClassName;
  updated_day: number;
  cert_schemes: string[];
  cert_from: number[];
  cert_to: number[];
}

/**
 * The products the matching core ranks, held in memory by each server process
 * and grouped by taxonomy branch, so that ranking a buyer's need over a
 * national catalogue reads no product rows at all.
 *
 * It stays exact: before every use it asks PostgreSQL, in one statement, for
 * the profiles changed since its last look. Triggers stamp every changed
 * `match_profile` row with the writing transaction's id; each look reads the
 * rows stamped at or after the oldest transaction that was still running at
 * the previous look (its snapshot's xmin). A transaction that committed late
 * has an id at or above that xmin, so it is never skipped; rows read twice are
 * simply applied again. What a request ranks is therefore the catalogue as of
 * that request's own look, like a query would see it.
 */
export class ProfileIndex {
  private readonly byRoot = new Map<string, Map<string, ProductProfile>>();
  /** One copy of each repeated value (ids of cooperatives, codes, area paths, month lists): most products share them. */
  private readonly shared = new Map<string, unknown>();
  private readonly groupCache = new Map<string, Map<string, ProductProfile[]>>();
  private readonly candidateCache = new Map<string, Map<string, { today: number; groups: Map<string, ProductCandidate[]> }>>();
  private xmin: string | null = null;
  private today = 0;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /**
   * Brings the index up to date with everything committed before this call,
   * and answers today's day number. Inside a transaction it answers as of its
   * last look instead, which the caller makes before opening the transaction:
   * a look from inside one could take in rows that are later rolled back, and
   * the index is shared by every request.
   */
  async current(em: EntityManager): Promise<number> {
    if (!em.queryRunner?.isTransactionActive) await this.refresh(em);
    else if (this.xmin === null) throw new Error('Look at the match profiles before opening the transaction.');
    return this.today;
  }

  /**
   * The candidates of a taxonomy branch for needs in `unit`, by category, as
   * of the last look. Kept until the branch changes or the day turns.
   */
  candidates(root: string, unit: string): ReadonlyMap<string, ProductCandidate[]> {
    let byUnit = this.candidateCache.get(root);
    if (!byUnit) this.candidateCache.set(root, (byUnit = new Map()));
    const cached = byUnit.get(unit);
    if (cached?.today === this.today) return cached.groups;
    const groups = new Map<string, ProductCandidate[]>();
    for (const [code, profiles] of this.branch(root))
      groups.set(
        code,
        profiles.map((p) => profileCandidate(p, this.today, unit)),
      );
    byUnit.set(unit, { today: this.today, groups });
    return groups;
  }

  /** The published, eligible products of a taxonomy branch, by category. */
  branch(root: string): ReadonlyMap<string, ProductProfile[]> {
    let groups = this.groupCache.get(root);
    if (!groups) {
      groups = new Map();
      for (const p of this.byRoot.get(root)?.values() ?? []) {
        const list = groups.get(p.categoryCode);
        if (list) list.push(p);
        else groups.set(p.categoryCode, [p]);
      }
      this.groupCache.set(root, groups);
    }
    return groups;
  }

  /**
   * Looks run one at a time. A caller that arrives while one is running waits
   * for the next, which starts after it: the running one may have taken its
   * snapshot before the caller's own writes committed.
   */
  private refresh(em: EntityManager): Promise<void> {
    if (!this.running) {
      this.running = this.look(em).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.refresh(em);
        });
    }
    return this.queued;
  }

  private async look(em: EntityManager): Promise<void> {
    const snapshot = `WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
                                        ((now() AT TIME ZONE 'UTC')::date - DATE '2000-01-01') AS today)`;
    const columns = `s.xmin, s.today, m.product_id, m.eligible, m.cooperative_id, m.category_code, m.unit, m.capacity,
                     m.available_months, m.price_min, m.price_max, m.ocop_stars, m.verified, m.area_path, m.rating_class,
                     m.updated_day, m.cert_schemes, m.cert_from, m.cert_to`;
    const rows: ProfileRow[] =
      this.xmin === null
        ? await em.query(`${snapshot} SELECT ${columns} FROM s LEFT JOIN match_profile m ON m.eligible`)
        : await em.query(`${snapshot} SELECT ${columns} FROM s LEFT JOIN match_profile m ON m.changed_xid >= $1::xid8`, [this.xmin]);
    for (const r of rows) if (r.product_id) this.apply(r);
    this.xmin = rows[0]!.xmin;
    this.today = rows[0]!.today;
  }

  private apply(r: ProfileRow): void {
    const id = r.product_id!;
    for (const [root, branch] of this.byRoot) {
      if (!branch.delete(id)) continue;
      this.groupCache.delete(root);
      this.candidateCache.delete(root);
    }
    if (!r.eligible) return;
    const root = this.share(rootOf(r.category_code));
    let branch = this.byRoot.get(root);
    if (!branch) this.byRoot.set(root, (branch = new Map()));
    const areaPath = r.area_path.filter((c): c is string => !!c);
    branch.set(id, {
      productId: id,
      cooperativeId: this.share(r.cooperative_id),
      root,
      categoryCode: this.share(r.category_code),
      unit: this.share(r.unit),
      capacity: r.capacity,
      availableMonths: this.share(r.available_months, `months:${r.available_months.join(',')}`),
      priceMin: r.price_min,
      priceMax: r.price_max,
      ocopStars: r.ocop_stars,
      verified: r.verified,
      areaPath: this.share(areaPath, `area:${areaPath.join(',')}`),
      ratingClass: this.share(r.rating_class),
      updatedDay: r.updated_day,
      certs: r.cert_schemes.length
        ? r.cert_schemes.map((scheme, i) => ({ scheme: this.share(scheme), from: r.cert_from[i]!, to: r.cert_to[i]! }))
        : NO_CERTS,
    });
    this.groupCache.delete(root);
    this.candidateCache.delete(root);
  }

  /** The copy of `value` already held under `key`, or `value` itself, kept from now on. */
  private share<T>(value: T, key: string = String(value)): T {
    const held = this.shared.get(key);
    if (held !== undefined) return held as T;
    this.shared.set(key, value);
    return value;
  }
}

const NO_CERTS: ProductProfile['certs'] = [];
const NO_SCHEMES: string[] = [];

/**
 * The candidate the core scores for a need in `unit`: capacity in that unit,
 * the certificates valid on `today` and the product's age in whole days.
 */
function profileCandidate(p: ProductProfile, today: number, unit: string): ProductCandidate {
  const capacityPerMonth = convertQuantity(p.capacity, p.unit, unit);
  let valid = NO_SCHEMES;
  for (const c of p.certs) if (c.from <= today && today <= c.to && !valid.includes(c.scheme)) valid = [...valid, c.scheme];
  return {
    productId: p.productId,
    cooperativeId: p.cooperativeId,
    unit: p.unit,
    rawCapacity: p.capacity,
    categoryCode: p.categoryCode,
    capacityPerMonth,
    availableMonths: p.availableMonths,
    areaPath: p.areaPath,
    certifications: valid.length > 1 ? valid.sort() : valid,
    ocopStars: p.ocopStars,
    priceMin: p.priceMin,
    priceMax: p.priceMax,
    ratingClass: p.ratingClass,
    verified: p.verified,
    ageDays: Math.max(0, today - p.updatedDay),
  };
}

function rootOf(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}
