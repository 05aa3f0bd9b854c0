import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Product, ProductImage } from '../product/product.entity';
import { uploadUrl } from '../upload/upload.entity';
import { lotPublicPath } from './labels';
import { eventIdsOfLot } from './lineage';
import { productOnTracePage } from './trace-data';
import { lotIntegrity } from './trace-event.service';
import { CreateLotInput, RecordTraceEventInput, UpdateLotInput } from './trace.inputs';
import { EventLot, FarmInput, Lot, LotIntegrity, TraceEvent } from './trace.entity';
import { CreateLotResult, LotConnection, LotRecall, RecordTraceEventResult, TraceEventConnection, UpdateLotResult } from './trace.types';
import { STEPS } from './vocab';

@Resolver(() => Lot)
export class LotResolver {
  @Query(() => Lot, { nullable: true, description: 'A lot by its code; public, as its label is.' })
  lot(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<Lot | null> {
    return ctx.services.lots.byCode(ctx, code);
  }

  @Query(() => LotIntegrity, { description: 'Recomputes the lot’s hash chain and reports the first event that does not match.' })
  lotIntegrity(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<LotIntegrity> {
    return ctx.services.traceEvents.integrity(ctx, code);
  }

  @Authorized('TRADE_STAFF', 'ADMIN', 'COOP_MANAGER')
  @Query(() => LotRecall, { description: 'Upstream inputs, downstream lots and products, cooperatives and receiving businesses.' })
  lotRecall(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<LotRecall> {
    return ctx.services.recall.recall(ctx, code);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => CreateLotResult)
  createLot(@Ctx() ctx: RequestContext, @Arg('input', () => CreateLotInput) input: CreateLotInput) {
    return ctx.services.lots.create(ctx, input);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => UpdateLotResult)
  updateLot(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateLotInput) input: UpdateLotInput) {
    return ctx.services.lots.update(ctx, input);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => RecordTraceEventResult, { description: 'Appends an event; a correction names the event it corrects.' })
  recordTraceEvent(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTraceEventInput) input: RecordTraceEventInput) {
    return ctx.services.traceEvents.record(ctx, input);
  }

  @FieldResolver(() => Product, {
    nullable: true,
    description:
      'Null while the product is unpublished, except to its cooperative and the staff covering it; the lot itself stays public, as on its trace page.',
  })
  async product(@Root() lot: Lot, @Ctx() ctx: RequestContext): Promise<Product | null> {
    const product = await ctx.loaders.product.load(lot.productId);
    if (!product) return null;
    if (productOnTracePage(product)) return product;
    return (await isStaffCovering(ctx, product)) || (await isCooperativeMember(ctx, product.cooperativeId)) ? product : null;
  }

  @FieldResolver(() => Cooperative)
  async cooperative(@Root() lot: Lot, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(lot.cooperativeId))!;
  }

  @FieldResolver(() => Area)
  async area(@Root() lot: Lot, @Ctx() ctx: RequestContext): Promise<Area> {
    return (await ctx.loaders.area.load(lot.areaCode))!;
  }

  @FieldResolver(() => String, { description: 'Path of the public trace page; a GS1 Digital Link when the lot has a GTIN.' })
  publicPath(@Root() lot: Lot): string {
    return lotPublicPath(lot);
  }

  @FieldResolver(() => LotIntegrity)
  integrity(@Root() lot: Lot, @Ctx() ctx: RequestContext): Promise<LotIntegrity> {
    return lotIntegrity(ctx.em, lot.id);
  }

  @FieldResolver(() => TraceEventConnection, { description: 'Events naming the lot, oldest first.' })
  async events(
    @Root() lot: Lot,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = toPage(first, after);
    const ids = await eventIdsOfLot(ctx.em, lot.id);
    const slice = ids.slice(page.offset, page.offset + page.limit);
    const rows = slice.length ? await ctx.em.getRepository(TraceEvent).find({ where: slice.map((id) => ({ id })) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toConnection(
      slice.map((id) => byId.get(id)!),
      page,
      ids.length,
    );
  }
}

@Resolver(() => TraceEvent)
export class TraceEventResolver {
  @FieldResolver(() => String, { description: 'The bizStep as written in EPCIS: a CBV name or a CoopLink URI.' })
  bizStepUri(@Root() e: TraceEvent): string {
    return STEPS[e.bizStep];
  }

  @FieldResolver(() => [EventLot])
  lots(@Root() e: TraceEvent): EventLot[] {
    return e.details.lots.map((l) => Object.assign(new EventLot(), l));
  }

  @FieldResolver(() => FarmInput, { nullable: true })
  farmInput(@Root() e: TraceEvent): FarmInput | null {
    return e.details.farmInput ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  notes(@Root() e: TraceEvent): string | null {
    return e.details.notes ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  correctionReason(@Root() e: TraceEvent): string | null {
    return e.details.correctionReason ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  bizTransaction(@Root() e: TraceEvent): string | null {
    return e.details.bizTransaction ?? null;
  }

  @FieldResolver(() => [ProductImage])
  async photos(@Root() e: TraceEvent, @Ctx() ctx: RequestContext): Promise<ProductImage[]> {
    const uploads = await Promise.all((e.details.photoUploadIds ?? []).map((id) => ctx.loaders.upload.load(id)));
    return uploads.flatMap((u) => (u ? [{ id: u.id, url: uploadUrl(u.fileName) }] : []));
  }

  @FieldResolver(() => Cooperative)
  async cooperative(@Root() e: TraceEvent, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(e.cooperativeId))!;
  }

  @FieldResolver(() => Business, { nullable: true })
  destinationBusiness(@Root() e: TraceEvent, @Ctx() ctx: RequestContext): Promise<Business | null> | null {
    return e.destinationBusinessId ? ctx.loaders.business.load(e.destinationBusinessId) : null;
  }
}

@Resolver(() => EventLot)
export class EventLotResolver {
  @FieldResolver(() => Lot)
  async lot(@Root() l: EventLot, @Ctx() ctx: RequestContext): Promise<Lot> {
    return (await ctx.loaders.lot.load(l.lotId))!;
  }
}

@Resolver(() => Product)
export class ProductLotsResolver {
  @FieldResolver(() => LotConnection, { description: 'The product’s lots, newest first; public.' })
  lots(
    @Root() product: Product,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.lots.ofProduct(ctx, product, first, after);
  }
}
