import type { RequestContext } from '../../common/context';
import { isStaff } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { isCooperativeMember } from '../../common/ownership';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Product } from '../product/product.entity';
import { lineage, receipts } from './lineage';
import { Lot } from './trace.entity';
import type { LotRecall } from './trace.types';

export class RecallService {
  /**
   * The recall view of a lot. Staff see any lot (scoped officers their
   * area's); a cooperative manager sees the lots of their own cooperative.
   */
  async recall(ctx: RequestContext, code: string): Promise<LotRecall> {
    const lot = await ctx.services.lots.byCode(ctx, code);
    if (!lot) throw notFound('Lot');
    const coop = await ctx.loaders.cooperative.load(lot.cooperativeId);
    const allowed = isStaff(ctx)
      ? !ctx.user?.scopeAreaCode || (await ctx.services.areas.inScope(ctx, coop!.areaCode))
      : await isCooperativeMember(ctx, lot.cooperativeId);
    if (!allowed) throw forbidden('This lot belongs to another cooperative.');

    const [up, down] = await Promise.all([lineage(ctx.em, lot.id, 'UP'), lineage(ctx.em, lot.id, 'DOWN')]);
    const lotIds = [lot.id, ...up.map((l) => l.lotId), ...down.map((l) => l.lotId)];
    const lots = new Map((await ctx.em.getRepository(Lot).find({ where: lotIds.map((id) => ({ id })) })).map((l) => [l.id, l]));
    const forward = [lot.id, ...down.map((l) => l.lotId)];
    const productIds = [...new Set(forward.map((id) => lots.get(id)!.productId))];
    const coopIds = [...new Set(lotIds.map((id) => lots.get(id)!.cooperativeId))];
    const got = await receipts(ctx.em, forward);
    const businesses = new Map(
      got.length
        ? (await ctx.em.getRepository(Business).find({ where: got.map((r) => ({ id: r.businessId })) })).map((b) => [b.id, b])
        : [],
    );
    return {
      lot,
      upstream: up.map((l) => ({ lot: lots.get(l.lotId)!, depth: l.depth })),
      downstream: down.map((l) => ({ lot: lots.get(l.lotId)!, depth: l.depth })),
      products: await ctx.em.getRepository(Product).find({ where: productIds.map((id) => ({ id })), order: { nameVi: 'ASC' } }),
      cooperatives: await ctx.em.getRepository(Cooperative).find({ where: coopIds.map((id) => ({ id })), order: { name: 'ASC' } }),
      recipients: got.map((r) => ({ business: businesses.get(r.businessId)!, lot: lots.get(r.lotId)!, receivedAt: r.eventTime })),
    };
  }
}
