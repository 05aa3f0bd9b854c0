import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { badInput, forbidden, notFound } from '../../common/errors';
import { NeedNotOpenError } from '../linkage/linkage.types';
import { Need, NeedKind, NeedStatus } from '../need/need.entity';
import { ShortlistEntry } from './shortlist.entity';
import type { RemoveShortlistEntryInput, ShortlistMatchInput } from './shortlist.inputs';

/** Enough to compare a season's candidates; a longer list stops being a shortlist. */
export const SHORTLIST_LIMIT = 50;

/**
 * A buyer's shortlist of matches, kept per need, so the comparison survives
 * a reload or a switch of phone, and proposals can be sent from it.
 */
export class ShortlistService {
  /** The need's shortlist, in the order it was drawn up. */
  async list(ctx: RequestContext, needId: string): Promise<ShortlistEntry[]> {
    const need = await this.ownedNeed(ctx, needId);
    return ctx.em.getRepository(ShortlistEntry).find({ where: { needId: need.id }, order: { addedAt: 'ASC', id: 'ASC' } });
  }

  /** Adds a match; adding one that is already there returns the existing entry. */
  async add(ctx: RequestContext, input: ShortlistMatchInput): Promise<ShortlistEntry | NeedNotOpenError> {
    const need = await this.ownedNeed(ctx, input.needId);
    if (need.kind === NeedKind.INPUT_DEMAND)
      throw badInput('input.needId', 'Businesses answer a cooperative’s input need with their offers.', ['kind']);
    if (!(await ctx.loaders.cooperative.load(input.cooperativeId)))
      throw badInput('input.cooperativeId', 'Unknown cooperative.', ['cooperative']);
    if (input.productId) {
      const product = await ctx.loaders.product.load(input.productId);
      if (!product || product.cooperativeId !== input.cooperativeId)
        throw badInput('input.productId', 'Choose one of the cooperative’s products.', ['product']);
    }
    return inTransaction(ctx, async (tx) => {
      // The need row is the lock: concurrent additions see each other's rows when counting.
      const [locked] = (await tx.em.query(`SELECT status FROM need WHERE id = $1 FOR UPDATE`, [need.id])) as { status: NeedStatus }[];
      if (locked?.status !== NeedStatus.OPEN) return NeedNotOpenError.of();
      const existing = await this.find(tx, need.id, input.cooperativeId, input.productId ?? null);
      if (existing) return existing;
      const [count] = (await tx.em.query(`SELECT count(*)::int AS n FROM need_shortlist WHERE need_id = $1`, [need.id])) as {
        n: number;
      }[];
      if ((count?.n ?? 0) >= SHORTLIST_LIMIT)
        throw badInput('input.needId', `A shortlist holds at most ${SHORTLIST_LIMIT} matches.`, ['maxLength']);
      await tx.em.query(`INSERT INTO need_shortlist (need_id, cooperative_id, product_id, added_by) VALUES ($1,$2,$3,$4)`, [
        need.id,
        input.cooperativeId,
        input.productId ?? null,
        ctx.user!.id,
      ]);
      return (await this.find(tx, need.id, input.cooperativeId, input.productId ?? null))!;
    });
  }

  /** Takes a match off the shortlist; a linkage already proposed from it stays. */
  async remove(ctx: RequestContext, input: RemoveShortlistEntryInput): Promise<string> {
    const entry = await ctx.em.getRepository(ShortlistEntry).findOneBy({ id: input.id });
    if (!entry) throw notFound('Shortlist entry');
    await this.ownedNeed(ctx, entry.needId);
    await ctx.em.query(`DELETE FROM need_shortlist WHERE id = $1`, [entry.id]);
    return entry.id;
  }

  /** The live linkage between the need and the shortlisted cooperative, else the latest one. */
  async linkageId(ctx: RequestContext, entry: ShortlistEntry): Promise<string | null> {
    const [row] = (await ctx.em.query(
      `SELECT id FROM linkage WHERE need_id = $1 AND cooperative_id = $2
        ORDER BY (status IN ('DECLINED','CANCELLED')), created_at DESC LIMIT 1`,
      [entry.needId, entry.cooperativeId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  private async ownedNeed(ctx: RequestContext, needId: string): Promise<Need> {
    const need = await ctx.em.getRepository(Need).findOneBy({ id: needId });
    if (!need) throw notFound('Need');
    if (!(await ctx.services.needs.canEdit(ctx, need))) throw forbidden('Only the organisation that posted this need keeps its shortlist.');
    return need;
  }

  private find(ctx: RequestContext, needId: string, cooperativeId: string, productId: string | null): Promise<ShortlistEntry | null> {
    return ctx.em
      .getRepository(ShortlistEntry)
      .createQueryBuilder('s')
      .where('s.need_id = :needId AND s.cooperative_id = :cooperativeId AND s.product_id IS NOT DISTINCT FROM :productId', {
        needId,
        cooperativeId,
        productId,
      })
      .getOne();
  }
}
