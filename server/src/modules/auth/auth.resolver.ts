import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Area } from '../area/area.entity';
import { LoginInput, LoginResult, RefreshInput, RefreshResult, RegisterInput, RegisterResult } from './auth.types';
import { Membership, OrganizationKind, User } from './user.entity';

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.user ? ctx.em.getRepository(User).findOneBy({ id: ctx.user.id }) : Promise.resolve(null);
  }

  @Mutation(() => RegisterResult)
  register(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterInput) input: RegisterInput) {
    return ctx.services.auth.register(ctx, input);
  }

  @Mutation(() => LoginResult)
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput) input: LoginInput) {
    return ctx.services.auth.login(ctx, input);
  }

  @Mutation(() => RefreshResult)
  refreshSession(@Ctx() ctx: RequestContext, @Arg('input', () => RefreshInput, { nullable: true }) input?: RefreshInput | null) {
    return ctx.services.auth.refresh(ctx, input?.refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session and clears the browser cookies.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.auth.logout(ctx);
  }

  @FieldResolver(() => [Membership])
  async memberships(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    const rows = await ctx.loaders.membershipsByUser.load(user.id);
    return Promise.all(
      rows.map(async (m) => {
        const org = m.cooperativeId ? await ctx.loaders.cooperative.load(m.cooperativeId) : await ctx.loaders.business.load(m.businessId!);
        return Object.assign(new Membership(), {
          organizationId: m.cooperativeId ?? m.businessId,
          organizationKind: m.cooperativeId ? OrganizationKind.COOPERATIVE : OrganizationKind.BUSINESS,
          organizationName: org?.name ?? '',
          role: m.role,
        });
      }),
    );
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Set for officers who see only one area.' })
  scopeArea(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Area | null> | null {
    return user.scopeAreaCode ? ctx.loaders.area.load(user.scopeAreaCode) : null;
  }
}
