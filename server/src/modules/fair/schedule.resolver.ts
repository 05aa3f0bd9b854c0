import { Arg, Authorized, Ctx, FieldResolver, GraphQLISODateTime as DateTimeISO, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid } from '../../common/errors';
import { Linkage } from '../linkage/linkage.entity';
import type { RequestContext } from '../../common/context';
import { Fair, FairMeeting, FairRegistration, MeetingRequest, OutcomeLevel } from './fair.entity';
import { MoveMeetingInput, RecordAttendanceInput, RecordOutcomeInput, ScheduleFairInput } from './fair.inputs';
import { registrationLoader } from './fair-loaders';
import { slotsOf } from './fair.service';
import { MeetingResult, ScheduleFairResult, UnplacedMeetingRequest } from './fair.types';
import { outcomeLevelOf } from './outcome.service';

@Resolver(() => FairMeeting)
export class FairMeetingResolver {
  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => ScheduleFairResult, { description: 'Seats accepted requests in slots and at tables, keeping locked and held meetings.' })
  scheduleFair(@Ctx() ctx: RequestContext, @Arg('input', () => ScheduleFairInput) input: ScheduleFairInput) {
    return ctx.services.schedules.schedule(ctx, input.fairId);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => MeetingResult, { description: 'Moves a meeting to another slot and table; the database refuses clashes.' })
  moveMeeting(@Ctx() ctx: RequestContext, @Arg('input', () => MoveMeetingInput) input: MoveMeetingInput) {
    return ctx.services.schedules.move(ctx, input);
  }

  @Authorized()
  @Mutation(() => MeetingResult, { description: 'Both present: HELD; anyone missing: NO_SHOW.' })
  recordAttendance(@Ctx() ctx: RequestContext, @Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput) {
    return ctx.services.outcomes.attendance(ctx, input);
  }

  @Authorized()
  @Mutation(() => MeetingResult, { description: 'Follow-up on a held meeting, at one of the five levels.' })
  recordMeetingOutcome(@Ctx() ctx: RequestContext, @Arg('input', () => RecordOutcomeInput) input: RecordOutcomeInput) {
    return ctx.services.outcomes.outcome(ctx, input);
  }

  @Authorized()
  @Query(() => FairMeeting, { description: 'One meeting, for its two sides and staff: attendance, outcome and the linkage it opened.' })
  fairMeeting(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<FairMeeting> {
    return ctx.services.outcomes.get(ctx, assertUuid(id, 'id'));
  }

  @FieldResolver(() => Fair)
  fair(@Root() m: FairMeeting, @Ctx() ctx: RequestContext): Promise<Fair> {
    return ctx.em.getRepository(Fair).findOneByOrFail({ id: m.fairId });
  }

  @FieldResolver(() => Linkage, { nullable: true, description: 'The linkage this meeting opened, if any.' })
  linkage(@Root() m: FairMeeting, @Ctx() ctx: RequestContext): Promise<Linkage | null> {
    return ctx.services.linkagesFromMeetings.ofMeeting(ctx, m.id);
  }

  @FieldResolver(() => FairRegistration)
  async registrationA(@Root() m: FairMeeting, @Ctx() ctx: RequestContext): Promise<FairRegistration> {
    return (await registrationLoader(ctx).load(m.registrationA))!;
  }

  @FieldResolver(() => FairRegistration)
  async registrationB(@Root() m: FairMeeting, @Ctx() ctx: RequestContext): Promise<FairRegistration> {
    return (await registrationLoader(ctx).load(m.registrationB))!;
  }

  @FieldResolver(() => DateTimeISO)
  async startsAt(@Root() m: FairMeeting, @Ctx() ctx: RequestContext): Promise<Date> {
    const fair = await ctx.em.getRepository(Fair).findOneByOrFail({ id: m.fairId });
    return slotsOf(fair)[m.slot]?.startsAt ?? new Date(0);
  }

  @FieldResolver(() => OutcomeLevel, { nullable: true })
  outcomeLevel(@Root() m: FairMeeting): OutcomeLevel | null {
    return outcomeLevelOf(m.outcomeLevelNumber);
  }
}

@Resolver(() => UnplacedMeetingRequest)
export class UnplacedMeetingRequestResolver {
  @FieldResolver(() => MeetingRequest, { nullable: true, description: 'The request itself, with both sides, for staff to follow up.' })
  request(@Root() u: UnplacedMeetingRequest, @Ctx() ctx: RequestContext): Promise<MeetingRequest | null> {
    return ctx.em.getRepository(MeetingRequest).findOneBy({ id: u.requestId });
  }
}
