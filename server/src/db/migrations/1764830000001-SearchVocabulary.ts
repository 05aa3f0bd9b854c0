import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The distinct words of the published catalogue's search documents, with how
 * many published products hold each. A buyer's misspelled word ("sapp",
 * "roj") is matched by trigram similarity against this short list instead of
 * against every product, and the corrected words are then searched exactly.
 * A trigger keeps the list in step with every insert, edit, status change and
 * deletion of a product; a word no published product holds any more is removed.
 */
export class SearchVocabulary1764830000001 implements MigrationInterface {
  name = 'SearchVocabulary1764830000001';

  async up(q: QueryRunner): Promise<void> {
    // levenshtein() picks, among equally similar words, the one a slip of one key away.
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
    await q.query(`CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops)`);
    await q.query(`
      INSERT INTO search_word (word, products)
      SELECT w, count(*)::int FROM product p, unnest(cl_search_words(p.search_doc)) w
       WHERE p.status = 'PUBLISHED' GROUP BY w`);
    // One statement, in word order, so two products edited at once lock shared
    // words in the same order and cannot deadlock.
    await q.query(`
      CREATE FUNCTION search_word_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        gone text[] := '{}';
        came text[] := '{}';
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'PUBLISHED' THEN gone := cl_search_words(OLD.search_doc); END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'PUBLISHED' THEN came := cl_search_words(NEW.search_doc); END IF;
        IF gone = came THEN RETURN NULL; END IF;
        INSERT INTO search_word AS s (word, products)
        SELECT w, sum(d)::int FROM (
          SELECT unnest(came) AS w, 1 AS d UNION ALL SELECT unnest(gone), -1
        ) x GROUP BY w HAVING sum(d) <> 0 ORDER BY w
        ON CONFLICT (word) DO UPDATE SET products = s.products + EXCLUDED.products;
        DELETE FROM search_word WHERE word = ANY (gone) AND products <= 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER search_word_ins_del AFTER INSERT OR DELETE ON product
      FOR EACH ROW EXECUTE FUNCTION search_word_sync()`);
    await q.query(`
      CREATE TRIGGER search_word_upd AFTER UPDATE ON product
      FOR EACH ROW WHEN (OLD.search_doc IS DISTINCT FROM NEW.search_doc OR OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION search_word_sync()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS search_word_upd ON product`);
    await q.query(`DROP TRIGGER IF EXISTS search_word_ins_del ON product`);
    await q.query(`DROP FUNCTION IF EXISTS search_word_sync()`);
    await q.query(`DROP TABLE IF EXISTS search_word`);
    await q.query(`DROP FUNCTION IF EXISTS cl_search_words(text)`);
    await q.query(`DROP EXTENSION IF EXISTS fuzzystrmatch`);
  }
}
