import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import { NotificationKind } from '../notification/notification.entity';
import { InvalidTransitionError, constraintName, forbidden, notFound, sqlState } from '../../common/errors';
import { isBusinessMember, isCooperativeMember } from '../../common/ownership';
import { ScheduleInputError, scheduleMeetings, type LockedMeeting, type SchedulingRequest } from '../scheduling/scheduler';
import { Fair, FairMeeting, FairStatus, MeetingPreferenceLevel } from './fair.entity';
import type { MoveMeetingInput } from './fair.inputs';
import { meetingScores } from './meeting-scores';
import { slotsOf } from './fair.service';
import { MeetingConflictError, ScheduleInputInvalidError, ScheduleProgress, ScheduleRun } from './fair.types';

export class ScheduleService {
  /**
   * Runs the scheduler core (modules/scheduling) on the fair's accepted requests and stores the
   * result. Meetings that staff locked, and meetings already held or missed, are handed to the
   * core as locked, so a re-run keeps them exactly where they are; every other meeting is
   * rebuilt. The fair row is locked for the run, so two runs cannot interleave their writes, and
   * the meeting tables' unique keys would refuse a clash even if the core ever produced one.
   */
  async schedule(ctx: RequestContext, fairId: string): Promise<ScheduleRun | ScheduleInputInvalidError | InvalidTransitionError> {
    const fair = await ctx.services.fairs.require(ctx, fairId);
    if (fair.status !== FairStatus.OPEN && fair.status !== FairStatus.CLOSED) return InvalidTransitionError.of(fair.status, 'SCHEDULED');
    try {
      const result = await this.run(ctx, fair);
      await this.progress(ctx, fair.id, result instanceof ScheduleRun ? 'DONE' : 'FAILED');
      return result;
    } catch (err) {
      await this.progress(ctx, fair.id, 'FAILED').catch(() => undefined);
      throw err;
    }
  }

  /** Where the latest run stands, for the staff screen that polls it while the run goes on. */
  async currentProgress(ctx: RequestContext, fairId: string): Promise<ScheduleProgress | null> {
    const [row] = (await ctx.ds.query(
      `SELECT phase, requests, participants, started_at, updated_at FROM fair_schedule_progress WHERE fair_id = $1`,
      [fairId],
    )) as { phase: string; requests: number; participants: number; started_at: Date; updated_at: Date }[];
    if (!row) return null;
    return Object.assign(new ScheduleProgress(), {
      phase: row.phase,
      requests: row.requests,
      participants: row.participants,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
    });
  }

