import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { CatalogueSearchService, searchSource } from '../../server/src/modules/catalogue-search/catalogue-search.service';
import { graphql } from '../generated';
import { startTestServer, type TestServer } from '../support/test-server';

const Search = graphql(`
  query TCatalogue($search: String, $filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          nameVi
          priceMin
          priceMax
          ocopStars
          cooperative {
            id
            sector
            area {
              code
              parentCode
            }
          }
          category {
            code
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Facets = graphql(`
  query TCatalogueFacets($search: String, $filter: ProductFilter) {
    products(search: $search, filter: $filter, first: 1) {
      totalCount
      facets {
        category {
          value
          count
          label
          labelEn
        }
        area {
          value
          count
          label
        }
        certification {
          value
          count
        }
        ocopStars {
          value
          count
        }
        sector {
          value
          count
        }
      }
    }
  }
`);

/** Everything a catalogue card shows, to count statements per page. */
const CataloguePage = graphql(`
  query TCataloguePage($first: Int) {
    products(first: $first, sort: NEWEST) {
      edges {
        node {
          id
          nameVi
          nameEn
          unit
          priceMin
          priceMax
          ocopStars
          cooperative {
            id
            name
            verified
            area {
              code
              name
            }
            district {
              name
            }
            currentRating {
              ratingClass
            }
          }
          brand {
            name
            kind
          }
          category {
            code
            nameVi
            nameEn
          }
          certifications {
            scheme
            valid
            expiresOn
          }
          images {
            url
          }
        }
      }
    }
  }
`);

let server: TestServer;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 10 });
  await server.query('ANALYZE');
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('search ignores diacritics and tolerates typos', () => {
  it.each(['dua sap', 'dừa sáp', 'DỪA SÁP', 'dua sapp'])('"%s" ranks wax-coconut products first', async (term) => {
    const res = await server.gql(Search, { search: term, first: 5 });
    const names = res.data?.products.edges.map((e) => fold(e.node.nameVi)) ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toContain('dua sap');
  });

  it.each(['buoi nam roi', 'bưởi năm roi', 'buoi nam roj'])('"%s" finds Bưởi Năm Roi', async (term) => {
    const res = await server.gql(Search, { search: term, first: 3 });
    expect(res.data?.products.edges[0]?.node.nameVi).toMatch(/^Bưởi Năm Roi/);
  });

  it('matches text written in decomposed (NFD) Unicode', async () => {
    const res = await server.gql(Search, { search: 'dừa sáp'.normalize('NFD'), first: 1 });
    expect(fold(res.data?.products.edges[0]?.node.nameVi ?? '')).toContain('dua sap');
  });

  it('finds nothing for nonsense and refuses over-long terms', async () => {
    const none = await server.gql(Search, { search: 'xqzvw kjhgf' });
    expect(none.data?.products).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const longest = await server.gql(Search, { search: 'ư'.repeat(200) });
    expect(longest.errors).toBeUndefined();
    expect(longest.data?.products.totalCount).toBe(0);
    const long = await server.gql(Search, { search: 'a'.repeat(201) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'search' }] });
  });

  it('answers with the products that hold the phrase, correcting a misspelled word to the nearest catalogue word first', async () => {
    const count = async (phrase: string) =>
      (
        (await server.query(`SELECT count(*)::int AS n FROM product WHERE status = 'PUBLISHED' AND search_doc LIKE $1`, [
          `%${phrase}%`,
        ])) as [{ n: number }]
      )[0].n;
    const exact = await count('dua sap');
    expect(exact).toBeGreaterThan(0);
    const res = await server.gql(Search, { search: 'dua sap', first: 100 });
    expect(res.data?.products.totalCount).toBe(exact);
    const ids = res.data?.products.edges.map((e) => e.node.id) ?? [];
    const docs = (await server.query(`SELECT search_doc FROM product WHERE id = ANY($1)`, [ids])) as { search_doc: string }[];
    expect(docs.length).toBe(Math.min(exact, 100));
    for (const d of docs) expect(d.search_doc).toContain('dua sap');
    // Names that begin with the term come before names that only contain it.
    const names = res.data?.products.edges.map((e) => fold(e.node.nameVi)) ?? [];
    const firstInside = names.findIndex((n) => !n.startsWith('dua sap'));
    if (firstInside >= 0) expect(names.slice(firstInside).every((n) => !n.startsWith('dua sap'))).toBe(true);

    // No product holds "sapp" or "roj": they are read as "sap" and "roi", and answer exactly as the right spelling does.
    expect(await count('sapp')).toBe(0);
    expect(await count('roj')).toBe(0);
    for (const [typo, right] of [
      ['dua sapp', 'dua sap'],
      ['buoi nam roj', 'buoi nam roi'],
    ]) {
      const wrong = await server.gql(Search, { search: typo, first: 20 });
      const good = await server.gql(Search, { search: right, first: 20 });
      expect(wrong.data?.products.totalCount).toBe(await count(right!));
      expect(wrong.data?.products.edges.map((e) => e.node.id)).toEqual(good.data?.products.edges.map((e) => e.node.id));
    }
  });

  it('says which phrase it searched for when it corrected a typo, and nothing when it searched as typed', async () => {
    const Corrected = `query TCorrected($s: String) { products(search: $s, first: 1) { correctedSearch totalCount } }`;
    const ask = async (s: string) =>
      (await server.gql<{ products: { correctedSearch: string | null; totalCount: number } }, { s: string }>(Corrected, { s })).data
        ?.products;
    expect(await ask('dừa sápp')).toMatchObject({ correctedSearch: 'dua sap' });
    expect(await ask('Bưởi Năm Roj')).toMatchObject({ correctedSearch: 'buoi nam roi' });
    // Accents, capitals and spacing are not corrections; neither is a word like nothing in the catalogue, which finds nothing.
    for (const s of ['dừa sáp', 'DUA   SAP', 'dua sap', 'xqzvw']) expect((await ask(s))?.correctedSearch).toBeNull();
    expect((await ask('xqzvw'))?.totalCount).toBe(0);
  });

  it('matches the words in any order when the phrase is not in the catalogue, and a word typed half-way', async () => {
    const both = (
      (await server.query(
        `SELECT count(*)::int AS n FROM product WHERE status = 'PUBLISHED' AND search_doc LIKE '%sap%' AND search_doc LIKE '%dua%'`,
      )) as [{ n: number }]
    )[0].n;
    expect(both).toBeGreaterThan(0);
    const res = await server.gql(Search, { search: 'sáp dừa', first: 5 });
    expect(res.data?.products.totalCount).toBe(both);
    const page2 = await server.gql(Search, { search: 'sap dua', first: 5, after: res.data?.products.pageInfo.endCursor });
    expect(page2.data?.products.totalCount).toBe(both);
    expect(page2.data?.products.edges[0]?.node.id).not.toBe(res.data?.products.edges[0]?.node.id);
    const half = await server.gql(Search, { search: 'thanh lo', first: 3 });
    expect(fold(half.data?.products.edges[0]?.node.nameVi ?? '')).toContain('thanh long');
  });

  it('treats SQL and LIKE metacharacters as plain text', async () => {
    for (const term of ["'; DROP TABLE product; --", '%', '_', '\\', '%%', 'dua%', 'd_a sap', 'd%p']) {
      const res = await server.gql(Search, { search: term });
      expect(res.errors, term).toBeUndefined();
      // No product holds any of these literally; as wildcards, "%" would match every product and "d_a sap" every "dua sap".
      expect(res.data?.products.totalCount, term).toBe(0);
    }
    expect(await server.query(`SELECT count(*)::int > 0 AS ok FROM product`)).toEqual([{ ok: true }]);
    // A category code with "_" names that category, not any character in its place.
    const real = await server.gql(Search, { filter: { categoryCode: 'fruit.dragon_fruit' }, first: 1 });
    expect(real.data?.products.totalCount).toBeGreaterThan(0);
    const wild = await server.gql(Search, { filter: { categoryCode: 'fruit_dragon_fruit' }, first: 1 });
    expect(wild.data?.products.totalCount).toBe(0);
  });

  it('finds a name that holds a literal percent sign by it, and only that', async () => {
    const [coop] = (await server.query(`SELECT id FROM cooperative ORDER BY id LIMIT 1`)) as [{ id: string }];
    await server.query(
      `INSERT INTO product (cooperative_id, category_code, name_vi, unit, status, published_at)
       VALUES ($1, 'processed.coconut', 'Nước cốt dừa 100% nguyên chất', 'LTR', 'PUBLISHED', now())`,
      [coop.id],
    );
    const res = await server.gql(Search, { search: 'dừa 100%' });
    expect(res.data?.products.edges.map((e) => e.node.nameVi)).toEqual(['Nước cốt dừa 100% nguyên chất']);
    expect((await server.gql(Search, { search: 'dua 100 %' })).data?.products.totalCount).toBe(0);
  });
});

describe('filters, sorting and paging', () => {
  it('filters by district through the commune of each cooperative', async () => {
    const res = await server.gql(Search, { filter: { areaCode: '845' }, first: 100 });
    const edges = res.data?.products.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.cooperative.area.parentCode === '845')).toBe(true);
    const [expected] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM product p JOIN cooperative c ON c.id = p.cooperative_id JOIN area a ON a.code = c.area_code
        WHERE p.status = 'PUBLISHED' AND a.parent_code = '845'`,
    );
    expect(res.data?.products.totalCount).toBe(expected!.n);
  });

  it('filters by category subtree, sector, minimum OCOP stars and valid certificate', async () => {
    const res = await server.gql(Search, {
      filter: { categoryCode: 'fruit', sector: 'AGRICULTURE', minOcopStars: 4, certification: 'VIETGAP' },
      first: 100,
    });
    const [expected] = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND (p.category_code = 'fruit' OR p.category_code LIKE 'fruit.%') AND c.sector = 'AGRICULTURE'
          AND p.ocop_stars >= 4 AND EXISTS (SELECT 1 FROM certification ce WHERE ce.product_id = p.id AND ce.scheme = 'VIETGAP'
          AND ce.issued_on <= CURRENT_DATE AND (ce.expires_on IS NULL OR ce.expires_on >= CURRENT_DATE))`,
    );
    expect(res.data?.products.totalCount).toBe(expected!.n);
    for (const e of res.data?.products.edges ?? []) {
      expect(e.node.category.code === 'fruit' || e.node.category.code.startsWith('fruit.')).toBe(true);
      expect(e.node.ocopStars).toBeGreaterThanOrEqual(4);
    }
  });

  it('sorts by price in both directions', async () => {
    const asc = (await server.gql(Search, { sort: 'PRICE_ASC', first: 50 })).data?.products.edges.map((e) => e.node.priceMin) ?? [];
    const nonNull = asc.filter((p): p is number => p !== null);
    expect(nonNull).toEqual([...nonNull].sort((a, b) => a - b));
    const desc = (await server.gql(Search, { sort: 'PRICE_DESC', first: 50 })).data?.products.edges.map((e) => e.node.priceMax) ?? [];
    const nonNullDesc = desc.filter((p): p is number => p !== null);
    expect(nonNullDesc).toEqual([...nonNullDesc].sort((a, b) => b - a));
  });

  it('pages with cursors without gaps or repeats', async () => {
    const first = await server.gql(Search, { search: 'dua', first: 7 });
    const second = await server.gql(Search, { search: 'dua', first: 7, after: first.data?.products.pageInfo.endCursor });
    const all = await server.gql(Search, { search: 'dua', first: 14 });
    const paged = [...(first.data?.products.edges ?? []), ...(second.data?.products.edges ?? [])].map((e) => e.node.id);
    expect(paged).toEqual(all.data?.products.edges.map((e) => e.node.id));
    expect(first.data?.products.pageInfo.hasNextPage).toBe(true);
  });

  it('counts every match of a text search on any page, past the last one too, in the statement that finds the page', async () => {
    const compiled = await new CatalogueSearchService().compileFor(server.ds.manager, 'dua', null);
    const [expected] = (await server.query(
      `SELECT count(*)::int AS n FROM ${searchSource({ ...compiled, joinsCooperative: true })} WHERE ${compiled.where}`,
      compiled.params,
    )) as [{ n: number }];
    expect(expected!.n).toBeGreaterThan(14);
    const first = await server.gql(Search, { search: 'dua', first: 7 });
    const second = await server.gql(Search, { search: 'dua', first: 7, after: first.data?.products.pageInfo.endCursor });
    const beyond = await server.gql(Search, { search: 'dua', first: 7, after: Buffer.from(`o:${expected!.n + 5}`).toString('base64url') });
    expect([first, second, beyond].map((r) => r.data?.products.totalCount)).toEqual([expected!.n, expected!.n, expected!.n]);
    expect(beyond.data?.products.edges).toEqual([]);

    const withoutTotal = `query TSearchIds($search: String) { products(search: $search, first: 7) { edges { node { id } } } }`;
    const withTotal = `query TSearchIdsTotal($search: String) { products(search: $search, first: 7) { ...Total edges { node { id } } } }
      fragment Total on ProductConnection { totalCount }`;
    server.counter.reset();
    await server.gql(withoutTotal, { search: 'dua' });
    const plain = server.counter.reset();
    await server.gql(withTotal, { search: 'dua' });
    expect(server.counter.reset()).toBe(plain);
  });

  it('refuses pages over 100 and forged cursors', async () => {
    expect((await server.gql(Search, { first: 101 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first' }],
    });
    expect((await server.gql(Search, { first: -1 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(Search, { after: 'bm9wZQ' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'after' }],
    });
  });
});

describe('facets', () => {
  it('counts categories, districts, certificates, OCOP stars and sectors over all matches', async () => {
    const res = await server.gql(Facets, { search: 'dua' });
    const facets = res.data!.products.facets!;
    const total = res.data!.products.totalCount;
    const sum = (list: { count: number }[]) => list.reduce((a, b) => a + b.count, 0);
    expect(sum(facets.category)).toBe(total);
    expect(sum(facets.area)).toBe(total);
    expect(sum(facets.sector)).toBe(total);
    const compiled = await new CatalogueSearchService().compileFor(server.ds.manager, 'dua', null);
    const expectedStars = await server.query<{ value: string; count: number }>(
      `SELECT p.ocop_stars::text AS value, count(*)::int AS count FROM ${searchSource({ ...compiled, joinsCooperative: true })}
        WHERE ${compiled.where} AND p.ocop_stars IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      compiled.params,
    );
    expect(facets.ocopStars).toEqual(expectedStars);
    const expectedDistricts = await server.query<{ value: string; count: number }>(
      `SELECT a.parent_code AS value, count(*)::int AS count FROM ${searchSource({ ...compiled, joinsCooperative: true })} JOIN area a ON a.code = c.area_code
        WHERE ${compiled.where} GROUP BY 1 ORDER BY 2 DESC, 1`,
      compiled.params,
    );
    expect(facets.area.map(({ value, count }) => ({ value, count }))).toEqual(expectedDistricts);
    expect(facets.category.every((c) => c.label && c.labelEn)).toBe(true);
  });

  it('breaks a chosen category down into its children', async () => {
    const res = await server.gql(Facets, { filter: { categoryCode: 'fruit' } });
    const values = res.data!.products.facets!.category.map((c) => c.value);
    expect(values.length).toBeGreaterThan(1);
    expect(values.every((v) => v.startsWith('fruit.'))).toBe(true);
  });
});

