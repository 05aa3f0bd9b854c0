import { insertRows, type Row } from './bulk';
import { BUSINESSES_PER_COPY, BUSINESS_COLUMNS, TaxCodes, generateBusinesses } from './businesses';
import { BRAND_COLUMNS, CERTIFICATION_COLUMNS, PRODUCT_COLUMNS, Serials, generateCatalogue, type GeneratedCatalogue } from './catalogue';
import {
  AUDIT_COLUMNS,
  COOPERATIVE_COLUMNS,
  Geography,
  NameBook,
  RATING_COLUMNS,
  generateCooperatives,
  type CooperativeContext,
} from './cooperatives';
import { vietnamDate } from './dates';
import { seedOversight } from './oversight';
import { planProvince } from './plan';
import type { Queryable } from './queryable';
import { Random } from './random';
import { loadReferenceData, readAreaFile } from './reference-data';
import { seedTrace } from './trace';
import { DEMO_LOGINS, ensureDemoUsers } from './users';
import { seedFairs } from './fairs';
import { seedNeedsAndLinkages } from './needs';

export type { Queryable } from './queryable';
export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './users';
export { DIRECTIVE_2019, RATING_YEARS } from './plan';

export interface SeedDemoOptions {
  /** Same seed, same province: names, ids, ratings and products are all derived from it. */
  seed: number;
  /** Copies of the province: 1 is the 2019 directive's 180 cooperatives; 500 gives ~100k products. */
  scale: number;
  /**
   * The day certificates are judged against, so that some are always expired or
   * about to be. Nothing else depends on it; other dates are fixed.
   */
  today?: Date;
  /** Called after every batch; `done` and `total` count organisations (cooperatives and businesses). */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface DemoSummary {
  seed: number;
  scale: number;
  cooperatives: number;
  pilots: number;
  unverifiedCooperatives: number;
  ratings: number;
  statusChanges: number;
  brands: number;
  products: number;
  publishedProducts: number;
  certifications: number;
  businesses: number;
  users: number;
  memberships: number;
}

/** Copies of the province generated and written together: ~1,800 cooperatives and ~2,000 products a round. */
const COPIES_PER_ROUND = 10;

/**
 * Builds the demo province: reference data, the demo logins, and `scale` copies
 * of the directive-era cooperatives with ratings, brands, products and
 * certificates, plus companies. Every copy after the first repeats the plan
 * with new names and numbers, so the 2019 shares hold exactly at any scale, and
 * all seven rating years are written at every scale (≈610k rows at scale 500,
 * a few seconds of the total).
 *
 * Each batch is one INSERT; run it on a single connection inside a transaction
 * for an all-or-nothing load (the seed CLI does).
 */
export async function seedDemo(q: Queryable, opts: SeedDemoOptions): Promise<DemoSummary> {
  const { seed } = opts;
  const scale = opts.scale;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number ≥ 1, got ${scale}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number, got ${seed}`);
  const today = vietnamDate(opts.today ?? new Date());
  const progress = opts.onProgress ?? (() => undefined);

  await loadReferenceData(q);
  const geo = new Geography(readAreaFile());
  const slots = planProvince(seed);
  const ids = Random.stream(seed, 'accounts');
  const users = await ensureDemoUsers(q, () => ids.uuid());
  const staffId = users.get('staff@demo.cooplink.vn');
  if (!staffId) throw new Error('the demo staff account is missing');

  const total = scale * (slots.length + BUSINESSES_PER_COPY);
  let done = 0;
  const summary: DemoSummary = {
    seed,
    scale,
    cooperatives: 0,
    pilots: 0,
    unverifiedCooperatives: 0,
    ratings: 0,
    statusChanges: 0,
    brands: 0,
    products: 0,
    publishedProducts: 0,
    certifications: 0,
    businesses: 0,
    users: users.size,
    memberships: 0,
  };
  progress(done, total, 'accounts');

  const businessNames = new NameBook();
  const taxCodes = new TaxCodes();
  let demoBusinessId: string | undefined;
  for (let first = 0; first < scale; first += COPIES_PER_ROUND * 3) {
    const rows: Row[] = [];
    for (let r = first; r < Math.min(scale, first + COPIES_PER_ROUND * 3); r++) {
      rows.push(...generateBusinesses({ seed, replica: r, geo, names: businessNames, taxCodes, staffId }));
    }
    demoBusinessId ??= rows[0]?.id as string | undefined;
    summary.businesses += await insertRows(q, 'business', BUSINESS_COLUMNS, rows);
    done += rows.length;
    progress(done, total, 'businesses');
  }

  const cooperativeNames = new NameBook();
  const serials = new Serials();
  let longHiepId: string | undefined;
  for (let first = 0; first < scale; first += COPIES_PER_ROUND) {
    const coops: Row[] = [];
    const ratings: Row[] = [];
    const audit: Row[] = [];
    const contexts: Array<[number, CooperativeContext]> = [];
    for (let r = first; r < Math.min(scale, first + COPIES_PER_ROUND); r++) {
      const g = generateCooperatives({ seed, replica: r, slots, geo, names: cooperativeNames, staffId });
      coops.push(...g.cooperatives);
      ratings.push(...g.ratings);
      audit.push(...g.audit);
      for (const c of g.contexts) contexts.push([r, c]);
    }
    longHiepId ??= contexts.find(([, c]) => c.featured && c.slot.featured?.key === 'long_hiep')?.[1].id;

    const catalogue: GeneratedCatalogue = { brands: [], products: [], certifications: [] };
    for (const [replica, c] of contexts) generateCatalogue(c, { seed, replica, today, serials }, catalogue);

    summary.cooperatives += await insertRows(q, 'cooperative', COOPERATIVE_COLUMNS, coops);
    summary.pilots += contexts.filter(([, c]) => c.slot.pilot).length;
    summary.unverifiedCooperatives += contexts.filter(([, c]) => !c.slot.verified).length;
    progress(done, total, 'cooperatives');
    summary.ratings += await insertRows(q, 'cooperative_rating', RATING_COLUMNS, ratings);
    summary.statusChanges += await insertRows(q, 'audit_log', AUDIT_COLUMNS, audit);
    progress(done, total, 'ratings');
    summary.brands += await insertRows(q, 'brand', BRAND_COLUMNS, catalogue.brands);
    summary.products += await insertRows(q, 'product', PRODUCT_COLUMNS, catalogue.products);
    summary.publishedProducts += catalogue.products.filter((p) => p.status === 'PUBLISHED').length;
    summary.certifications += await insertRows(q, 'certification', CERTIFICATION_COLUMNS, catalogue.certifications);
    done += coops.length;
    progress(done, total, 'products');
  }

  const memberships: Row[] = [];
  const coopManager = users.get('coop@demo.cooplink.vn');
  const businessRep = users.get('business@demo.cooplink.vn');
  if (coopManager && longHiepId)
    memberships.push({ id: ids.uuid(), user_id: coopManager, cooperative_id: longHiepId, business_id: null, role: 'OWNER' });
  if (businessRep && demoBusinessId)
    memberships.push({ id: ids.uuid(), user_id: businessRep, cooperative_id: null, business_id: demoBusinessId, role: 'OWNER' });
  await insertRows(
    q,
    'membership',
    { id: 'uuid', user_id: 'uuid', cooperative_id: 'uuid', business_id: 'uuid', role: 'text' },
    memberships,
    'ON CONFLICT DO NOTHING',
  );
  summary.memberships = memberships.length;
  await seedOversight(q, { seed });
  if (longHiepId) await seedExpiringCertificate(q, longHiepId, today);
  await seedFairs(q, { seed, staffId, longHiepId, demoBusinessId });
  await seedNeedsAndLinkages(q, { seed, today });
  progress(total, total, 'done');
  await seedTrace(q, { seed, today, demoManagerEmail: 'coop@demo.cooplink.vn', demoBusinessEmail: 'business@demo.cooplink.vn' });
  return summary;
}

/** The logins to print at start, with the shared password. */
export function demoLoginLines(): string[] {
  return DEMO_LOGINS.map((l) => `${l.email.padEnd(32)} ${l.role.padEnd(13)} ${l.note}`);
}

/**
 * The demo manager's VietGAP renewal falls due in three weeks, so the
 * certificate reminders have something to say on a first visit.
 */
async function seedExpiringCertificate(q: Queryable, cooperativeId: string, today: string): Promise<void> {
  await q.query(
    `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on)
     SELECT p.id, 'VIETGAP', 'VG-TV-LH-24-0719', 'Trung tâm Chứng nhận VietGAP Trà Vinh',
            ($2::date + 21) - interval '2 years', $2::date + 21
       FROM product p WHERE p.cooperative_id = $1 AND p.status = 'PUBLISHED'
      ORDER BY p.created_at, p.id LIMIT 1
     ON CONFLICT DO NOTHING`,
    [cooperativeId, today],
  );
}
