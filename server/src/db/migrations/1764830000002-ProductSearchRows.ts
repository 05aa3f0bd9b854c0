import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A narrow copy of each published product: its search document and the
 * columns the catalogue filters and ranks by, without descriptions and the
 * rest. A text search reads and ranks every match, and here a match costs
 * about a third of the pages it costs in `product`. A trigger keeps the copy
 * in step with every insert, edit, status change and deletion of products.
 */
export class ProductSearchRows1764830000002 implements MigrationInterface {
  name = 'ProductSearchRows1764830000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_search (
        id              uuid PRIMARY KEY REFERENCES product(id) ON DELETE CASCADE,
        cooperative_id  uuid NOT NULL,
        category_code   text NOT NULL,
        ocop_stars      smallint,
        published_at    timestamptz,
        price_min       bigint,
        price_max       bigint,
        search_doc      text NOT NULL
      )`);
    await q.query(`
      INSERT INTO product_search
      SELECT id, cooperative_id, category_code, ocop_stars, published_at, price_min, price_max, search_doc
        FROM product WHERE status = 'PUBLISHED'
       ORDER BY ocop_stars DESC NULLS LAST, published_at DESC`);
    await q.query(`CREATE INDEX product_search_doc_trgm ON product_search USING gin (search_doc gin_trgm_ops) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX product_search_coop_idx ON product_search (cooperative_id)`);
    // Once per statement, so loading many products costs one insert. A deleted
    // product's copy goes with it through the foreign key.
    await q.query(`
      CREATE FUNCTION product_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO product_search SELECT id, cooperative_id, category_code, ocop_stars, published_at, price_min, price_max, search_doc FROM new_rows WHERE status = 'PUBLISHED';
          RETURN NULL;
        END IF;
        DELETE FROM product_search s USING new_rows n WHERE s.id = n.id AND n.status <> 'PUBLISHED';
        INSERT INTO product_search AS s
        SELECT n.id, n.cooperative_id, n.category_code, n.ocop_stars, n.published_at, n.price_min, n.price_max, n.search_doc
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.status = 'PUBLISHED'
           AND (o.status, o.cooperative_id, o.category_code, o.ocop_stars, o.published_at, o.price_min, o.price_max, o.search_doc)
               IS DISTINCT FROM (n.status, n.cooperative_id, n.category_code, n.ocop_stars, n.published_at, n.price_min, n.price_max, n.search_doc)
         ORDER BY n.id
        ON CONFLICT (id) DO UPDATE SET
          cooperative_id = EXCLUDED.cooperative_id, category_code = EXCLUDED.category_code, ocop_stars = EXCLUDED.ocop_stars,
          published_at = EXCLUDED.published_at, price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max,
          search_doc = EXCLUDED.search_doc;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER product_search_ins AFTER INSERT ON product REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION product_search_sync()`);
    await q.query(`
      CREATE TRIGGER product_search_upd AFTER UPDATE ON product REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION product_search_sync()`);
    await q.query(`ANALYZE product_search`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS product_search_upd ON product`);
    await q.query(`DROP TRIGGER IF EXISTS product_search_ins ON product`);
    await q.query(`DROP FUNCTION IF EXISTS product_search_sync()`);
    await q.query(`DROP TABLE IF EXISTS product_search`);
  }
}
