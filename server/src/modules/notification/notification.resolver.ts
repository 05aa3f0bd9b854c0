import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isStaff, type RequestContext } from '../../common/context';
import { toPage } from '../../common/pagination';
import { Fair, FairStatus } from '../fair/fair.entity';
import { Need } from '../need/need.entity';
import { Notification } from './notification.entity';
import type { NotificationSignal } from './notification.hub';
import { MarkNotificationsReadInput, NotificationConnection } from './notification.types';

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The caller’s notifications, newest first.' })
  notifications(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.notifications.list(ctx, toPage(first, after));
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.notifications.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'How many were marked read.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput) {
    return ctx.services.notifications.markRead(ctx, input.ids);
  }

  @Authorized()
  @Subscription(() => Notification, {
    description: 'The caller’s new notifications as they happen, from whichever server process stored them.',
    subscribe: ({ context }) => (context as RequestContext).services.notifications.subscribe(context as RequestContext),
  })
  async notificationAdded(@Root() signal: NotificationSignal, @Ctx() ctx: RequestContext): Promise<Notification> {
    return ctx.em.getRepository(Notification).findOneByOrFail({ id: signal.id, userId: signal.userId });
  }

  @FieldResolver(() => Need, { nullable: true })
  need(@Root() n: Notification, @Ctx() ctx: RequestContext): Promise<Need | null> | null {
    return n.needId ? ctx.loaders.need.load(n.needId) : null;
  }

  @FieldResolver(() => Fair, { nullable: true, description: 'The fair, for MEETING_REQUEST and AGENDA_CHANGED.' })
  async fair(@Root() n: Notification, @Ctx() ctx: RequestContext): Promise<Fair | null> {
    if (!n.fairId) return null;
    const fair = await ctx.loaders.fair.load(n.fairId);
    return fair && (fair.status !== FairStatus.DRAFT || isStaff(ctx)) ? fair : null;
  }
}
