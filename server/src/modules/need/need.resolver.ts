import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { Business } from '../business/business.entity';
import { Category } from '../catalogue/category.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Need, NeedStatus } from './need.entity';
import { NeedFilter, PostNeedInput, UpdateNeedInput } from './need.inputs';
import { NeedConnection, UpdateNeedResult } from './need.types';

@Resolver(() => Need)
export class NeedResolver {
  @Query(() => NeedConnection, { description: 'The public board of open needs, newest first.' })
  needs(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => NeedFilter, { nullable: true }) filter?: NeedFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.needs.list(ctx, filter ?? {}, toPage(first, after));
  }

  @Authorized()
  @Query(() => NeedConnection, {
    description: 'Needs of the caller’s organisations in every status, newest first; for staff, those of the organisations they cover.',
  })
  myNeeds(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => NeedStatus, { nullable: true }) status?: NeedStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.needs.listMine(ctx, status ?? null, toPage(first, after));
  }

  @Query(() => Need, { nullable: true, description: 'Needs that are not open only for their organisation and staff.' })
  need(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Need | null> {
    return ctx.services.needs.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized('BUSINESS_REP', 'COOP_MANAGER', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => Need)
  postNeed(@Ctx() ctx: RequestContext, @Arg('input', () => PostNeedInput) input: PostNeedInput): Promise<Need> {
    return ctx.services.needs.post(ctx, input);
  }

  @Authorized('BUSINESS_REP', 'COOP_MANAGER', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => UpdateNeedResult)
  updateNeed(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateNeedInput) input: UpdateNeedInput) {
    return ctx.services.needs.update(ctx, input);
  }

  @FieldResolver(() => Category)
  async category(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<Category> {
    return (await ctx.loaders.category.load(need.categoryCode))!;
  }

  @FieldResolver(() => Business, { nullable: true })
  business(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<Business | null> | null {
    return need.businessId ? ctx.loaders.business.load(need.businessId) : null;
  }

  @FieldResolver(() => Cooperative, { nullable: true })
  cooperative(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<Cooperative | null> | null {
    return need.cooperativeId ? ctx.loaders.cooperative.load(need.cooperativeId) : null;
  }

  @FieldResolver(() => Area, { nullable: true })
  deliveryArea(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<Area | null> | null {
    return need.deliveryAreaCode ? ctx.loaders.area.load(need.deliveryAreaCode) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit this need.' })
  viewerCanEdit(@Root() need: Need, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.needs.canEdit(ctx, need);
  }
}
