import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import { DuplicateError, InvalidTransitionError, badInput, forbidden, notFound, sqlState } from '../../common/errors';
import { toConnection, type Page } from '../../common/pagination';
import {
  type FairRegistration,
  FairStatus,
  MeetingPreferenceLevel,
  MeetingRequest,
  MeetingRequestStatus,
  RegistrationStatus,
} from './fair.entity';
import type { RespondMeetingRequestInput, SendMeetingRequestInput } from './fair.inputs';
import { registrationLoader } from './fair-loaders';
import { meetingScores } from './meeting-scores';
import { NotificationKind } from '../notification/notification.entity';
import { assertCanActFor } from './fair.service';
import { NotParticipatingError, RequestExpiredError, type SuggestedPartner } from './fair.types';

export type RequestDirection = 'INCOMING' | 'OUTGOING';

export class MeetingRequestService {
  /**
   * Ends unanswered requests past their expiry, in every event at once. The periodic job
   * `expire-meeting-requests` runs it, so a participant's list and the staff queue show the
   * request as expired even when nobody touches that event.
   */
  async expireDue(em: RequestContext['em']): Promise<number> {
    const res: [unknown[], number] = await em.query(
      `UPDATE meeting_request SET status = 'EXPIRED' WHERE status = 'PENDING' AND expires_at <= now() RETURNING id`,
    );
    return res[1];
  }

  /**
   * Ends one event's unanswered requests past their expiry. Also run before anything reads or
   * schedules that event's requests, so expiry holds to the second between job runs.
   */
  async expire(ctx: RequestContext, fairId: string): Promise<number> {
    const res: [unknown[], number] = await ctx.em.query(
      `UPDATE meeting_request SET status = 'EXPIRED' WHERE fair_id = $1 AND status = 'PENDING' AND expires_at <= now() RETURNING id`,
      [fairId],
    );
    return res[1];
  }

  async send(
    ctx: RequestContext,
    input: SendMeetingRequestInput,
  ): Promise<MeetingRequest | NotParticipatingError | DuplicateError | InvalidTransitionError> {
    const from = await registrationLoader(ctx).load(input.fromRegistrationId);
    const to = await registrationLoader(ctx).load(input.toRegistrationId);
    if (!from) throw notFound('Registration');
    await assertCanActFor(ctx, from);
    if (input.book && !isStaff(ctx)) throw forbidden('Only staff book meetings on someone’s behalf.');
    if (!to || to.fairId !== from.fairId || to.id === from.id)
      throw badInput('toRegistrationId', 'Not a participant of this event.', ['fair']);
    if (from.status !== RegistrationStatus.ACCEPTED || to.status !== RegistrationStatus.ACCEPTED) return NotParticipatingError.of();
    const fair = await ctx.services.fairs.require(ctx, from.fairId);
    if (fair.status !== FairStatus.OPEN && fair.status !== FairStatus.CLOSED) return InvalidTransitionError.of(fair.status, 'REQUEST');
    const noThanks = input.preference === MeetingPreferenceLevel.NO_THANKS;
    const status = noThanks ? MeetingRequestStatus.STANDING : input.book ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.PENDING;
    try {
      return await inTransaction(ctx, async (tx) => {
        await this.expire(tx, fair.id);
        const rows: { id: string }[] = await tx.em.query(
          `INSERT INTO meeting_request (fair_id, from_registration, to_registration, preference, reason, status, expires_at, created_by, booked_by_staff, responded_at)
           VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'PENDING' THEN now() + make_interval(hours => $7) END, $8, $9,
                   CASE WHEN $6 = 'ACCEPTED' THEN now() END)
           RETURNING id`,
          [fair.id, from.id, to.id, input.preference, input.reason ?? '', status, fair.requestExpiryHours, ctx.user!.id, isStaff(ctx)],
        );
        if (isStaff(ctx)) await ctx.services.audit.record(tx, 'fair.request.staff', 'meeting_request', rows[0]!.id, { book: !!input.book });
        // The receiver has to answer before the request expires; "no thanks" and staff bookings ask nothing of them.
        if (status === MeetingRequestStatus.PENDING)
          await ctx.services.notifications.forParticipants(tx.em, [to.id], NotificationKind.MEETING_REQUEST, fair.id, ctx.user!.id);
        return tx.em.getRepository(MeetingRequest).findOneByOrFail({ id: rows[0]!.id });
      });
    } catch (err) {
      if (sqlState(err) === '23505') return DuplicateError.of('request');
      throw err;
    }
  }

