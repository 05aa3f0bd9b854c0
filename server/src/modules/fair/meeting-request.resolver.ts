import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { FairRegistration, MeetingRequest } from './fair.entity';
import { RespondMeetingRequestInput, SendMeetingRequestInput } from './fair.inputs';
import { registrationLoader } from './fair-loaders';
import { MeetingRequestResult } from './fair.types';

@Resolver(() => MeetingRequest)
export class MeetingRequestResolver {
  @Authorized()
  @Mutation(() => MeetingRequestResult, { description: 'Ask to meet (or say "no thanks"); staff may ask and book for a cooperative.' })
  sendMeetingRequest(@Ctx() ctx: RequestContext, @Arg('input', () => SendMeetingRequestInput) input: SendMeetingRequestInput) {
    return ctx.services.meetingRequests.send(ctx, input);
  }

  @Authorized()
  @Mutation(() => MeetingRequestResult)
  respondMeetingRequest(@Ctx() ctx: RequestContext, @Arg('input', () => RespondMeetingRequestInput) input: RespondMeetingRequestInput) {
    return ctx.services.meetingRequests.respond(ctx, input);
  }

  @FieldResolver(() => FairRegistration)
  async from(@Root() req: MeetingRequest, @Ctx() ctx: RequestContext): Promise<FairRegistration> {
    return (await registrationLoader(ctx).load(req.fromRegistrationId))!;
  }

  @FieldResolver(() => FairRegistration)
  async to(@Root() req: MeetingRequest, @Ctx() ctx: RequestContext): Promise<FairRegistration> {
    return (await registrationLoader(ctx).load(req.toRegistrationId))!;
  }
}