describe('query plans and statement counts', () => {
  it('picks the trigram index by itself on a catalogue of 20,000 products', async () => {
    // A few thousand rows fit in a handful of pages, where a sequential scan is
    // honestly cheaper; so the catalogue is grown inside a transaction that is
    // rolled back, and the planner chooses freely.
    const compiled = new CatalogueSearchService().compile({ typed: 'buoi nam roi', text: 'buoi nam roi', words: [] }, null);
    const runner = server.ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL statement_timeout = 0');
      // In batches: on a busy machine one 20,000-row statement can outlast the pool's read timeout.
      for (let from = 1; from <= 20_000; from += 2_500)
        await runner.query(
          `INSERT INTO product (cooperative_id, category_code, name_vi, unit, status, published_at)
           SELECT c.id, 'processed', 'Sản phẩm mẫu số ' || g, 'KGM', 'PUBLISHED', now()
             FROM generate_series($1::int, $1::int + 2499) g JOIN LATERAL (SELECT id FROM cooperative ORDER BY id OFFSET (g % 100) LIMIT 1) c ON true`,
          [from],
        );
      await runner.query('ANALYZE product');
      await runner.query('ANALYZE product_search');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN SELECT p.id FROM ${searchSource({ ...compiled, joinsCooperative: true })} WHERE ${compiled.where}`,
        compiled.params,
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Bitmap Index Scan on product_search_doc_trgm/);
      expect(text).toMatch(/Index Cond: \(search_doc ~~ '%buoi nam roi%'::text\)/);
      expect(text).not.toMatch(/Seq Scan on product_search/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('uses the same number of statements for a page of 5 and a page of 50', async () => {
    await server.gql(CataloguePage, { first: 2 }); // warm the connection pool
    server.counter.reset();
    const small = await server.gql(CataloguePage, { first: 5 });
    const smallCount = server.counter.reset();
    const large = await server.gql(CataloguePage, { first: 50 });
    const largeCount = server.counter.reset();
    expect(small.data?.products.edges).toHaveLength(5);
    expect(large.data?.products.edges).toHaveLength(50);
    expect(largeCount).toBe(smallCount);
    expect(smallCount).toBeLessThanOrEqual(10);
  });
});
