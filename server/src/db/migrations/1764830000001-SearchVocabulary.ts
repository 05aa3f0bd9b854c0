import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The distinct words of the published catalogue's search documents, with how
 * many published products hold each. A buyer's misspelled word ("sapp",
 * "roj") is matched against this short list instead of against every
 * product, and the corrected words are then searched exactly. Triggers keep
 * the list in step with every insert, edit, status change and deletion of
 * products; a word no published product holds any more is removed.
 */
export class SearchVocabulary1764830000001 implements MigrationInterface {
  name = 'SearchVocabulary1764830000001';

  async up(q: QueryRunner): Promise<void> {
    // levenshtein() tells a slip of one key ("trom" for "tram") from a different word.
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    // Words as the search splits them: runs of letters and digits, two or more long.
    await q.query(`
      CREATE FUNCTION cl_search_words(doc text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
           FROM regexp_split_to_table(doc, '[^[:alnum:]]+') w WHERE length(w) BETWEEN 2 AND 60 $$`);
    await q.query(`
      CREATE TABLE search_word (
        word      text PRIMARY KEY,
        products  integer NOT NULL
      )`);
    // GiST serves the three questions asked of it: contains (LIKE), similar (%) and nearest first (<->).
    await q.query(`CREATE INDEX search_word_trgm ON search_word USING gist (word gist_trgm_ops)`);
    await q.query(`
      INSERT INTO search_word (word, products)
      SELECT w, count(*)::int FROM product p, unnest(cl_search_words(p.search_doc)) w
       WHERE p.status = 'PUBLISHED' GROUP BY w`);
    // Once per statement, so loading many products updates each word once; and
    // in word order, so two edits at once lock shared words in the same order.
    await q.query(`
      CREATE FUNCTION search_word_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        emptied text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          WITH delta AS (SELECT unnest(cl_search_words(search_doc)) AS w, 1 AS d FROM new_rows WHERE status = 'PUBLISHED'),
          up AS (
            INSERT INTO search_word AS s (word, products)
            SELECT w, sum(d)::int FROM delta GROUP BY w HAVING sum(d) <> 0 ORDER BY w
            ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products
            RETURNING word, products)
          SELECT coalesce(array_agg(word), '{}') INTO emptied FROM up WHERE products <= 0;
        ELSIF TG_OP = 'UPDATE' THEN
          WITH delta AS (SELECT unnest(cl_search_words(search_doc)) AS w, 1 AS d FROM new_rows WHERE status = 'PUBLISHED'
            UNION ALL SELECT unnest(cl_search_words(search_doc)) AS w, -1 AS d FROM old_rows WHERE status = 'PUBLISHED'),
          up AS (
            INSERT INTO search_word AS s (word, products)
            SELECT w, sum(d)::int FROM delta GROUP BY w HAVING sum(d) <> 0 ORDER BY w
            ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products
            RETURNING word, products)
          SELECT coalesce(array_agg(word), '{}') INTO emptied FROM up WHERE products <= 0;
        ELSE
          WITH delta AS (SELECT unnest(cl_search_words(search_doc)) AS w, -1 AS d FROM old_rows WHERE status = 'PUBLISHED'),
          up AS (
            INSERT INTO search_word AS s (word, products)
            SELECT w, sum(d)::int FROM delta GROUP BY w HAVING sum(d) <> 0 ORDER BY w
            ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products
            RETURNING word, products)
          SELECT coalesce(array_agg(word), '{}') INTO emptied FROM up WHERE products <= 0;
        END IF;
        DELETE FROM search_word WHERE word = ANY (emptied);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER search_word_ins AFTER INSERT ON product REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION search_word_sync()`);
    await q.query(`
      CREATE TRIGGER search_word_upd AFTER UPDATE ON product REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION search_word_sync()`);
    await q.query(`
      CREATE TRIGGER search_word_del AFTER DELETE ON product REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION search_word_sync()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS search_word_del ON product`);
    await q.query(`DROP TRIGGER IF EXISTS search_word_upd ON product`);
    await q.query(`DROP TRIGGER IF EXISTS search_word_ins ON product`);
    await q.query(`DROP FUNCTION IF EXISTS search_word_sync()`);
    await q.query(`DROP TABLE IF EXISTS search_word`);
    await q.query(`DROP FUNCTION IF EXISTS cl_search_words(text)`);
    await q.query(`DROP EXTENSION IF EXISTS fuzzystrmatch`);
  }
}
