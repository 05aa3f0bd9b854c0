import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { unauthenticated } from '../../common/errors';
import { toConnection, type Page } from '../../common/pagination';
import type { Need } from '../need/need.entity';
import { NeedKind } from '../need/need.entity';
import type { MatchingService } from '../matching/matching.service';
import { Notification, NotificationKind } from './notification.entity';
import { NOTIFY_CHANNEL, type NotificationHub, type NotificationSignal } from './notification.hub';

/** How many counterparts a new need alerts, and how good a match must be to bother them. */
export const ALERT_POLICY = { top: 5, minScore: 40 };

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  needId?: string | null;
  linkageId?: string | null;
  fairId?: string | null;
  score?: number | null;
}

export class NotificationService {
  /** Set when the process serves WebSocket subscriptions. */
  hub: NotificationHub | null = null;

  constructor(private readonly matching: MatchingService) {}

  async list(ctx: RequestContext, page: Page) {
    const userId = requireUser(ctx);
    const [rows, total] = await ctx.em
      .getRepository(Notification)
      .findAndCount({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: page.limit, skip: page.offset });
    return toConnection(rows, page, total);
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const userId = requireUser(ctx);
    const [row] = (await ctx.em.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId])) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  /** Marks the given notifications (or all, when none are given) read; only the caller's own. */
  async markRead(ctx: RequestContext, ids: string[] | null | undefined): Promise<number> {
    const userId = requireUser(ctx);
    const result: [unknown[], number] = await ctx.em.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [userId, ids ?? null],
    );
    return result[1];
  }

  /**
   * Stores notifications and announces each with pg_notify in the same
   * transaction, so subscribers on every process hear of them only once
   * they are committed.
   */
  async create(em: EntityManager, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    await em.query(
      `WITH added AS (
         INSERT INTO notification (user_id, kind, need_id, linkage_id, score, fair_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::numeric[], $7::uuid[])
         RETURNING id, user_id)
       SELECT pg_notify($6, json_build_object('userId', user_id, 'id', id)::text) FROM added`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.kind),
        items.map((i) => i.needId ?? null),
        items.map((i) => i.linkageId ?? null),
        items.map((i) => i.score ?? null),
        NOTIFY_CHANNEL,
        items.map((i) => i.fairId ?? null),
      ],
    );
  }

  /**
   * Tells the people of the organisations behind these fair registrations,
   * once each, leaving out whoever caused it.
   */
  async forParticipants(
    em: EntityManager,
    registrationIds: string[],
    kind: NotificationKind.MEETING_REQUEST | NotificationKind.AGENDA_CHANGED,
    fairId: string,
    exceptUserId: string | null,
  ): Promise<void> {
    if (!registrationIds.length) return;
    const members: { user_id: string }[] = await em.query(
      `SELECT DISTINCT m.user_id FROM fair_registration r
         JOIN membership m ON m.cooperative_id = r.cooperative_id OR m.business_id = r.business_id
         JOIN app_user u ON u.id = m.user_id AND u.disabled_at IS NULL
        WHERE r.id = ANY($1::uuid[]) AND m.user_id IS DISTINCT FROM $2
        ORDER BY m.user_id`,
      [registrationIds, exceptUserId],
    );
    await this.create(
      em,
      members.map((m) => ({ userId: m.user_id, kind, fairId })),
    );
  }

  /** Notifies the people of the organisations that match a new need best. */
  async alertForNeed(em: EntityManager, need: Need): Promise<void> {
    const ranked = need.kind === NeedKind.OFFTAKE ? await this.offtakeRanking(em, need) : await this.matching.rankForNeed(em, need);
    const orgs: { score: number; cooperativeId: string | null; needId: string | null }[] = [];
    const seen = new Set<string>();
    for (const m of ranked) {
      if (orgs.length >= ALERT_POLICY.top || m.score < ALERT_POLICY.minScore) break;
      const key = m.cooperativeId ?? m.needId ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      orgs.push(m);
    }
    const items: NewNotification[] = [];
    for (const o of orgs) {
      const members: { user_id: string }[] =
        need.kind === NeedKind.INPUT_DEMAND
          ? await em.query(`SELECT m.user_id FROM membership m JOIN need n ON n.business_id = m.business_id WHERE n.id = $1`, [o.needId])
          : await em.query(`SELECT user_id FROM membership WHERE cooperative_id = $1`, [o.cooperativeId]);
      for (const m of members) items.push({ userId: m.user_id, kind: NotificationKind.NEED_MATCH, needId: need.id, score: o.score });
    }
    await this.create(em, items);
  }

  /**
   * Enough of an offtake need's ranking to find the best few cooperatives: one
   * cooperative may hold many of the top products, so the page grows until it
   * holds enough different ones, falls below the alert threshold, or is all.
   */
  private async offtakeRanking(em: EntityManager, need: Need) {
    for (let k = ALERT_POLICY.top * 8; ; k *= 4) {
      const { total, top } = await this.matching.topForOfftake(em, need, k);
      const cooperatives = new Set(top.map((m) => m.cooperativeId));
      if (top.length >= total || cooperatives.size >= ALERT_POLICY.top || (top.at(-1)?.score ?? 0) < ALERT_POLICY.minScore) return top;
    }
  }

  /** The caller's live notifications; each signal is resolved to the stored row by the subscription. */
  subscribe(ctx: RequestContext): AsyncIterableIterator<NotificationSignal> {
    const userId = requireUser(ctx);
    if (!this.hub) throw new Error('Subscriptions are not served by this process.');
    return this.hub.subscribe(userId);
  }
}

function requireUser(ctx: RequestContext): string {
  if (!ctx.user) throw unauthenticated();
  return ctx.user.id;
}
