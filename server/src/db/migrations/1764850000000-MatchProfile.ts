import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the matching core reads about each product, in one narrow row: the
 * product's own figures, its cooperative's area path, verification and latest
 * rating class, and its certificates with their validity as day numbers.
 * Triggers keep it in step with the product, certification, cooperative and
 * rating tables inside the writing transaction. Every change stamps the row
 * with the writing transaction's id, so a server can keep the profiles in
 * memory and fetch only what changed since its last look (see
 * `modules/matching/profile-index.ts`). A product that is deleted, unpublished
 * or whose cooperative stops operating keeps a row with `eligible = false`, so
 * that servers holding it learn to drop it.
 */
export class MatchProfile1764850000000 implements MigrationInterface {
  name = 'MatchProfile1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_profile (
        product_id      uuid PRIMARY KEY,
        eligible        boolean NOT NULL,
        cooperative_id  uuid,
        category_code   text,
        unit            text,
        capacity        float8,
        available_months smallint[],
        price_min       float8,
        price_max       float8,
        ocop_stars      smallint,
        verified        boolean,
        area_path       text[],
        rating_class    text,
        updated_day     integer,
        cert_schemes    text[],
        cert_from       integer[],
        cert_to         integer[],
        changed_xid     xid8 NOT NULL DEFAULT pg_current_xact_id()
      )`);
    await q.query(`CREATE INDEX match_profile_changed_idx ON match_profile (changed_xid)`);
    // Days are counted from 2000-01-01 in UTC, the server's time zone for every session.
    await q.query(`
      CREATE FUNCTION match_profile_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
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
         -- One order for every writer, so two transactions refreshing the same products never deadlock.
         ORDER BY x.id
        ON CONFLICT (product_id) DO UPDATE SET
          eligible = EXCLUDED.eligible, cooperative_id = EXCLUDED.cooperative_id, category_code = EXCLUDED.category_code,
          unit = EXCLUDED.unit, capacity = EXCLUDED.capacity, available_months = EXCLUDED.available_months,
          price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max, ocop_stars = EXCLUDED.ocop_stars,
          verified = EXCLUDED.verified, area_path = EXCLUDED.area_path, rating_class = EXCLUDED.rating_class,
          updated_day = EXCLUDED.updated_day, cert_schemes = EXCLUDED.cert_schemes, cert_from = EXCLUDED.cert_from,
          cert_to = EXCLUDED.cert_to, changed_xid = EXCLUDED.changed_xid
      $$`);
    // Statement-level triggers see every row a statement wrote at once, so a bulk load refreshes in one pass.
    await q.query(`
      CREATE FUNCTION match_profile_from_product() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN PERFORM match_profile_refresh(ARRAY(SELECT id FROM old_rows));
        ELSE PERFORM match_profile_refresh(ARRAY(SELECT id FROM new_rows)); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION match_profile_from_certification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN PERFORM match_profile_refresh(ARRAY(SELECT product_id FROM old_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM match_profile_refresh(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
        ELSE PERFORM match_profile_refresh(ARRAY(SELECT product_id FROM new_rows)); END IF;
        RETURN NULL;
      END $$`);
    // A cooperative's status, area and verification, and its ratings, show on every one of its products.
    await q.query(`
      CREATE FUNCTION match_profile_from_cooperative() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM old_rows)));
        ELSE
          PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p WHERE p.cooperative_id IN (SELECT cooperative_id FROM new_rows)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION match_profile_from_cooperative_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM match_profile_refresh(ARRAY(SELECT p.id FROM product p JOIN new_rows n ON n.id = p.cooperative_id
                                             JOIN old_rows o ON o.id = n.id
                                            WHERE n.status IS DISTINCT FROM o.status OR n.area_code IS DISTINCT FROM o.area_code
                                               OR (n.verified_at IS NULL) <> (o.verified_at IS NULL)));
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const rows =
        op === 'DELETE'
          ? 'OLD TABLE AS old_rows'
          : op === 'UPDATE'
            ? 'NEW TABLE AS new_rows OLD TABLE AS old_rows'
            : 'NEW TABLE AS new_rows';
      const name = op.toLowerCase();
      await q.query(`CREATE TRIGGER match_profile_product_${name} AFTER ${op} ON product REFERENCING ${rows}
                     FOR EACH STATEMENT EXECUTE FUNCTION match_profile_from_product()`);
      await q.query(`CREATE TRIGGER match_profile_certification_${name} AFTER ${op} ON certification REFERENCING ${rows}
                     FOR EACH STATEMENT EXECUTE FUNCTION match_profile_from_certification()`);
      await q.query(`CREATE TRIGGER match_profile_rating_${name} AFTER ${op} ON cooperative_rating REFERENCING ${rows}
                     FOR EACH STATEMENT EXECUTE FUNCTION match_profile_from_cooperative()`);
    }
    await q.query(`CREATE TRIGGER match_profile_cooperative_update AFTER UPDATE ON cooperative
                   REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION match_profile_from_cooperative_row()`);
    await q.query(`SELECT match_profile_refresh(ARRAY(SELECT id FROM product))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER match_profile_product_${op} ON product`);
      await q.query(`DROP TRIGGER match_profile_certification_${op} ON certification`);
      await q.query(`DROP TRIGGER match_profile_rating_${op} ON cooperative_rating`);
    }
    await q.query(`DROP TRIGGER match_profile_cooperative_update ON cooperative`);
    await q.query(`DROP FUNCTION match_profile_from_cooperative_row()`);
    await q.query(`DROP FUNCTION match_profile_from_cooperative()`);
    await q.query(`DROP FUNCTION match_profile_from_certification()`);
    await q.query(`DROP FUNCTION match_profile_from_product()`);
    await q.query(`DROP FUNCTION match_profile_refresh(uuid[])`);
    await q.query(`DROP TABLE match_profile`);
  }
}
