import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { FairMeeting } from '../fair/fair.entity';
import { Agreement, Delivery, LinkageEvent, LinkageMessage, LinkageShare } from './linkage.entity';

/** The most recent messages a linkage page shows by default, and the most it may ask for. */
export const THREAD_DEFAULT = 200;
export const THREAD_MAX = 500;

interface LinkageLoaders {
  shares: DataLoader<string, LinkageShare[]>;
  steps: DataLoader<string, LinkageEvent[]>;
  agreement: DataLoader<string, Agreement | null>;
  deliveries: DataLoader<string, Delivery[]>;
  /** Fair meetings by id: where linkages opened at a fair started. */
  meeting: DataLoader<string, FairMeeting | null>;
  /** Keyed by how many of the latest messages are wanted. */
  messages: Map<number, DataLoader<string, LinkageMessage[]>>;
}

const perRequest = new WeakMap<object, LinkageLoaders>();

function grouped<T extends { linkageId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.linkageId, [...(by.get(r.linkageId) ?? []), r]);
  return ids.map((id) => by.get(id) ?? []);
}

/**
 * What a linkage is made of, loaded for every linkage of a request at once:
 * a list of 100 linkages with their shares, steps, agreement, deliveries and
 * thread costs five statements, not five hundred.
 */
export function linkageLoaders(ctx: RequestContext): LinkageLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (loaders) return loaders;
  const em = ctx.em;
  loaders = {
    shares: new DataLoader(async (ids) =>
      grouped(ids, await em.getRepository(LinkageShare).find({ where: { linkageId: In([...ids]) }, order: { cooperativeId: 'ASC' } })),
    ),
    steps: new DataLoader(async (ids) =>
      grouped(ids, await em.getRepository(LinkageEvent).find({ where: { linkageId: In([...ids]) }, order: { id: 'ASC' } })),
    ),
    agreement: new DataLoader(async (ids) => {
      const rows = await em.getRepository(Agreement).findBy({ linkageId: In([...ids]) });
      const by = new Map(rows.map((a) => [a.linkageId, a]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    deliveries: new DataLoader(async (ids) =>
      grouped(
        ids,
        await em.getRepository(Delivery).find({ where: { linkageId: In([...ids]) }, order: { deliveredOn: 'ASC', recordedAt: 'ASC' } }),
      ),
    ),
    meeting: new DataLoader(async (ids) => {
      const rows = await em.getRepository(FairMeeting).findBy({ id: In([...ids]) });
      const by = new Map(rows.map((m) => [m.id, m]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    messages: new Map(),
  };
  perRequest.set(ctx.loaders, loaders);
  return loaders;
}

/** The latest `last` messages of each linkage, oldest first. */
export function threadLoader(ctx: RequestContext, last: number): DataLoader<string, LinkageMessage[]> {
  const all = linkageLoaders(ctx).messages;
  let loader = all.get(last);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows: { id: string }[] = await ctx.em.query(
        `SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY linkage_id ORDER BY created_at DESC, id DESC) AS n
             FROM linkage_message WHERE linkage_id = ANY($1::uuid[])) latest
          WHERE n <= $2`,
        [[...ids], last],
      );
      const messages = rows.length
        ? await ctx.em
            .getRepository(LinkageMessage)
            .find({ where: { id: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
        : [];
      return grouped(ids, messages);
    });
    all.set(last, loader);
  }
  return loader;
}
