import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { VerificationItem, VerificationQueueConnection, VerifyOrganizationInput, VerifyOrganizationResult } from './verification.types';

@Resolver(() => VerificationItem)
export class VerificationResolver {
  @Authorized('TRADE_STAFF', 'ADMIN')
  @Query(() => VerificationQueueConnection, { description: 'Unverified cooperatives and businesses, oldest first.' })
  verificationQueue(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.verification.queue(ctx, toPage(first, after));
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => VerifyOrganizationResult)
  verifyOrganization(@Ctx() ctx: RequestContext, @Arg('input', () => VerifyOrganizationInput) input: VerifyOrganizationInput) {
    return ctx.services.verification.verify(ctx, input.kind, input.organizationId);
  }

  @FieldResolver(() => Area)
  async area(@Root() item: VerificationItem, @Ctx() ctx: RequestContext): Promise<Area> {
    return (await ctx.loaders.area.load(item.areaCode))!;
  }
}
