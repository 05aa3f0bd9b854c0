import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { toPage } from '../../common/pagination';
import { Product } from '../product/product.entity';
import { FairRegistration } from './fair.entity';
import { RegisterForFairInput, RegistrationRefInput, ReviewRegistrationInput, SetAvailabilityInput } from './fair.inputs';
import {
  MeetingRequestConnection,
  RegisterForFairResult,
  RegistrationResult,
  ReviewRegistrationResult,
  SuggestedPartner,
} from './fair.types';

@Resolver(() => FairRegistration)
export class FairRegistrationResolver {
  @Authorized('COOP_MANAGER', 'BUSINESS_REP', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => RegisterForFairResult, { description: 'Apply to take part; staff may apply on an organisation’s behalf.' })
  registerForFair(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterForFairInput) input: RegisterForFairInput) {
    return ctx.services.registrations.register(ctx, input);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => ReviewRegistrationResult, { description: 'Accept (taking a booth), wait-list or reject.' })
  reviewRegistration(@Ctx() ctx: RequestContext, @Arg('input', () => ReviewRegistrationInput) input: ReviewRegistrationInput) {
    return ctx.services.registrations.review(ctx, input);
  }

  @Authorized()
  @Mutation(() => RegistrationResult, { description: 'Withdraws; a freed booth goes to the first on the wait-list.' })
  cancelRegistration(@Ctx() ctx: RequestContext, @Arg('input', () => RegistrationRefInput) input: RegistrationRefInput) {
    return ctx.services.registrations.cancel(ctx, input.registrationId);
  }

  @Authorized()
  @Mutation(() => RegistrationResult)
  setAvailability(@Ctx() ctx: RequestContext, @Arg('input', () => SetAvailabilityInput) input: SetAvailabilityInput) {
    return ctx.services.registrations.setAvailability(ctx, input);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => RegistrationResult)
  checkIn(@Ctx() ctx: RequestContext, @Arg('input', () => RegistrationRefInput) input: RegistrationRefInput) {
    return ctx.services.registrations.checkIn(ctx, input.registrationId);
  }

  @FieldResolver(() => String, { description: 'COOPERATIVE or BUSINESS.' })
  organizationKind(@Root() reg: FairRegistration): string {
    return reg.cooperativeId ? 'COOPERATIVE' : 'BUSINESS';
  }

  @FieldResolver(() => String)
  async organizationName(@Root() reg: FairRegistration, @Ctx() ctx: RequestContext): Promise<string> {
    if (reg.cooperativeId) return (await ctx.loaders.cooperative.load(reg.cooperativeId))?.name ?? '';
    return (await ctx.loaders.business.load(reg.businessId!))?.name ?? '';
  }

  @FieldResolver(() => [Product], { description: 'Products the cooperative shows (published ones only).' })
  async products(@Root() reg: FairRegistration, @Ctx() ctx: RequestContext): Promise<Product[]> {
    if (!reg.productIds.length) return [];
    const rows = await ctx.em.getRepository(Product).findByIds(reg.productIds);
    return rows.filter((p) => p.status === 'PUBLISHED');
  }

  @FieldResolver(() => [SuggestedPartner], { description: 'For the participant and staff: who to meet, best first.' })
  suggestedPartners(
    @Root() reg: FairRegistration,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number,
  ) {
    return ctx.services.meetingRequests.suggestions(ctx, reg.id, first);
  }

  @FieldResolver(() => MeetingRequestConnection)
  incomingRequests(
    @Root() reg: FairRegistration,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.meetingRequests.listFor(ctx, reg.id, 'INCOMING', toPage(first, after));
  }

  @FieldResolver(() => MeetingRequestConnection)
  outgoingRequests(
    @Root() reg: FairRegistration,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.meetingRequests.listFor(ctx, reg.id, 'OUTGOING', toPage(first, after));
  }
}
