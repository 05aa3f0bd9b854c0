import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Brand, Certification, Product, ProductStatus } from '../product/product.entity';
import { uploadUrl } from '../upload/upload.entity';
import { toEpcisDocument, type EpcisLot } from './epcis';
import { eventIdsOfLot, lineage, type LineageLot } from './lineage';
import { lotIntegrity } from './trace-event.service';
import { Lot, TraceEvent, type LotIntegrity } from './trace.entity';

/** Everything the public trace page shows, loaded in a bounded number of queries. */
export interface TracePageData {
  lot: Lot;
  /** Null while the product is not public (see `productOnTracePage`). */
  product: Product | null;
  imageUrl: string | null;
  cooperative: Cooperative;
  cooperativeArea: string[];
  lotArea: string[];
  brand: Brand | null;
  certifications: Certification[];
  events: TraceEvent[];
  /** Events older than those loaded for the page. */
  earlierEvents: number;
  lotCodes: Map<string, string>;
  businesses: Map<string, string>;
  upstream: (LineageLot & { productName: string })[];
  integrity: LotIntegrity;
}

/** The page shows at most this many events; the EPCIS export has them all. */
export const PAGE_EVENT_LIMIT = 40;

export async function findLot(em: EntityManager, code: string, gtin?: string): Promise<Lot | null> {
  const lot = await em.getRepository(Lot).findOneBy({ code: code.trim().toUpperCase() });
  if (!lot || (gtin !== undefined && lot.gtin !== gtin)) return null;
  return lot;
}

/** Commune, district, province names, innermost first. */
async function areaNames(em: EntityManager, code: string): Promise<string[]> {
  const rows: { name: string }[] = await em.query(
    `WITH RECURSIVE up(code, parent_code, name, depth) AS (
       SELECT code, parent_code, name, 0 FROM area WHERE code = $1
       UNION ALL SELECT a.code, a.parent_code, a.name, up.depth + 1 FROM area a JOIN up ON a.code = up.parent_code WHERE up.depth < 5)
     SELECT name FROM up ORDER BY depth`,
    [code],
  );
  return rows.map((r) => r.name);
}

/**
 * Whether a product's own details (name, photo, brand, certificates) may appear on the public
 * trace page of its lots. A consumer scanning a lot's QR code always gets the lot's page: the
 * goods exist and the label was printed, so the lot's code, dates, quantity, producer, growing
 * area and timeline are shown. The product's details are shown only once the cooperative has
 * published the product: a draft is work in progress the cooperative has not released, and the
 * page then says the product details are not published yet. A product archived after being
 * published keeps its details on the page, since goods sold under it are still in people's hands.
 */
export function productOnTracePage(product: Pick<Product, 'status' | 'publishedAt'>): boolean {
  return product.status === ProductStatus.PUBLISHED || (product.status === ProductStatus.ARCHIVED && product.publishedAt !== null);
}

export async function loadTracePage(em: EntityManager, lot: Lot): Promise<TracePageData> {
  const found = await em.getRepository(Product).findOneByOrFail({ id: lot.productId });
  const product = productOnTracePage(found) ? found : null;
  const cooperative = await em.getRepository(Cooperative).findOneByOrFail({ id: lot.cooperativeId });
  const [brand, certifications, images, ids, upstream, integrity] = await Promise.all([
    product?.brandId ? em.getRepository(Brand).findOneBy({ id: product.brandId }) : Promise.resolve(null),
    product ? em.getRepository(Certification).find({ where: { productId: product.id }, order: { issuedOn: 'ASC' } }) : Promise.resolve([]),
    product
      ? (em.query(
          `SELECT u.file_name FROM product_image pi JOIN upload u ON u.id = pi.upload_id WHERE pi.product_id = $1 ORDER BY pi.position LIMIT 1`,
          [product.id],
        ) as Promise<{ file_name: string }[]>)
      : Promise.resolve([]),
    eventIdsOfLot(em, lot.id),
    lineage(em, lot.id, 'UP'),
    lotIntegrity(em, lot.id),
  ]);
  const shown = ids.slice(-PAGE_EVENT_LIMIT);
  const rows = shown.length ? await em.getRepository(TraceEvent).find({ where: shown.map((id) => ({ id })) }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const events = shown.map((id) => byId.get(id)!);
  const lotIds = new Set([...events.flatMap((e) => e.details.lots.map((l) => l.lotId)), ...upstream.map((u) => u.lotId)]);
  const lots = lotIds.size ? await em.getRepository(Lot).find({ where: [...lotIds].map((id) => ({ id })) }) : [];
  const productIds = [...new Set(upstream.map((u) => u.productId))];
  const products = productIds.length ? await em.getRepository(Product).find({ where: productIds.map((id) => ({ id })) }) : [];
  const bizIds = [...new Set(events.flatMap((e) => (e.destinationBusinessId ? [e.destinationBusinessId] : [])))];
  const businesses = bizIds.length ? await em.getRepository(Business).find({ where: bizIds.map((id) => ({ id })) }) : [];
  return {
    lot,
    product,
    imageUrl: images[0] ? uploadUrl(images[0].file_name) : null,
    cooperative,
    cooperativeArea: await areaNames(em, cooperative.areaCode),
    lotArea: await areaNames(em, lot.areaCode),
    brand,
    certifications,
    events,
    earlierEvents: ids.length - shown.length,
    lotCodes: new Map(lots.map((l) => [l.id, l.code])),
    businesses: new Map(businesses.map((b) => [b.id, b.name])),
    upstream: upstream.map((u) => {
      const p = products.find((x) => x.id === u.productId);
      return { ...u, productName: p && productOnTracePage(p) ? p.nameVi : '' };
    }),
    integrity,
  };
}

/** The EPCIS document of a lot and everything upstream of it. */
export async function loadEpcisDocument(em: EntityManager, lot: Lot, baseUrl: string): Promise<Record<string, unknown>> {
  const upstream = await lineage(em, lot.id, 'UP');
  const eventIds = new Set<string>();
  for (const id of [lot.id, ...upstream.map((u) => u.lotId)]) for (const e of await eventIdsOfLot(em, id)) eventIds.add(e);
  const events = eventIds.size ? await em.getRepository(TraceEvent).find({ where: [...eventIds].map((id) => ({ id })) }) : [];
  const lotIds = new Set(events.flatMap((e) => [e.chainLotId, ...e.details.lots.map((l) => l.lotId)]));
  const lots = lotIds.size ? await em.getRepository(Lot).find({ where: [...lotIds].map((id) => ({ id })) }) : [];
  return toEpcisDocument({
    documentId: randomUUID(),
    createdAt: new Date(),
    baseUrl,
    events,
    lots: new Map<string, EpcisLot>(lots.map((l) => [l.id, { id: l.id, code: l.code, gtin: l.gtin }])),
  });
}
