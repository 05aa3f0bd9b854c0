import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { FairMeeting, FairRegistration, MeetingStatus } from '../fair/fair.entity';
import { canActFor } from '../fair/fair.service';
import { NotificationKind } from '../notification/notification.entity';
import { Linkage, LinkageSide } from './linkage.entity';
import { MeetingNotLinkableError } from './linkage.types';

/** "Negotiation started" is the fourth of the five outcome levels; it and "agreement reached" carry on as a linkage. */
export const LINKABLE_OUTCOME_LEVEL = 4;

/**
 * One click from a held fair meeting to a linkage. Either side of the meeting, or trade-promotion
 * staff following up for a cooperative, may click. The cooperative (the caller's own one when
 * both sides are cooperatives) leads; the other side is named as the counterpart, since a
 * meeting need not have started from a posted need.
 *
 * The linkage opens at NEGOTIATING: the recorded outcome already says both sides are negotiating.
 * A meeting has at most one linkage (a unique key on the origin), so a second click, or two
 * clicks at once, return the linkage the first one opened.
 */
export class LinkageFromMeetingService {
  async open(ctx: RequestContext, meetingId: string): Promise<Linkage | MeetingNotLinkableError> {
    const meeting = await ctx.em.getRepository(FairMeeting).findOneBy({ id: meetingId });
    if (!meeting) throw notFound('Meeting');
    const regs = await ctx.em.getRepository(FairRegistration).findBy([{ id: meeting.registrationA }, { id: meeting.registrationB }]);
    const a = regs.find((r) => r.id === meeting.registrationA)!;
    const b = regs.find((r) => r.id === meeting.registrationB)!;
    const staff = isStaff(ctx);
    const actsForA = !staff && (await canActFor(ctx, a));
    const actsForB = !staff && (await canActFor(ctx, b));
    if (!staff && !actsForA && !actsForB) throw forbidden('Only the two sides of the meeting and staff open a linkage from it.');

    const existing = await ctx.em.getRepository(Linkage).findOneBy({ fairMeetingId: meeting.id });
    if (existing) return existing;
    if (meeting.status !== MeetingStatus.HELD) return MeetingNotLinkableError.of('NOT_HELD');
    if ((meeting.outcomeLevelNumber ?? 0) < LINKABLE_OUTCOME_LEVEL) return MeetingNotLinkableError.of('OUTCOME_TOO_LOW');
    if (!a.cooperativeId && !b.cooperativeId) return MeetingNotLinkableError.of('NO_COOPERATIVE');

    // The lead cooperative: the only one, or, between two cooperatives, the caller's (staff: the first).
    const [lead, other] = !a.cooperativeId ? [b, a] : !b.cooperativeId ? [a, b] : actsForB && !actsForA ? [b, a] : [a, b];
    const callerIsCounterpart = other === a ? actsForA && !actsForB : actsForB && !actsForA;
    const proposedBy = callerIsCounterpart ? LinkageSide.NEED_OWNER : LinkageSide.RESPONDER;

    return inTransaction(ctx, async (tx) => {
      // The outcome may have been changed since it was read: check it again under the meeting's lock,
      // which recording an outcome takes too.
      const [locked] = (await tx.em.query(`SELECT outcome_level FROM fair_meeting WHERE id = $1 FOR UPDATE`, [meeting.id])) as {
        outcome_level: number | null;
      }[];
      if ((locked?.outcome_level ?? 0) < LINKABLE_OUTCOME_LEVEL) return MeetingNotLinkableError.of('OUTCOME_TOO_LOW');
      const inserted = (await tx.em.query(
        `INSERT INTO linkage (need_id, fair_meeting_id, cooperative_id, counterpart_business_id, counterpart_cooperative_id,
                              proposed_by, status, created_by)
         VALUES (NULL, $1, $2, $3, $4, $5, 'NEGOTIATING', $6)
         ON CONFLICT (fair_meeting_id) DO NOTHING RETURNING id`,
        [meeting.id, lead.cooperativeId, other.businessId, other.cooperativeId, proposedBy, ctx.user!.id],
      )) as { id: string }[];
      if (!inserted[0]) return tx.em.getRepository(Linkage).findOneByOrFail({ fairMeetingId: meeting.id });
      const id = inserted[0].id;
      await tx.em.query(`INSERT INTO linkage_event (linkage_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'NEGOTIATING', $2)`, [
        id,
        ctx.user!.id,
      ]);
      if (staff) await ctx.services.audit.record(tx, 'linkage.from_meeting', 'linkage', id, { meetingId: meeting.id });
      const members: { user_id: string }[] = await tx.em.query(
        `SELECT DISTINCT user_id FROM membership
          WHERE cooperative_id = ANY($1::uuid[]) OR business_id = ANY($2::uuid[])`,
        [[a.cooperativeId, b.cooperativeId].filter(Boolean), [a.businessId, b.businessId].filter(Boolean)],
      );
      await ctx.services.notifications.create(
        tx.em,
        members
          .filter((m) => m.user_id !== ctx.user!.id)
          .map((m) => ({ userId: m.user_id, kind: NotificationKind.LINKAGE_PROPOSED, linkageId: id })),
      );
      return tx.em.getRepository(Linkage).findOneByOrFail({ id });
    });
  }

  /** The linkage a meeting opened, if the caller may see it. */
  async ofMeeting(ctx: RequestContext, meetingId: string): Promise<Linkage | null> {
    return ctx.em.getRepository(Linkage).findOneBy({ fairMeetingId: meetingId });
  }
}
