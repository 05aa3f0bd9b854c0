import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

/** The catalogue page every client shows: 20 newest products with cooperative, brand, category and certificates. */
export const CATALOGUE_QUERY = `query BenchCatalogue {
  products(first: 20, sort: NEWEST) {
    edges { node {
      id nameVi unit priceMin priceMax ocopStars
      cooperative { id name }
      brand { name kind }
      category { code nameVi }
      certifications { scheme expiresOn }
    } }
  }
}`;

type Row = Record<string, unknown>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/**
 * A raw `node:http` + `pg` handler for the same page: the same six statements
 * the API issues (page of ids, products, then cooperatives, brands, categories
 * and certificates by id) and the same JSON, with nothing else around it.
 * It is the ceiling the API is measured against.
 */
export async function startBaseline(databaseUrl: string, poolSize: number): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pg.types.setTypeParser(1082, (v) => v); // dates as YYYY-MM-DD, as the API returns them
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      void page(pool)
        .then((body) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      // Keep-alive connections from the load generator would hold close() open.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function page(pool: pg.Pool): Promise<string> {
  const ids = (
    await pool.query<{ id: string }>(
      `SELECT p.id FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' ORDER BY p.published_at DESC, p.id DESC LIMIT 21 OFFSET 0`,
    )
  ).rows
    .slice(0, 20)
    .map((r) => r.id);
  const products = (await pool.query<Row>(`SELECT * FROM product WHERE id = ANY($1::uuid[])`, [ids])).rows;
  const byId = new Map(products.map((p) => [p.id as string, p]));
  const coopIds = [...new Set(products.map((p) => p.cooperative_id as string))];
  const brandIds = [...new Set(products.map((p) => p.brand_id as string | null).filter((b): b is string => !!b))];
  const catCodes = [...new Set(products.map((p) => p.category_code as string))];
  const [coops, brands, cats, certs] = await Promise.all([
    pool.query<Row>(`SELECT * FROM cooperative WHERE id = ANY($1::uuid[])`, [coopIds]),
    pool.query<Row>(`SELECT * FROM brand WHERE id = ANY($1::uuid[])`, [brandIds]),
    pool.query<Row>(`SELECT * FROM category WHERE code = ANY($1::text[])`, [catCodes]),
    pool.query<Row>(`SELECT * FROM certification WHERE product_id = ANY($1::uuid[]) ORDER BY issued_on DESC`, [ids]),
  ]);
  const coop = new Map(coops.rows.map((r) => [r.id as string, r]));
  const brand = new Map(brands.rows.map((r) => [r.id as string, r]));
  const cat = new Map(cats.rows.map((r) => [r.code as string, r]));
  const certsOf = new Map<string, Row[]>();
  for (const c of certs.rows) {
    const list = certsOf.get(c.product_id as string) ?? [];
    list.push(c);
    certsOf.set(c.product_id as string, list);
  }
  const edges = ids.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const c = coop.get(p.cooperative_id as string)!;
    const b = p.brand_id ? brand.get(p.brand_id as string) : null;
    const k = cat.get(p.category_code as string)!;
    return [
      {
        node: {
          id: p.id,
          nameVi: p.name_vi,
          unit: p.unit,
          priceMin: num(p.price_min),
          priceMax: num(p.price_max),
          ocopStars: p.ocop_stars,
          cooperative: { id: c.id, name: c.name },
          brand: b ? { name: b.name, kind: b.kind } : null,
          category: { code: k.code, nameVi: k.name_vi },
          certifications: (certsOf.get(id) ?? []).map((x) => ({ scheme: x.scheme, expiresOn: day(x.expires_on) })),
        },
      },
    ];
  });
  return JSON.stringify({ data: { products: { edges } } });
}
