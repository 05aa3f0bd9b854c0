import type { TestServer } from './test-server';

/** A published product inserted directly, with optional valid certificates, for matching fixtures. */
export async function publishedProduct(
  server: TestServer,
  cooperativeId: string,
  opts: {
    categoryCode: string;
    unit?: string;
    capacity?: number | null;
    months?: number[];
    priceMin?: number;
    priceMax?: number;
    certs?: string[];
  },
): Promise<string> {
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO product (cooperative_id, category_code, name_vi, unit, capacity_per_month, available_months, price_min, price_max, status, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', now()) RETURNING id`,
    [
      cooperativeId,
      opts.categoryCode,
      `Sản phẩm ${opts.categoryCode}`,
      opts.unit ?? 'TNE',
      opts.capacity === undefined ? 10 : opts.capacity,
      opts.months ?? [],
      opts.priceMin ?? null,
      opts.priceMax ?? null,
    ],
  );
  for (const [i, scheme] of (opts.certs ?? []).entries())
    await server.query(
      `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on) VALUES ($1,$2,$3,'Test', '2024-01-01', '2099-01-01')`,
      [row!.id, scheme, `C-${i}`],
    );
  return row!.id;
}

/** A date-time some days from now, for expiries. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
