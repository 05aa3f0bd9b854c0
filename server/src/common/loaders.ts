import DataLoader from 'dataloader';
import { type EntityManager, In } from 'typeorm';
import { Area } from '../modules/area/area.entity';
import { MembershipRow } from '../modules/auth/user.entity';
import { Business } from '../modules/business/business.entity';
import { Category } from '../modules/catalogue/category.entity';
import { Cooperative, CooperativeRating } from '../modules/cooperative/cooperative.entity';
import { Brand, Certification, type ProductImageRow } from '../modules/product/product.entity';
import { Product } from '../modules/product/product.entity';
import { Lot } from '../modules/trace/trace.entity';
import { Upload } from '../modules/upload/upload.entity';
import { Need } from '../modules/need/need.entity';
import { Fair } from '../modules/fair/fair.entity';

function byKey<K, V>(keys: readonly K[], rows: V[], key: (v: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const r of rows) map.set(key(r), r);
  return keys.map((k) => map.get(k) ?? null);
}

function groupBy<K, V>(keys: readonly K[], rows: V[], key: (v: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * One DataLoader per relation, created per request, so a page of N products
 * costs the same handful of statements as a page of one.
 */
export function createLoaders(em: EntityManager) {
  return {
    area: new DataLoader<string, Area | null>(async (codes) =>
      byKey(codes, await em.getRepository(Area).findBy({ code: In([...codes]) }), (a) => a.code),
    ),
    areaChildren: new DataLoader<string, Area[]>(async (codes) =>
      groupBy(
        codes,
        await em.getRepository(Area).find({ where: { parentCode: In([...codes]) }, order: { name: 'ASC' } }),
        (a) => a.parentCode ?? '',
      ),
    ),
    category: new DataLoader<string, Category | null>(async (codes) =>
      byKey(codes, await em.getRepository(Category).findBy({ code: In([...codes]) }), (c) => c.code),
    ),
    categoryChildren: new DataLoader<string, Category[]>(async (codes) =>
      groupBy(
        codes,
        await em.getRepository(Category).find({ where: { parentCode: In([...codes]) }, order: { position: 'ASC', code: 'ASC' } }),
        (c) => c.parentCode ?? '',
      ),
    ),
    cooperative: new DataLoader<string, Cooperative | null>(async (ids) =>
      byKey(ids, await em.getRepository(Cooperative).findBy({ id: In([...ids]) }), (c) => c.id),
    ),
    business: new DataLoader<string, Business | null>(async (ids) =>
      byKey(ids, await em.getRepository(Business).findBy({ id: In([...ids]) }), (b) => b.id),
    ),
    brand: new DataLoader<string, Brand | null>(async (ids) =>
      byKey(ids, await em.getRepository(Brand).findBy({ id: In([...ids]) }), (b) => b.id),
    ),
    brandsByCooperative: new DataLoader<string, Brand[]>(async (ids) =>
      groupBy(
        ids,
        await em.getRepository(Brand).find({ where: { cooperativeId: In([...ids]) }, order: { name: 'ASC' } }),
        (b) => b.cooperativeId,
      ),
    ),
    certificationsByProduct: new DataLoader<string, Certification[]>(async (ids) =>
      groupBy(
        ids,
        await em.getRepository(Certification).find({ where: { productId: In([...ids]) }, order: { issuedOn: 'DESC' } }),
        (c) => c.productId,
      ),
    ),
    imagesByProduct: new DataLoader<string, (ProductImageRow & { fileName: string })[]>(async (ids) => {
      const rows: (ProductImageRow & { fileName: string })[] = await em.query(
        `SELECT pi.id, pi.product_id AS "productId", pi.upload_id AS "uploadId", pi.position, u.file_name AS "fileName"
           FROM product_image pi JOIN upload u ON u.id = pi.upload_id
          WHERE pi.product_id = ANY($1::uuid[]) ORDER BY pi.position, pi.id`,
        [[...ids]],
      );
      return groupBy(ids, rows, (r) => r.productId);
    }),
    ratingsByCooperative: new DataLoader<string, CooperativeRating[]>(async (ids) =>
      groupBy(
        ids,
        await em.getRepository(CooperativeRating).find({ where: { cooperativeId: In([...ids]) }, order: { year: 'DESC' } }),
        (r) => r.cooperativeId,
      ),
    ),
    userName: new DataLoader<string, string | null>(async (ids) => {
      const rows: { id: string; display_name: string }[] = await em.query(
        `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
        [[...ids]],
      );
      return byKey(ids, rows, (r) => r.id).map((r) => r?.display_name ?? null);
    }),
    membershipsByUser: new DataLoader<string, MembershipRow[]>(async (ids) =>
      groupBy(ids, await em.getRepository(MembershipRow).findBy({ userId: In([...ids]) }), (m) => m.userId),
    ),
    upload: new DataLoader<string, Upload | null>(async (ids) =>
      byKey(ids, await em.getRepository(Upload).findBy({ id: In([...ids]) }), (u) => u.id),
    ),
    lot: new DataLoader<string, Lot | null>(async (ids) =>
      byKey(ids, await em.getRepository(Lot).findBy({ id: In([...ids]) }), (l) => l.id),
    ),
    product: new DataLoader<string, Product | null>(async (ids) =>
      byKey(ids, await em.getRepository(Product).findBy({ id: In([...ids]) }), (p) => p.id),
    ),
    need: new DataLoader<string, Need | null>(async (ids) =>
      byKey(ids, await em.getRepository(Need).findBy({ id: In([...ids]) }), (n) => n.id),
    ),
    fair: new DataLoader<string, Fair | null>(async (ids) =>
      byKey(ids, await em.getRepository(Fair).findBy({ id: In([...ids]) }), (f) => f.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
