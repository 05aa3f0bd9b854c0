import { type EntityManager, In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { type Page, encodeCursor } from '../../common/pagination';
import { Product } from '../product/product.entity';
import { foldForSearch } from './fold';
import {
  type CompiledSearch,
  type FacetValue,
  type ProductConnection,
  type ProductFacets,
  type ProductFilter,
  ProductSort,
} from './catalogue-search.types';

const MAX_TERM = 200;
/** Words of a search, split as the database splits the catalogue's words (cl_search_words). */
const WORD = /[\p{L}\p{N}]+/gu;
/** The longest word the vocabulary keeps (cl_search_words). */
const MAX_WORD = 60;
/** Nearest catalogue words weighed as corrections of an unknown word. */
const CANDIDATES = 30;
/** Trigram similarity at which a catalogue word counts as the same word misspelled, however many edits apart. */
const SIMILAR = 0.3;
/** Edits a misspelled word may be from its correction: one in a short word, more in a long one. */
const maxEdits = (w: string) => (w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3);
/** Two or more words of two letters or digits or more, separated by single spaces. */
const PLAIN_WORDS = /^[\p{L}\p{N}]{2,}(?: [\p{L}\p{N}]{2,})+$/u;

/**
 * The rows a search reads, as `p`: a text search reads the narrow copy of the
 * published products (`product_search`), which holds every column the search
 * filters and ranks by. Every product belongs to a cooperative, so the
 * cooperative is joined only when a filter reads it.
 */
export const searchSource = (c: CompiledSearch) =>
  `${c.text !== undefined ? 'product_search' : 'product'} p${c.joinsCooperative === false ? '' : ' JOIN cooperative c ON c.id = p.cooperative_id'}`;
/** Makes `%`, `_` and `\` match themselves in a LIKE pattern (backslash is PostgreSQL's default escape). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What the buyer typed, folded, with each word the catalogue does not hold replaced by its nearest catalogue word. */
export interface ResolvedTerm {
  /** The folded search as typed. */
  typed: string;
  /** The text searched for: `typed`, corrected; null when a word resembles nothing in the catalogue. */
  text: string | null;
  /** Its distinct words when it is plain words only, for matching them in any order when the phrase itself is not found. */
  words: string[];
}

/**
 * Public catalogue search. Text is folded (lower case, no diacritics, đ → d)
 * on both sides and matched as a phrase, so "dua sap" and "dừa sáp" both find
 * "Dừa sáp". A word that no published product holds ("sapp", "roj") is first
 * replaced by the nearest word of the catalogue's vocabulary (`search_word`,
 * a few thousand rows, so trigram matching there is cheap), and the corrected
 * phrase is then searched exactly through the trigram index on products.
 */
export class CatalogueSearchService {
  /**
   * Folds the term and corrects words the catalogue does not hold, in one
   * statement over the vocabulary. A word is known when some catalogue word
   * contains it (so "thanh lo", typed half-way, still finds "thanh long").
   * Otherwise, of the catalogue words nearest by trigrams, the one the fewest
   * edits away replaces it (ties: the same length, the more similar, the
   * commoner); a word too far from all of them matches nothing.
   */
  async resolve(em: EntityManager, search: string | null | undefined): Promise<ResolvedTerm | null> {
    const raw = search ?? '';
    if (raw.length > MAX_TERM) throw badInput('search', `Search terms are limited to ${MAX_TERM} characters.`, ['maxLength']);
    const typed = foldForSearch(raw);
    if (!typed) return null;
    const words = [...new Set(typed.match(WORD) ?? [])];
    // Every catalogue word is letters and digits; a search of punctuation alone finds nothing.
    if (!words.length) return { typed, text: null, words };
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const parts = words.map((w, i) => {
      const word = add(w);
      const known = `(SELECT ${word}::text FROM search_word WHERE word LIKE ${add(`%${escapeLike(w)}%`)} LIMIT 1)`;
      // Catalogue words are at most 60 long, so a longer one has no correction.
      if (w.length > MAX_WORD) return `SELECT ${i} AS i, ${known} AS word`;
      // The nearest few by trigrams are the candidates; the fewest edits wins.
      return `SELECT ${i} AS i, coalesce(
          ${known},
          (SELECT word FROM (SELECT word, products FROM search_word ORDER BY word <-> ${word} LIMIT ${CANDIDATES}) k
            WHERE levenshtein(word, ${word}) <= ${add(maxEdits(w))} OR similarity(word, ${word}) >= ${SIMILAR}
            ORDER BY levenshtein(word, ${word}), abs(length(word) - length(${word})), similarity(word, ${word}) DESC, products DESC, word
            LIMIT 1)) AS word`;
    });
    const rows: { i: number; word: string | null }[] = await em.query(parts.join(' UNION ALL '), params);
    const fixed = new Map<string, string | null>(words.map((w) => [w, null]));
    for (const r of rows) fixed.set(words[r.i]!, r.word);
    if ([...fixed.values()].some((w) => w === null)) return { typed, text: null, words: [] };
    const text = typed.replace(WORD, (w) => fixed.get(w) ?? w);
    // Only whole words separated by spaces may be matched in any order; a term
    // with punctuation ("d_a sap", "100%") is always taken as written.
    const loose = PLAIN_WORDS.test(text) ? [...new Set(text.split(' '))] : [];
    return { typed, text, words: loose };
  }

  /** Resolves the term and compiles the search for the corrected phrase. */
  async compileFor(
    em: EntityManager,
    search: string | null | undefined,
    filter: ProductFilter | null | undefined,
  ): Promise<CompiledSearch & { term: string | null }> {
    return this.compile(await this.resolve(em, search), filter);
  }

  /**
   * Compiles the conditions. The corrected phrase must appear in the search
   * document; with `anyOrder`, each of its words must, in any order. A term
   * with a word that resembles nothing in the catalogue matches nothing.
   */
  compile(
    term: ResolvedTerm | null,
    filter: ProductFilter | null | undefined,
    opts: { anyOrder?: boolean } = {},
  ): CompiledSearch & { term: string | null } {
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // product_search holds published products only.
    const where = term ? [] : [`p.status = 'PUBLISHED'`];
    let termParam: string | null = null;
    if (term) {
      if (term.text === null) where.push('false');
      else if (opts.anyOrder) for (const w of term.words) where.push(`p.search_doc LIKE ${add(`%${escapeLike(w)}%`)}`);
      else {
        termParam = add(`%${escapeLike(term.text)}%`);
        where.push(`p.search_doc LIKE ${termParam}`);
      }
    }
    let categoryDepth = 0;
    if (filter?.categoryCode) {
      const c = add(filter.categoryCode);
      where.push(`(p.category_code = ${c} OR p.category_code LIKE ${add(`${escapeLike(filter.categoryCode)}.%`)})`);
      categoryDepth = filter.categoryCode.split('.').length;
    }
    if (filter?.areaCode) {
      const a = add(filter.areaCode);
      where.push(`c.area_code IN (WITH RECURSIVE t AS (SELECT code FROM area WHERE code = ${a}
        UNION ALL SELECT x.code FROM area x JOIN t ON x.parent_code = t.code) SELECT code FROM t)`);
    }
    if (filter?.certification) {
      const s = add(filter.certification);
      where.push(`EXISTS (SELECT 1 FROM certification ce WHERE ce.product_id = p.id AND ce.scheme = ${s}
        AND ce.issued_on <= CURRENT_DATE AND (ce.expires_on IS NULL OR ce.expires_on >= CURRENT_DATE))`);
    }
    if (filter?.minOcopStars) where.push(`p.ocop_stars >= ${add(filter.minOcopStars)}`);
    if (filter?.sector) where.push(`c.sector = ${add(filter.sector)}`);
    if (filter?.cooperativeId) where.push(`p.cooperative_id = ${add(filter.cooperativeId)}`);
    return {
      where: where.join(' AND ') || 'true',
      params,
      categoryDepth,
      term: termParam,
      text: term ? term.text : undefined,
      typed: term?.typed,
      words: term?.text && !opts.anyOrder && term.words.length > 1 ? term.words : undefined,
      joinsCooperative: !!(filter?.areaCode || filter?.sector),
    };
  }

  async search(
    ctx: RequestContext,
    search: string | null | undefined,
    filter: ProductFilter | null | undefined,
    sort: ProductSort,
    page: Page,
    opts: { withTotal?: boolean } = {},
  ): Promise<ProductConnection> {
    const term = await this.resolve(ctx.em, search);
    const phrase = this.compile(term, filter);
    const found = await this.ranked(ctx, phrase, sort, page, !!opts.withTotal);
    // Every word is in the catalogue but never in this order ("sap dua"): the
    // words are then matched wherever they stand. Only an empty page costs the check.
    if (!phrase.words || found.edges.length || (page.offset > 0 && !(await this.none(ctx, phrase)))) return found;
    return this.ranked(ctx, this.compile(term, filter, { anyOrder: true }), sort, page, !!opts.withTotal);
  }

  private async none(ctx: RequestContext, compiled: CompiledSearch): Promise<boolean> {
    const rows: unknown[] = await ctx.em.query(`SELECT 1 FROM ${searchSource(compiled)} WHERE ${compiled.where} LIMIT 1`, compiled.params);
    return rows.length === 0;
  }

  private ranked(
    ctx: RequestContext,
    compiled: CompiledSearch,
    sort: ProductSort,
    page: Page,
    withTotal: boolean,
  ): Promise<ProductConnection> {
    const textual = compiled.text !== undefined;
    const effectiveSort = sort === ProductSort.RELEVANCE && !textual ? ProductSort.NEWEST : sort;
    const extra: unknown[] = [];
    const ref = (v: unknown) => {
      extra.push(v);
      return `$${compiled.params.length + extra.length}`;
    };
    const tail = 'p.ocop_stars DESC NULLS LAST, p.published_at DESC, p.id';
    // Matches all contain the phrase, so they are ranked by where it stands:
    // names that begin with it, then words that begin with it.
    const relevance = () =>
      compiled.term === null || compiled.text === undefined || compiled.text === null
        ? tail
        : `(p.search_doc LIKE ${ref(`${escapeLike(compiled.text)}%`)}) DESC, (p.search_doc LIKE ${ref(`% ${escapeLike(compiled.text)}%`)}) DESC, ${tail}`;
    const order = {
      [ProductSort.RELEVANCE]: effectiveSort === ProductSort.RELEVANCE ? relevance() : '',
      [ProductSort.NEWEST]: 'p.published_at DESC, p.id DESC',
      [ProductSort.PRICE_ASC]: 'p.price_min ASC NULLS LAST, p.id',
      [ProductSort.PRICE_DESC]: 'p.price_max DESC NULLS LAST, p.id',
    }[effectiveSort];
    // A text search reads every match through the trigram index before it can
    // rank or filter them, so counting them in the same statement is nearly
    // free, and spares a second pass over the index for totalCount.
    return this.run(ctx, compiled, order, page, withTotal && textual, extra);
  }

  /** A cooperative's own list; members and staff also see drafts and archived products. */
  listForCooperative(ctx: RequestContext, cooperativeId: string, includeUnpublished: boolean, page: Page): Promise<ProductConnection> {
    const where = includeUnpublished ? 'p.cooperative_id = $1' : `p.cooperative_id = $1 AND p.status = 'PUBLISHED'`;
    return this.run(ctx, { where, params: [cooperativeId], categoryDepth: 0 }, 'p.updated_at DESC, p.id', page);
  }

  private async run(
    ctx: RequestContext,
    compiled: CompiledSearch,
    order: string,
    page: Page,
    withTotal = false,
    orderParams: unknown[] = [],
  ): Promise<ProductConnection> {
    const params = [...compiled.params, ...orderParams, page.limit + 1, page.offset];
    const ids: { id: string; total?: number }[] = await ctx.em.query(
      `SELECT p.id${withTotal ? ', count(*) OVER ()::int AS total' : ''} FROM ${searchSource(compiled)}
        WHERE ${compiled.where} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const pageIds = ids.slice(0, page.limit).map((r) => r.id);
    const products = pageIds.length ? await ctx.em.getRepository(Product).findBy({ id: In(pageIds) }) : [];
    const byId = new Map(products.map((p) => [p.id, p]));
    const edges = pageIds.flatMap((id, i) => {
      const node = byId.get(id);
      return node ? [{ cursor: encodeCursor(page.offset + i), node }] : [];
    });
    const last = edges[edges.length - 1];
    return {
      edges,
      pageInfo: { hasNextPage: ids.length > page.limit, endCursor: last ? last.cursor : null },
      search: compiled,
      // A page past the end has no row to carry the count; count separately then.
      ...(withTotal && (ids[0] || page.offset === 0) ? { total: ids[0]?.total ?? 0 } : {}),
    };
  }

  async count(ctx: RequestContext, compiled: CompiledSearch): Promise<number> {
    const rows: { n: number }[] = await ctx.em.query(
      `SELECT count(*)::int AS n FROM ${searchSource(compiled)} WHERE ${compiled.where}`,
      compiled.params,
    );
    return rows[0]?.n ?? 0;
  }

  /** Counts for each facet over the same matches, in one statement. */
  async facets(ctx: RequestContext, compiled: CompiledSearch): Promise<ProductFacets> {
    const depth = compiled.categoryDepth + 1;
    // A text search matches a few thousand products at most, so each one's
    // cooperative and certificates are read through their indexes; left to
    // itself the planner hashed all 90,000 cooperatives and 34,000 certificates
    // for 2,500 matches (EXPLAIN ANALYZE: 90 of 166 ms). OFFSET 0 keeps each
    // lookup a lookup. Browsing without text counts the whole catalogue, where hashing is right.
    const fence = compiled.text !== undefined ? ' OFFSET 0' : '';
    const rows: { facet: string; value: string; count: number; label: string | null; label_en: string | null }[] = await ctx.em.query(
      `WITH s AS (
         SELECT p.id, p.category_code, p.ocop_stars, p.cooperative_id FROM ${searchSource(compiled)} WHERE ${compiled.where}
       ), m AS (
         SELECT s.id, s.category_code, s.ocop_stars, c.area_code, c.sector
           FROM s CROSS JOIN LATERAL (SELECT c.area_code, c.sector FROM cooperative c WHERE c.id = s.cooperative_id${fence}) c
       ), cat AS (
         SELECT array_to_string((string_to_array(m.category_code, '.'))[1:${depth}], '.') AS code, count(*)::int AS n
           FROM m GROUP BY 1
       )
       SELECT 'category' AS facet, cat.code AS value, cat.n AS count, k.name_vi AS label, k.name_en AS label_en
         FROM cat JOIN category k ON k.code = cat.code
       UNION ALL
       SELECT 'area', d.code, count(*)::int, d.name, NULL
         FROM m JOIN area a ON a.code = m.area_code JOIN area d ON d.code = coalesce(CASE WHEN a.level = 3 THEN a.parent_code END, a.code)
        GROUP BY d.code, d.name
       UNION ALL
       SELECT 'certification', ce.scheme, count(*)::int, NULL, NULL
         FROM m CROSS JOIN LATERAL (SELECT DISTINCT ce.scheme FROM certification ce WHERE ce.product_id = m.id
           AND ce.issued_on <= CURRENT_DATE AND (ce.expires_on IS NULL OR ce.expires_on >= CURRENT_DATE)${fence}) ce
        GROUP BY ce.scheme
       UNION ALL
       SELECT 'ocopStars', m.ocop_stars::text, count(*)::int, NULL, NULL FROM m WHERE m.ocop_stars IS NOT NULL GROUP BY m.ocop_stars
       UNION ALL
       SELECT 'sector', m.sector, count(*)::int, NULL, NULL FROM m GROUP BY m.sector`,
      compiled.params,
    );
    const facets: ProductFacets = { category: [], area: [], certification: [], ocopStars: [], sector: [] };
    for (const r of rows) {
      const v: FacetValue = { value: r.value, count: r.count, label: r.label, labelEn: r.label_en };
      facets[r.facet as keyof ProductFacets].push(v);
    }
    for (const list of Object.values(facets) as FacetValue[][]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return facets;
  }
}