  /**
   * Records the phase on its own connection, outside the run's transaction, so other requests
   * see it at once; then yields, so a progress poll already waiting is answered before the
   * scheduler core takes the CPU.
   */
  private async progress(ctx: RequestContext, fairId: string, phase: string, counts?: { requests: number; participants: number }) {
    await ctx.ds.query(
      `INSERT INTO fair_schedule_progress (fair_id, phase, requests, participants, started_at, updated_at)
       VALUES ($1, $2, coalesce($3, 0), coalesce($4, 0), now(), now())
       ON CONFLICT (fair_id) DO UPDATE SET phase = $2, updated_at = now(),
         requests = coalesce($3, fair_schedule_progress.requests), participants = coalesce($4, fair_schedule_progress.participants),
         started_at = CASE WHEN $2 = 'PREPARING' THEN now() ELSE fair_schedule_progress.started_at END`,
      [fairId, phase, counts?.requests ?? null, counts?.participants ?? null],
    );
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async run(ctx: RequestContext, fair: Fair): Promise<ScheduleRun | ScheduleInputInvalidError> {
    await this.progress(ctx, fair.id, 'PREPARING');
    return inTransaction(ctx, async (tx) => {
      await tx.em.query(`SELECT id FROM fair WHERE id = $1 FOR UPDATE`, [fair.id]);
      await ctx.services.meetingRequests.expire(tx, fair.id);
      const slots = slotsOf(fair);
      const allSlots = slots.map((s) => s.index);
      const regs: { id: string; unavailable_slots: number[] }[] = await tx.em.query(
        `SELECT id, unavailable_slots FROM fair_registration WHERE fair_id = $1 AND status = 'ACCEPTED' ORDER BY id`,
        [fair.id],
      );
      const accepted = new Set(regs.map((r) => r.id));
      const requests: { id: string; from_registration: string; to_registration: string; preference: string; status: string }[] =
        await tx.em.query(
          `SELECT id, from_registration, to_registration, preference, status FROM meeting_request
            WHERE fair_id = $1 AND status IN ('ACCEPTED','STANDING') ORDER BY id`,
          [fair.id],
        );
      const live = requests.filter((r) => accepted.has(r.from_registration) && accepted.has(r.to_registration));
      const kept: FairMeeting[] = await tx.em
        .getRepository(FairMeeting)
        .createQueryBuilder('m')
        .where(`m.fair_id = :id AND (m.locked OR m.status <> 'SCHEDULED')`, { id: fair.id })
        .getMany();
      const { score } = await meetingScores(tx.em, fair.id);
      const schedulingRequests: SchedulingRequest[] = await Promise.all(
        live
          .filter((r) => r.status === 'ACCEPTED')
          .map(async (r) => ({
            id: r.id,
            from: r.from_registration,
            to: r.to_registration,
            preference: r.preference === MeetingPreferenceLevel.MUST_MEET ? ('MUST_MEET' as const) : ('MEET' as const),
            matchScore: await score(r.from_registration, r.to_registration),
            mutual: false,
          })),
      );
      const locked: LockedMeeting[] = kept.map((m) => ({
        participantIds: [m.registrationA, m.registrationB],
        slot: m.slot,
        table: m.table,
      }));
      await this.progress(ctx, fair.id, 'SOLVING', { requests: schedulingRequests.length, participants: regs.length });
      const started = performance.now();
      let result;
      try {
        result = scheduleMeetings({
          participants: regs.map((r) => ({
            id: r.id,
            cap: fair.meetingCap,
            availableSlots: allSlots.filter((s) => !r.unavailable_slots.includes(s)),
          })),
          slots: slots.map((s) => ({ index: s.index, session: s.session })),
          tableCount: fair.tableCount,
          requests: schedulingRequests,
          locked,
          blockedPairs: live.filter((r) => r.status === 'STANDING').map((r) => [r.from_registration, r.to_registration] as const),
          seed: fair.scheduleSeed,
        });
      } catch (err) {
        if (err instanceof ScheduleInputError) return ScheduleInputInvalidError.of(err.code, err.message);
        throw err;
      }
      const elapsedMs = Math.round(performance.now() - started);
      await this.progress(ctx, fair.id, 'SAVING');
      // A DELETE … RETURNING answers [rows, count].
      const [previous]: [{ registration_a: string; registration_b: string; slot: number; table_no: number }[], number] = await tx.em.query(
        `DELETE FROM fair_meeting WHERE fair_id = $1 AND NOT locked AND status = 'SCHEDULED'
         RETURNING registration_a, registration_b, slot, table_no`,
        [fair.id],
      );
      const fresh = result.assignments.filter((a) => !a.locked);
      if (fresh.length) {
        await tx.em.query(
          `INSERT INTO fair_meeting (fair_id, registration_a, registration_b, slot, table_no, value, request_ids)
           SELECT $1, a, b, s, t, v, string_to_array(nullif(r, ''), ',')::uuid[]
             FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::float8[], $7::text[]) AS x(a, b, s, t, v, r)`,
          [
            fair.id,
            fresh.map((a) => a.participantIds[0]),
            fresh.map((a) => a.participantIds[1]),
            fresh.map((a) => a.slot),
            fresh.map((a) => a.table),
            fresh.map((a) => a.value),
            fresh.map((a) => a.requestIds.join(',')),
          ],
        );
      }
      const run: ScheduleRun = Object.assign(new ScheduleRun(), {
        meetingsRequested: result.meetingsRequested,
        meetingsPlaced: result.meetingsPlaced,
        objective: result.objective,
        upperBound: result.upperBound,
        quality: result.upperBound > 0 ? result.objective / result.upperBound : 1,
        conflicts: result.conflicts,
        lockedKept: kept.length,
        unplaced: result.unplaced.map((u) => ({ requestId: u.requestId, reason: u.reason })),
        elapsedMs,
      });
      await tx.em.query(`UPDATE fair SET last_schedule = $2 WHERE id = $1`, [fair.id, JSON.stringify({ ...run, at: new Date() })]);
      const changed = changedAgendas(
        previous.map((m) => ({ participantIds: [m.registration_a, m.registration_b], slot: m.slot, table: m.table_no })),
        fresh,
      );
      await ctx.services.notifications.forParticipants(tx.em, changed, NotificationKind.AGENDA_CHANGED, fair.id, ctx.user?.id ?? null);
      await ctx.services.audit.record(tx, 'fair.schedule', 'fair', fair.id, {
        placed: run.meetingsPlaced,
        requested: run.meetingsRequested,
        quality: run.quality,
      });
      return run;
    });
  }

  lastRun(fair: Fair): ScheduleRun | null {
    return fair.lastSchedule ? Object.assign(new ScheduleRun(), fair.lastSchedule) : null;
  }

  /**
   * Staff move a meeting by hand. The database's unique keys decide whether the cell is free,
   * so two staff moving meetings into the same cell at once cannot both succeed.
   */
  async move(ctx: RequestContext, input: MoveMeetingInput): Promise<FairMeeting | MeetingConflictError | InvalidTransitionError> {
    const meeting = await ctx.em.getRepository(FairMeeting).findOneBy({ id: input.meetingId });
    if (!meeting) throw notFound('Meeting');
    const fair = await ctx.em.getRepository(Fair).findOneByOrFail({ id: meeting.fairId });
    if (meeting.status !== 'SCHEDULED') return InvalidTransitionError.of(meeting.status, 'MOVED');
    if (input.slot >= slotsOf(fair).length || input.table > fair.tableCount) return MeetingConflictError.of('OUT_OF_RANGE');
    const [busy] = await ctx.em.query(
      `SELECT count(*)::int AS n FROM fair_registration WHERE id IN ($1, $2) AND $3 = ANY(unavailable_slots)`,
      [meeting.registrationA, meeting.registrationB, input.slot],
    );
    if (busy.n > 0) return MeetingConflictError.of('UNAVAILABLE');
    try {
      return await inTransaction(ctx, async (tx) => {
        await tx.em.query(`UPDATE fair_meeting SET slot = $2, table_no = $3, locked = $4 WHERE id = $1`, [
          meeting.id,
          input.slot,
          input.table,
          input.locked ?? true,
        ]);
        await ctx.services.audit.record(tx, 'fair.meeting.move', 'fair_meeting', meeting.id, { slot: input.slot, table: input.table });
        return tx.em.getRepository(FairMeeting).findOneByOrFail({ id: meeting.id });
      });
    } catch (err) {
      if (sqlState(err) === '23505') {
        const c = constraintName(err);
        return MeetingConflictError.of(c === 'fair_meeting_table_once' ? 'TABLE_TAKEN' : 'PARTICIPANT_BUSY');
      }
      throw err;
    }
  }

  /** Staff see the whole grid; an organisation sees its own meetings. Bounded by slots × tables of one fair. */
  async meetings(ctx: RequestContext, fairId: string, organizationId: string | null): Promise<FairMeeting[]> {
    if (!organizationId && !isStaff(ctx)) throw forbidden();
    if (
      organizationId &&
      !isStaff(ctx) &&
      !(await isCooperativeMember(ctx, organizationId)) &&
      !(await isBusinessMember(ctx, organizationId))
    )
      throw forbidden();
    const qb = ctx.em.getRepository(FairMeeting).createQueryBuilder('m').where('m.fair_id = :fairId', { fairId });
    if (organizationId)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM fair_registration r WHERE r.organization_id = :org AND r.id IN (m.registration_a, m.registration_b))`,
        { org: organizationId },
      );
    return qb.orderBy('m.slot').addOrderBy('m.table_no').getMany();
  }
}

interface Placed {
  participantIds: readonly string[];
  slot: number;
  table: number;
}

/** The participants whose own meetings (who, when, at which table) differ between two runs, in a stable order. */
export function changedAgendas(before: readonly Placed[], after: readonly Placed[]): string[] {
  const agendas = (placed: readonly Placed[]) => {
    const byParticipant = new Map<string, string[]>();
    for (const m of placed) {
      const key = `${[...m.participantIds].sort().join('+')}@${m.slot}/${m.table}`;
      for (const p of m.participantIds) byParticipant.set(p, [...(byParticipant.get(p) ?? []), key]);
    }
    return new Map([...byParticipant].map(([p, keys]) => [p, keys.sort().join(',')]));
  };
  const was = agendas(before);
  const now = agendas(after);
  return [...new Set([...was.keys(), ...now.keys()])].filter((p) => was.get(p) !== now.get(p)).sort();
}
