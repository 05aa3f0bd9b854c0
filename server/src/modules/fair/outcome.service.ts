import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import { InvalidTransitionError, badInput, forbidden, notFound } from '../../common/errors';
import { FairMeeting, MeetingStatus, OUTCOME_LEVELS, OutcomeLevel } from './fair.entity';
import type { RecordAttendanceInput, RecordOutcomeInput } from './fair.inputs';
import { registrationLoader } from './fair-loaders';
import { canActFor } from './fair.service';
import { LINKABLE_OUTCOME_LEVEL } from '../linkage/linkage-from-meeting.service';

export function outcomeLevelOf(n: number | null): OutcomeLevel | null {
  return n ? (OUTCOME_LEVELS[n - 1] ?? null) : null;
}

/**
 * Attendance and follow-up. Either side of a meeting, or staff, may record them: at a busy fair
 * the staff at the tables mark attendance, and after it the people who met know the outcome.
 *
 * An outcome at NEGOTIATION_STARTED or above can then open a linkage with one click
 * (openLinkageFromMeeting, in the linkage module).
 */
export class OutcomeService {
  /** One meeting, for its two sides and staff. */
  get(ctx: RequestContext, id: string): Promise<FairMeeting> {
    return this.requireParty(ctx, id);
  }

  private async requireParty(ctx: RequestContext, id: string): Promise<FairMeeting> {
    const m = await ctx.em.getRepository(FairMeeting).findOneBy({ id });
    if (!m) throw notFound('Meeting');
    if (isStaff(ctx)) return m;
    const [a, b] = await registrationLoader(ctx).loadMany([m.registrationA, m.registrationB]);
    for (const r of [a, b]) if (r && !(r instanceof Error) && (await canActFor(ctx, r))) return m;
    throw forbidden('You are not part of this meeting.');
  }

  async attendance(ctx: RequestContext, input: RecordAttendanceInput): Promise<FairMeeting | InvalidTransitionError> {
    const m = await this.requireParty(ctx, input.meetingId);
    if (m.outcomeLevelNumber !== null) return InvalidTransitionError.of(m.status, 'ATTENDANCE');
    const status = input.aAttended && input.bAttended ? MeetingStatus.HELD : MeetingStatus.NO_SHOW;
    return inTransaction(ctx, async (tx) => {
      await tx.em.query(`UPDATE fair_meeting SET a_attended = $2, b_attended = $3, status = $4 WHERE id = $1`, [
        m.id,
        input.aAttended,
        input.bAttended,
        status,
      ]);
      if (isStaff(ctx)) await ctx.services.audit.record(tx, 'fair.meeting.attendance', 'fair_meeting', m.id, { status });
      return tx.em.getRepository(FairMeeting).findOneByOrFail({ id: m.id });
    });
  }

  async outcome(ctx: RequestContext, input: RecordOutcomeInput): Promise<FairMeeting | InvalidTransitionError> {
    const m = await this.requireParty(ctx, input.meetingId);
    if (m.status !== MeetingStatus.HELD) return InvalidTransitionError.of(m.status, 'OUTCOME');
    const level = OUTCOME_LEVELS.indexOf(input.level) + 1;
    if (input.agreementValue != null && input.level !== OutcomeLevel.AGREEMENT_REACHED)
      throw badInput('agreementValue', 'A value goes with an agreement only.', ['agreement']);
    return inTransaction(ctx, async (tx) => {
      // A linkage opened from this meeting stands on its outcome being "negotiation started" or above;
      // the meeting row is locked so a linkage cannot open while the outcome is being lowered, nor after.
      const [current] = (await tx.em.query(`SELECT outcome_level FROM fair_meeting WHERE id = $1 FOR UPDATE`, [m.id])) as {
        outcome_level: number | null;
      }[];
      if (level < LINKABLE_OUTCOME_LEVEL) {
        const [linked] = (await tx.em.query(`SELECT id FROM linkage WHERE fair_meeting_id = $1`, [m.id])) as { id: string }[];
        if (linked)
          return Object.assign(InvalidTransitionError.of(outcomeLevelOf(current?.outcome_level ?? null) ?? 'NONE', input.level), {
            message: 'A linkage was opened from this meeting; its outcome stays at negotiation started or above.',
          });
      }
      await tx.em.query(
        `UPDATE fair_meeting SET outcome_level = $2, outcome_note = $3, agreement_value = $4, outcome_by = $5, outcome_at = now() WHERE id = $1`,
        [m.id, level, input.note ?? '', input.agreementValue ?? null, ctx.user!.id],
      );
      if (isStaff(ctx)) await ctx.services.audit.record(tx, 'fair.meeting.outcome', 'fair_meeting', m.id, { level: input.level });
      return tx.em.getRepository(FairMeeting).findOneByOrFail({ id: m.id });
    });
  }
}
