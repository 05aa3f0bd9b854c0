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
/**
 * When the folded term appears word for word in at least this many products,
 * those are the answer; below it, near spellings ("dua sapp", "buoi nam roj")
 * are added. Near matches of a common word run into the tens of thousands at
 * catalogue scale, and ranking them all is what made search slow.
 */
export const EXACT_ENOUGH = 10;

/** Every product belongs to a cooperative, so the join is needed only to filter on it. */
const joinCooperative = (c: CompiledSearch) => (c.joinsCooperative === false ? '' : ' JOIN cooperative c ON c.id = p.cooperative_id');
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Public catalogue search. Text is folded (lower case, no diacritics, đ → d)
 * on both sides, and matched with trigram word similarity, so "dua sap",
 * "dừa sáp" and a slip like "dua sapp" all find "Dừa sáp". Every condition is
 * served by the partial trigram and b-tree indexes on published products.
 */
export class CatalogueSearchService {
  /**
   * Compiles the search, deciding first whether exact matches are enough. The
   * decision holds for the page, its count and its facets, so they agree.
   */
  async compileFor(
    em: EntityManager,
    search: string | null | undefined,
    filter: ProductFilter | null | undefined,
  ): Promise<CompiledSearch & { term: string | null }> {
    const exact = this.compile(search, filter, { fuzzy: false });
    if (exact.term === null) return exact;
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM product p${joinCooperative(exact)}
        WHERE ${exact.where} LIMIT ${EXACT_ENOUGH}) s`,
      exact.params,
    );
    return (rows[0]?.n ?? 0) >= EXACT_ENOUGH ? exact : this.compile(search, filter, { fuzzy: true });
  }

  /** With `fuzzy`, near spellings match as well as the exact folded term. */
  compile(
    search: string | null | undefined,
    filter: ProductFilter | null | undefined,
    opts: { fuzzy: boolean } = { fuzzy: true },
  ): CompiledSearch & { term: string | null } {
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`p.status = 'PUBLISHED'`];
    const raw = search ?? '';
    if (raw.length > MAX_TERM) throw badInput('search', `Search terms are limited to ${MAX_TERM} characters.`, ['maxLength']);
    let termParam: string | null = null;
    const term = foldForSearch(raw);
    if (term) {
      const like = add(`%${escapeLike(term)}%`);
      if (opts.fuzzy) {
        termParam = add(term);
        where.push(`(p.search_doc LIKE ${like} OR p.search_doc %> ${termParam})`);
      } else {
        termParam = like;
        where.push(`p.search_doc LIKE ${like}`);
      }
    }
    let categoryDepth = 0;
    if (filter?.categoryCode) {
      const c = add(filter.categoryCode);
      where.push(`(p.category_code = ${c} OR p.category_code LIKE ${c} || '.%')`);
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
      where: where.join(' AND '),
      params,
      categoryDepth,
      term: termParam,
      fuzzy: termParam !== null && opts.fuzzy,
      text: term,
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
    const compiled = await this.compileFor(ctx.em, search, filter);
    const effectiveSort = sort === ProductSort.RELEVANCE && !compiled.term ? ProductSort.NEWEST : sort;
    const extra: unknown[] = [];
    const ref = (v: unknown) => {
      extra.push(v);
      return `$${compiled.params.length + extra.length}`;
    };
    const tail = 'p.ocop_stars DESC NULLS LAST, p.published_at DESC, p.id';
    // Exact matches all contain the term, so they are ranked by where it stands:
    // names that begin with it, then words that begin with it. Near matches are
    // ranked by how closely their best words resemble the term.
    const relevance = () =>
      compiled.fuzzy
        ? `word_similarity(${compiled.term}, p.search_doc) DESC, ${tail}`
        : `(p.search_doc LIKE ${ref(`${escapeLike(compiled.text ?? '')}%`)}) DESC, (p.search_doc LIKE ${ref(`% ${escapeLike(compiled.text ?? '')}%`)}) DESC, ${tail}`;
    const order = {
      [ProductSort.RELEVANCE]: effectiveSort === ProductSort.RELEVANCE ? relevance() : '',
      [ProductSort.NEWEST]: 'p.published_at DESC, p.id DESC',
      [ProductSort.PRICE_ASC]: 'p.price_min ASC NULLS LAST, p.id',
      [ProductSort.PRICE_DESC]: 'p.price_max DESC NULLS LAST, p.id',
    }[effectiveSort];
    // A text search reads every match through the trigram index before it can
    // rank or filter them, so counting them in the same statement is nearly
    // free, and spares a second pass over the index for totalCount.
    return this.run(ctx, compiled, order, page, !!opts.withTotal && compiled.term !== null, extra);
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
      `SELECT p.id${withTotal ? ', count(*) OVER ()::int AS total' : ''} FROM product p${joinCooperative(compiled)}
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
      `SELECT count(*)::int AS n FROM product p${joinCooperative(compiled)} WHERE ${compiled.where}`,
      compiled.params,
    );
    return rows[0]?.n ?? 0;
  }

  /** Counts for each facet over the same matches, in one statement. */
  async facets(ctx: RequestContext, compiled: CompiledSearch): Promise<ProductFacets> {
    const depth = compiled.categoryDepth + 1;
    const rows: { facet: string; value: string; count: number; label: string | null; label_en: string | null }[] = await ctx.em.query(
      `WITH m AS (
         SELECT p.id, p.category_code, p.ocop_stars, c.area_code, c.sector
           FROM product p JOIN cooperative c ON c.id = p.cooperative_id WHERE ${compiled.where}
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
       SELECT 'certification', ce.scheme, count(DISTINCT m.id)::int, NULL, NULL
         FROM m JOIN certification ce ON ce.product_id = m.id
        WHERE ce.issued_on <= CURRENT_DATE AND (ce.expires_on IS NULL OR ce.expires_on >= CURRENT_DATE)
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
