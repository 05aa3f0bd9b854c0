import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { AffinityParty } from './affinity';
import { FairRegistration } from './fair.entity';

const perRequest = new WeakMap<object, DataLoader<string, FairRegistration | null>>();

/** Registrations by id, batched per request like the shared loaders. */
export function registrationLoader(ctx: RequestContext): DataLoader<string, FairRegistration | null> {
  let loader = perRequest.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.getRepository(FairRegistration).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    perRequest.set(ctx.loaders, loader);
  }
  return loader;
}

/** An accepted participant of a fair, with what its meeting scores are made of. */
export interface FairParticipant {
  party: AffinityParty;
  cooperativeId: string | null;
  businessId: string | null;
  /** Products a cooperative shows at the fair; empty when it listed none (then all its published ones count). */
  productIds: string[];
}

/** Every accepted participant of a fair, in one query. */
export async function fairParticipants(em: EntityManager, fairId: string): Promise<Map<string, FairParticipant>> {
  const rows: {
    id: string;
    cooperative_id: string | null;
    business_id: string | null;
    product_ids: string[];
    verified: boolean;
    kinds: string[] | null;
    categories: string[] | null;
    ocop: number | null;
  }[] = await em.query(
    `SELECT r.id, r.cooperative_id, r.business_id, r.product_ids,
            coalesce(c.verified_at, b.verified_at) IS NOT NULL AS verified,
            b.kinds,
            (SELECT array_agg(DISTINCT split_part(p.category_code, '.', 1)) FROM product p
              WHERE p.cooperative_id = r.cooperative_id
                AND (p.id = ANY(r.product_ids) OR (cardinality(r.product_ids) = 0 AND p.status = 'PUBLISHED'))) AS categories,
            (SELECT max(p.ocop_stars) FROM product p WHERE p.cooperative_id = r.cooperative_id AND p.status = 'PUBLISHED') AS ocop
       FROM fair_registration r
       LEFT JOIN cooperative c ON c.id = r.cooperative_id
       LEFT JOIN business b ON b.id = r.business_id
      WHERE r.fair_id = $1 AND r.status = 'ACCEPTED'`,
    [fairId],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        party: {
          kind: r.cooperative_id ? 'COOPERATIVE' : 'BUSINESS',
          categories: r.categories ?? [],
          businessKinds: r.kinds ?? [],
          verified: r.verified,
          ocopStars: r.ocop ?? 0,
        },
        cooperativeId: r.cooperative_id,
        businessId: r.business_id,
        productIds: r.product_ids,
      },
    ]),
  );
}
