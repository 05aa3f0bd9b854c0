import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ChangePasswordInput, ChangePasswordResult, DeviceSession, RevokeSessionInput } from './account.types';

@Resolver()
export class AccountResolver {
  @Authorized()
  @Query(() => [DeviceSession], { description: 'The devices where the caller is signed in, this one first.' })
  mySessions(@Ctx() ctx: RequestContext): Promise<DeviceSession[]> {
    return ctx.services.account.sessions(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Signs one of the caller’s devices out. Another user’s session is NOT_FOUND.' })
  revokeSession(@Ctx() ctx: RequestContext, @Arg('input', () => RevokeSessionInput) input: RevokeSessionInput): Promise<boolean> {
    return ctx.services.account.revoke(ctx, input.id);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Signs out every device of the caller’s account except this one; returns how many.' })
  signOutOtherSessions(@Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.account.revokeOthers(ctx);
  }

  @Authorized()
  @Mutation(() => ChangePasswordResult, { description: 'Changes the caller’s password and signs out every other device.' })
  changePassword(@Ctx() ctx: RequestContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput) {
    return ctx.services.account.changePassword(ctx, input);
  }
}