  /** The receiver (or staff for them) answers; an answer after the expiry is refused. */
  async respond(
    ctx: RequestContext,
    input: RespondMeetingRequestInput,
  ): Promise<MeetingRequest | RequestExpiredError | InvalidTransitionError> {
    const req = await ctx.em.getRepository(MeetingRequest).findOneBy({ id: input.requestId });
    if (!req) throw notFound('Meeting request');
    const to = await registrationLoader(ctx).load(req.toRegistrationId);
    await assertCanActFor(ctx, to!);
    return inTransaction(ctx, async (tx) => {
      await this.expire(tx, req.fairId);
      const next = input.accept ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.DECLINED;
      const res: [unknown[], number] = await tx.em.query(
        `UPDATE meeting_request SET status = $2, responded_at = now(), booked_by_staff = booked_by_staff OR $3
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [req.id, next, isStaff(tx)],
      );
      if (res[1] === 0) {
        const cur = await tx.em.getRepository(MeetingRequest).findOneByOrFail({ id: req.id });
        return cur.status === MeetingRequestStatus.EXPIRED ? RequestExpiredError.of() : InvalidTransitionError.of(cur.status, next);
      }
      return tx.em.getRepository(MeetingRequest).findOneByOrFail({ id: req.id });
    });
  }

  async listFor(ctx: RequestContext, registrationId: string, direction: RequestDirection, page: Page) {
    const reg = await registrationLoader(ctx).load(registrationId);
    if (!reg) throw notFound('Registration');
    await assertCanRead(ctx, reg);
    await this.expire(ctx, reg.fairId);
    const col = direction === 'INCOMING' ? 'to_registration' : 'from_registration';
    const [count] = await ctx.em.query(`SELECT count(*)::int AS n FROM meeting_request WHERE ${col} = $1`, [reg.id]);
    const rows = await ctx.em
      .getRepository(MeetingRequest)
      .createQueryBuilder('m')
      .where(`m.${col} = :id`, { id: reg.id })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .limit(page.limit)
      .offset(page.offset)
      .getMany();
    return toConnection(rows, page, (count as { n: number }).n);
  }

  async listForFair(ctx: RequestContext, fairId: string, page: Page) {
    if (!isStaff(ctx)) throw forbidden();
    await this.expire(ctx, fairId);
    const [count] = await ctx.em.query(`SELECT count(*)::int AS n FROM meeting_request WHERE fair_id = $1`, [fairId]);
    const rows = await ctx.em
      .getRepository(MeetingRequest)
      .createQueryBuilder('m')
      .where('m.fair_id = :fairId', { fairId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .limit(page.limit)
      .offset(page.offset)
      .getMany();
    return toConnection(rows, page, (count as { n: number }).n);
  }

  /** Accepted participants on the other side this one has not asked yet, best meeting score first (see meeting-scores.ts). */
  async suggestions(ctx: RequestContext, registrationId: string, first: number): Promise<SuggestedPartner[]> {
    const reg = await registrationLoader(ctx).load(registrationId);
    if (!reg) throw notFound('Registration');
    await assertCanRead(ctx, reg);
    if (first < 1 || first > 50) throw badInput('first', 'first must be between 1 and 50.', ['max']);
    const { participants, score } = await meetingScores(ctx.em, reg.fairId);
    const me = participants.get(reg.id);
    if (!me) return [];
    const asked: { id: string }[] = await ctx.em.query(
      `SELECT to_registration AS id FROM meeting_request WHERE from_registration = $1 AND status IN ('PENDING','ACCEPTED','STANDING')`,
      [reg.id],
    );
    const skip = new Set([reg.id, ...asked.map((a) => a.id)]);
    const others = [...participants].filter(([id, p]) => !skip.has(id) && p.party.kind !== me.party.kind).map(([id]) => id);
    const ranked = (await Promise.all(others.map(async (id) => ({ id, score: await score(reg.id, id) }))))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, first);
    const regs = await registrationLoader(ctx).loadMany(ranked.map((r) => r.id));
    return ranked.map((r, i) => ({ registration: regs[i] as never, score: r.score }));
  }
}

/**
 * Reading a participant's requests and suggestions: the participant, and any
 * staff running the event (who read every request of the fair anyway). Acting
 * for the participant is narrower: see assertCanActFor.
 */
async function assertCanRead(ctx: RequestContext, reg: FairRegistration): Promise<void> {
  if (isStaff(ctx)) return;
  await assertCanActFor(ctx, reg);
}
