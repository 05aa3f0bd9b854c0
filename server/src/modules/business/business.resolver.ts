import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { Business } from './business.entity';
import { CreateBusinessInput, UpdateBusinessInput } from './business.inputs';
import { BusinessConnection, CreateBusinessResult, UpdateBusinessResult } from './business.types';

@Resolver(() => Business)
export class BusinessResolver {
  @Query(() => BusinessConnection)
  businesses(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.businesses.list(ctx, search?.slice(0, 200), toPage(first, after));
  }

  @Query(() => Business, { nullable: true })
  business(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Business | null> {
    return ctx.services.businesses.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized('BUSINESS_REP', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => CreateBusinessResult)
  createBusiness(@Ctx() ctx: RequestContext, @Arg('input', () => CreateBusinessInput) input: CreateBusinessInput) {
    return ctx.services.businesses.create(ctx, input);
  }

  @Authorized('BUSINESS_REP')
  @Mutation(() => UpdateBusinessResult)
  updateBusiness(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateBusinessInput) input: UpdateBusinessInput) {
    return ctx.services.businesses.update(ctx, input);
  }

  @FieldResolver(() => Area)
  async area(@Root() business: Business, @Ctx() ctx: RequestContext): Promise<Area> {
    return (await ctx.loaders.area.load(business.areaCode))!;
  }

  @FieldResolver(() => Boolean)
  verified(@Root() business: Business): boolean {
    return business.verifiedAt !== null;
  }
}
