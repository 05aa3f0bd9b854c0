import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { ProductConnection } from '../catalogue-search/catalogue-search.types';
import { Brand } from '../product/product.entity';
import { Cooperative, CooperativeRating, Sector } from './cooperative.entity';
import { CreateCooperativeInput, RecordRatingInput, UpdateCooperativeInput } from './cooperative.inputs';
import { CooperativeConnection, CreateCooperativeResult, UpdateCooperativeResult } from './cooperative.types';

@Resolver(() => Cooperative)
export class CooperativeResolver {
  @Query(() => CooperativeConnection)
  async cooperatives(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('areaCode', () => String, { nullable: true }) areaCode?: string | null,
    @Arg('sector', () => Sector, { nullable: true }) sector?: Sector | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const page = toPage(first, after);
    const areaCodes = areaCode ? await ctx.services.areas.descendantCodes(ctx, areaCode) : null;
    return ctx.services.cooperatives.list(ctx, { search: search?.slice(0, 200), areaCodes, sector }, page);
  }

  @Query(() => Cooperative, { nullable: true })
  cooperative(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Cooperative | null> {
    return ctx.services.cooperatives.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized('COOP_MANAGER', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => CreateCooperativeResult)
  createCooperative(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCooperativeInput) input: CreateCooperativeInput) {
    return ctx.services.cooperatives.create(ctx, input);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => UpdateCooperativeResult)
  updateCooperative(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateCooperativeInput) input: UpdateCooperativeInput) {
    return ctx.services.cooperatives.update(ctx, input);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => Cooperative, { description: 'Records a yearly assessment under Circular 01/2020.' })
  recordRating(@Ctx() ctx: RequestContext, @Arg('input', () => RecordRatingInput) input: RecordRatingInput): Promise<Cooperative> {
    return ctx.services.cooperatives.recordRating(ctx, input);
  }

  @FieldResolver(() => Area)
  async area(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<Area> {
    return (await ctx.loaders.area.load(coop.areaCode))!;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district the commune belonged to.' })
  async district(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<Area | null> {
    const area = await ctx.loaders.area.load(coop.areaCode);
    if (!area) return null;
    if (area.level === 2) return area;
    return area.parentCode ? ctx.loaders.area.load(area.parentCode) : null;
  }

  @FieldResolver(() => Boolean)
  verified(@Root() coop: Cooperative): boolean {
    return coop.verifiedAt !== null;
  }

  @FieldResolver(() => CooperativeRating, { nullable: true, description: 'The latest yearly rating.' })
  async currentRating(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<CooperativeRating | null> {
    return (await ctx.loaders.ratingsByCooperative.load(coop.id))[0] ?? null;
  }

  @FieldResolver(() => [CooperativeRating], { description: 'Every yearly rating, newest first.' })
  ratings(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<CooperativeRating[]> {
    return ctx.loaders.ratingsByCooperative.load(coop.id);
  }

  @FieldResolver(() => [Brand])
  brands(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<Brand[]> {
    return ctx.loaders.brandsByCooperative.load(coop.id);
  }

  @FieldResolver(() => ProductConnection, { description: 'Published products; members and staff may include drafts and archived ones.' })
  async products(
    @Root() coop: Cooperative,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('includeUnpublished', () => Boolean, { nullable: true, defaultValue: false }) includeUnpublished?: boolean | null,
  ): Promise<ProductConnection> {
    const page = toPage(first, after);
    const allowed = !!includeUnpublished && (await ctx.services.cooperatives.canSeeUnpublished(ctx, coop.id));
    return ctx.services.search.listForCooperative(ctx, coop.id, allowed, page);
  }
}
