import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two people changing the same product's profile at once (a manager editing
 * the product while staff verify its cooperative or record a certificate) must
 * not leave the profile with one of them undone. Until now the refresh read the
 * tables before waiting for the other writer's profile row, and then wrote what
 * it had read over the other's committed change. Now it first locks the
 * profile rows, in product order, and reads the tables only once it holds them,
 * in a statement of its own that sees everything committed by then.
 *
 * A product moved into a cooperative (or added to it) while staff change that
 * cooperative's status, area or verification is the same race with no shared
 * profile row: the cooperative's side lists its products before the move is
 * committed, and the product's side reads the cooperative before the change is.
 * The cooperative's side therefore first takes the cooperative row exclusively,
 * which waits for every open transaction that has just pointed a product at it.
 *
 * A rating that staff move from one cooperative to another (recorded against
 * the wrong one) now refreshes the products of both.
 *
 * Emptying products, certificates, ratings or cooperatives with TRUNCATE (a
 * correction or reload run by hand) fires no row or statement trigger on
 * change, so a TRUNCATE trigger refreshes every profile held.
 */
export class MatchProfileWriters1764860000001 implements MigrationInterface {
  name = 'MatchProfileWriters1764860000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION match_profile_refresh(uuid[])`);
    await q.query(`
      CREATE FUNCTION match_profile_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- One order for every writer, so two transactions refreshing the same products never deadlock.
        PERFORM 1 FROM match_profile WHERE product_id = ANY(ids) ORDER BY product_id FOR UPDATE;
        ${UPSERT};
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION match_profile_from_cooperative_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE changed uuid[];
      BEGIN
        changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                          WHERE n.status IS DISTINCT FROM o.status OR n.area_code IS DISTINCT FROM o.area_code
                             OR (n.verified_at IS NULL) <> (o.verified_at IS NULL)
                          ORDER BY n.id);
        IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
        PERFORM 1 FROM cooperative WHERE id = ANY(changed) ORDER BY id FOR UPDATE;
        PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id = ANY(changed)));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION match_profile_from_cooperative() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM old_rows)));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN
                                                (SELECT cooperative_id FROM new_rows UNION SELECT cooperative_id FROM old_rows)));
        ELSE
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM new_rows)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION match_profile_from_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM match_profile_refresh(ARRAY(SELECT product_id FROM match_profile));
        RETURN NULL;
      END $$`);
    for (const table of TRUNCATED)
      await q.query(`CREATE TRIGGER match_profile_${table}_truncate AFTER TRUNCATE ON ${table}
                     FOR EACH STATEMENT EXECUTE FUNCTION match_profile_from_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TRUNCATED) await q.query(`DROP TRIGGER match_profile_${table}_truncate ON ${table}`);
    await q.query(`DROP FUNCTION match_profile_from_truncate()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION match_profile_from_cooperative() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM old_rows)));
        ELSE
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM new_rows)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION match_profile_from_cooperative_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p JOIN new_rows n ON n.id = p.cooperative_id
                                             JOIN old_rows o ON o.id = n.id
                                            WHERE n.status IS DISTINCT FROM o.status OR n.area_code IS DISTINCT FROM o.area_code
                                               OR (n.verified_at IS NULL) <> (o.verified_at IS NULL)));
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION match_profile_refresh(uuid[])`);
    await q.query(`CREATE FUNCTION match_profile_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$ ${UPSERT} $$`);
  }
}

const TRUNCATED = ['product', 'certification', 'cooperative_rating', 'cooperative'];

/** Writes the profile of each of `ids` from the tables as this statement sees them. */
const UPSERT = `
        INSERT INTO match_profile AS mp (product_id, eligible, cooperative_id, category_code, unit, capacity, available_months,
                                         price_min, price_max, ocop_stars, verified, area_path, rating_class, updated_day,
                                         cert_schemes, cert_from, cert_to, changed_xid)
        SELECT x.id,
               coalesce(p.status = 'PUBLISHED' AND c.status = 'OPERATING', false),
               p.cooperative_id, p.category_code, p.unit, p.capacity_per_month::float8, p.available_months,
               p.price_min::float8, p.price_max::float8, p.ocop_stars, c.verified_at IS NOT NULL,
               ARRAY[a1.code, a2.code, a3.code],
               coalesce((SELECT r.rating_class FROM cooperative_rating r WHERE r.cooperative_id = c.id ORDER BY r.year DESC LIMIT 1), 'UNRATED'),
               ((p.updated_at AT TIME ZONE 'UTC')::date - DATE '2000-01-01'),
               coalesce(ce.schemes, '{}'), coalesce(ce.froms, '{}'), coalesce(ce.tos, '{}'),
               pg_current_xact_id()
          FROM (SELECT DISTINCT unnest(ids) AS id) x
          LEFT JOIN product p ON p.id = x.id
          LEFT JOIN cooperative c ON c.id = p.cooperative_id
          LEFT JOIN area a1 ON a1.code = c.area_code
          LEFT JOIN area a2 ON a2.code = a1.parent_code
          LEFT JOIN area a3 ON a3.code = a2.parent_code
          LEFT JOIN LATERAL (
            SELECT array_agg(e.scheme ORDER BY e.scheme, e.issued_on) AS schemes,
                   array_agg(e.issued_on - DATE '2000-01-01' ORDER BY e.scheme, e.issued_on) AS froms,
                   array_agg(coalesce(e.expires_on - DATE '2000-01-01', 2147483647) ORDER BY e.scheme, e.issued_on) AS tos
              FROM certification e WHERE e.product_id = x.id) ce ON true
         ORDER BY x.id
        ON CONFLICT (product_id) DO UPDATE SET
          eligible = EXCLUDED.eligible, cooperative_id = EXCLUDED.cooperative_id, category_code = EXCLUDED.category_code,
          unit = EXCLUDED.unit, capacity = EXCLUDED.capacity, available_months = EXCLUDED.available_months,
          price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max, ocop_stars = EXCLUDED.ocop_stars,
          verified = EXCLUDED.verified, area_path = EXCLUDED.area_path, rating_class = EXCLUDED.rating_class,
          updated_day = EXCLUDED.updated_day, cert_schemes = EXCLUDED.cert_schemes, cert_from = EXCLUDED.cert_from,
          cert_to = EXCLUDED.cert_to, changed_xid = EXCLUDED.changed_xid`;
