import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import { InvalidTransitionError, VersionConflictError, badInput, forbidden, notFound } from '../../common/errors';
import { isBusinessMember, isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { updateVersioned } from '../../common/versioned';
import { Fair, type FairRegistration, FairStatus } from './fair.entity';
import type { CreateFairInput, FairFields, FairFilter, TransitionFairInput, UpdateFairInput } from './fair.inputs';
import { fairSlots, sessionProblem, type FairSlotTime } from './fair-slots';

const TRANSITIONS: Record<FairStatus, FairStatus[]> = {
  [FairStatus.DRAFT]: [FairStatus.OPEN],
  [FairStatus.OPEN]: [FairStatus.CLOSED],
  [FairStatus.CLOSED]: [FairStatus.COMPLETED, FairStatus.OPEN],
  [FairStatus.COMPLETED]: [],
};

export function slotsOf(fair: Fair): FairSlotTime[] {
  return fairSlots(fair.sessions, fair.slotMinutes);
}

/** Staff covering the participant, or a member of the cooperative or business that owns the registration. */
export async function canActFor(ctx: RequestContext, reg: FairRegistration): Promise<boolean> {
  if (await isStaffCovering(ctx, reg)) return true;
  if (reg.cooperativeId) return isCooperativeMember(ctx, reg.cooperativeId);
  return reg.businessId ? isBusinessMember(ctx, reg.businessId) : false;
}

export async function assertCanActFor(ctx: RequestContext, reg: FairRegistration): Promise<void> {
  if (!(await canActFor(ctx, reg))) throw forbidden('You do not act for this participant.');
}

export class FairService {
  /** Drafts are visible to staff only; everything else is public. */
  async get(ctx: RequestContext, id: string): Promise<Fair | null> {
    const fair = await ctx.em.getRepository(Fair).findOneBy({ id });
    if (!fair || (fair.status === FairStatus.DRAFT && !isStaff(ctx))) return null;
    return fair;
  }

  async require(ctx: RequestContext, id: string): Promise<Fair> {
    const fair = await this.get(ctx, id);
    if (!fair) throw notFound('Fair');
    return fair;
  }

  async list(ctx: RequestContext, filter: FairFilter | null | undefined, page: Page) {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      args.push(v);
      where.push(sql.replace('?', `$${args.length}`));
    };
    // Drafts reach staff only, and only when they ask for them.
    if (filter?.status?.length)
      add(
        'status = ANY(?)',
        filter.status.filter((s) => s !== FairStatus.DRAFT || isStaff(ctx)),
      );
    else where.push(`status <> 'DRAFT'`);
    if (filter?.kind?.length) add('kind = ANY(?)', filter.kind);
    if (filter?.from) add('ends_on >= ?', filter.from);
    if (filter?.to) add('starts_on <= ?', filter.to);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await ctx.em.query(`SELECT count(*)::int AS n FROM fair ${cond}`, args);
    const ids: { id: string }[] = await ctx.em.query(
      `SELECT id FROM fair ${cond} ORDER BY starts_on DESC, id LIMIT ${page.limit} OFFSET ${page.offset}`,
      args,
    );
    const rows = ids.length ? await ctx.em.getRepository(Fair).findByIds(ids.map((r) => r.id)) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toConnection(
      ids.map((r) => byId.get(r.id)!),
      page,
      (count as { n: number }).n,
    );
  }

  private check(input: FairFields): void {
    if (input.endsOn < input.startsOn) throw badInput('endsOn', 'The event cannot end before it starts.', ['order']);
    if (input.registrationClosesAt <= input.registrationOpensAt)
      throw badInput('registrationClosesAt', 'Registration must close after it opens.', ['order']);
    const problem = sessionProblem(input.sessions, input.slotMinutes, input.startsOn, input.endsOn);
    if (problem) throw badInput('sessions', problem, ['sessions']);
  }

  private async checkArea(ctx: RequestContext, code: string | null | undefined): Promise<void> {
    if (code && !(await ctx.loaders.area.load(code))) throw badInput('areaCode', 'Unknown area.', ['exists']);
  }

  private columns(input: FairFields) {
    return {
      kind: input.kind,
      name: input.name.trim(),
      description: input.description ?? '',
      venue: input.venue ?? '',
      area_code: input.areaCode ?? null,
      outside_province: input.outsideProvince ?? false,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      registration_opens_at: input.registrationOpensAt,
      registration_closes_at: input.registrationClosesAt,
      booth_capacity: input.boothCapacity,
      sessions: JSON.stringify(input.sessions.map((s) => ({ label: s.label, date: s.date, start: s.start, end: s.end }))),
      slot_minutes: input.slotMinutes,
      table_count: input.tableCount,
      meeting_cap: input.meetingCap,
      request_expiry_hours: input.requestExpiryHours,
    };
  }

  async create(ctx: RequestContext, input: CreateFairInput): Promise<Fair> {
    this.check(input);
    await this.checkArea(ctx, input.areaCode);
    return inTransaction(ctx, async (tx) => {
      const cols = { ...this.columns(input), created_by: ctx.user!.id };
      const names = Object.keys(cols);
      const rows: { id: string }[] = await tx.em.query(
        `INSERT INTO fair (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(cols),
      );
      const id = rows[0]!.id;
      await ctx.services.audit.record(tx, 'fair.create', 'fair', id, { name: input.name });
      return tx.em.getRepository(Fair).findOneByOrFail({ id });
    });
  }

  async update(ctx: RequestContext, input: UpdateFairInput): Promise<Fair | VersionConflictError | InvalidTransitionError> {
    const fair = await this.require(ctx, input.id);
    if (fair.status === FairStatus.COMPLETED) return InvalidTransitionError.of(fair.status, fair.status);
    this.check(input);
    await this.checkArea(ctx, input.areaCode);
    if (input.boothCapacity < fair.boothsTaken) throw badInput('boothCapacity', 'More booths are already allocated than this.', ['min']);
    return inTransaction(ctx, async (tx) => {
      const result = await updateVersioned(tx.em, 'fair', fair.id, input.version, this.columns(input));
      if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
      if (result.kind === 'missing') throw notFound('Fair');
      await ctx.services.audit.record(tx, 'fair.update', 'fair', fair.id);
      return tx.em.getRepository(Fair).findOneByOrFail({ id: fair.id });
    });
  }

  async transition(ctx: RequestContext, input: TransitionFairInput): Promise<Fair | VersionConflictError | InvalidTransitionError> {
    const fair = await this.require(ctx, input.id);
    if (fair.version !== input.version) return VersionConflictError.of(fair.version);
    if (!TRANSITIONS[fair.status].includes(input.status)) return InvalidTransitionError.of(fair.status, input.status);
    return inTransaction(ctx, async (tx) => {
      const res: [unknown[], number] = await tx.em.query(
        `UPDATE fair SET status = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND status = $4 RETURNING id`,
        [fair.id, input.version, input.status, fair.status],
      );
      if (res[1] === 0) return VersionConflictError.of(fair.version + 1);
      await ctx.services.audit.record(tx, 'fair.status', 'fair', fair.id, { from: fair.status, to: input.status });
      return tx.em.getRepository(Fair).findOneByOrFail({ id: fair.id });
    });
  }
}
