import type { RequestContext } from '../../common/context';
import { inTransaction, isStaff } from '../../common/context';
import {
  DuplicateError,
  InvalidTransitionError,
  NotVerifiedError,
  badInput,
  constraintName,
  forbidden,
  notFound,
  sqlState,
} from '../../common/errors';
import { assertBusinessMember, assertCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { Fair, FairRegistration, FairStatus, RegistrationStatus } from './fair.entity';
import { RegistrationDecision, type RegisterForFairInput, type ReviewRegistrationInput, type SetAvailabilityInput } from './fair.inputs';
import { assertCanActFor, slotsOf } from './fair.service';
import { CapacityFullError, RegistrationClosedError } from './fair.types';

const ACTIVE = [RegistrationStatus.APPLIED, RegistrationStatus.ACCEPTED, RegistrationStatus.WAITLISTED];

export class RegistrationService {
  async require(ctx: RequestContext, id: string): Promise<FairRegistration> {
    const reg = await ctx.em.getRepository(FairRegistration).findOneBy({ id });
    if (!reg) throw notFound('Registration');
    return reg;
  }

  /** Staff see every registration; everybody else sees the accepted participants, as on the fair's floor plan. */
  async list(ctx: RequestContext, fairId: string, status: RegistrationStatus[] | null | undefined, page: Page) {
    const wanted = isStaff(ctx) ? (status?.length ? status : Object.values(RegistrationStatus)) : [RegistrationStatus.ACCEPTED];
    const [count] = await ctx.em.query(`SELECT count(*)::int AS n FROM fair_registration WHERE fair_id = $1 AND status = ANY($2)`, [
      fairId,
      wanted,
    ]);
    const rows = await ctx.em
      .getRepository(FairRegistration)
      .createQueryBuilder('r')
      .where('r.fair_id = :fairId AND r.status IN (:...wanted)', { fairId, wanted })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getMany();
    return toConnection(rows, page, (count as { n: number }).n);
  }

  /** The caller's own organisations' registrations for this fair (bounded by their memberships). */
  async mine(ctx: RequestContext, fairId: string): Promise<FairRegistration[]> {
    if (!ctx.user) return [];
    const ms = await ctx.loaders.membershipsByUser.load(ctx.user.id);
    const orgs = ms.map((m) => m.cooperativeId ?? m.businessId).filter((x): x is string => !!x);
    if (!orgs.length) return [];
    return ctx.em
      .getRepository(FairRegistration)
      .createQueryBuilder('r')
      .where('r.fair_id = :fairId AND r.organization_id IN (:...orgs) AND r.status IN (:...active)', { fairId, orgs, active: ACTIVE })
      .orderBy('r.created_at', 'ASC')
      .getMany();
  }

  async register(
    ctx: RequestContext,
    input: RegisterForFairInput,
  ): Promise<FairRegistration | RegistrationClosedError | DuplicateError | NotVerifiedError> {
    const fair = await ctx.services.fairs.require(ctx, input.fairId);
    if (!!input.cooperativeId === !!input.businessId)
      throw badInput('cooperativeId', 'Name either a cooperative or a business.', ['oneOf']);
    let verified: boolean;
    if (input.cooperativeId) {
      const coop = await ctx.loaders.cooperative.load(input.cooperativeId);
      if (!coop) throw notFound('Cooperative');
      if (!(await isStaffCovering(ctx, { cooperativeId: coop.id }))) await assertCooperativeMember(ctx, coop.id);
      verified = !!coop.verifiedAt;
    } else {
      const biz = await ctx.loaders.business.load(input.businessId!);
      if (!biz) throw notFound('Business');
      if (!(await isStaffCovering(ctx, { businessId: biz.id }))) await assertBusinessMember(ctx, biz.id);
      verified = !!biz.verifiedAt;
    }
    const now = new Date();
    if (fair.status !== FairStatus.OPEN || now < fair.registrationOpensAt || now > fair.registrationClosesAt)
      return RegistrationClosedError.of();
    if (!verified) return NotVerifiedError.of();
    const productIds = [...new Set(input.productIds ?? [])];
    if (productIds.length) {
      if (!input.cooperativeId) throw badInput('productIds', 'Only cooperatives list products to show.', ['cooperative']);
      const own: { id: string }[] = await ctx.em.query(`SELECT id FROM product WHERE id = ANY($1) AND cooperative_id = $2`, [
        productIds,
        input.cooperativeId,
      ]);
      if (own.length !== productIds.length) throw badInput('productIds', 'Show only your own products.', ['own']);
    }
    try {
      return await inTransaction(ctx, async (tx) => {
        const rows: { id: string }[] = await tx.em.query(
          `INSERT INTO fair_registration (fair_id, cooperative_id, business_id, needs_booth, product_ids, note)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            fair.id,
            input.cooperativeId ?? null,
            input.businessId ?? null,
            input.needsBooth ?? !!input.cooperativeId,
            productIds,
            input.note ?? '',
          ],
        );
        return tx.em.getRepository(FairRegistration).findOneByOrFail({ id: rows[0]!.id });
      });
    } catch (err) {
      if (sqlState(err) === '23505') return DuplicateError.of('organization');
      throw err;
    }
  }

  /**
   * Staff decide on an application. Acceptance takes a booth through one conditional UPDATE of
   * the fair's counter, which the row lock serialises and a CHECK backs, so concurrent
   * acceptances can never take more booths than there are: the losers get CapacityFullError.
   */
  async review(
    ctx: RequestContext,
    input: ReviewRegistrationInput,
  ): Promise<FairRegistration | CapacityFullError | InvalidTransitionError | DuplicateError> {
    const reg = await this.require(ctx, input.registrationId);
    try {
      return await inTransaction(ctx, async (tx) => {
        const [fair] = await tx.em.query(`SELECT id, booth_capacity FROM fair WHERE id = $1 FOR UPDATE`, [reg.fairId]);
        const [cur] = await tx.em.query(`SELECT status, needs_booth FROM fair_registration WHERE id = $1 FOR UPDATE`, [reg.id]);
        const from = cur.status as RegistrationStatus;
        const allowed: Record<RegistrationDecision, RegistrationStatus[]> = {
          [RegistrationDecision.ACCEPT]: [RegistrationStatus.APPLIED, RegistrationStatus.WAITLISTED],
          [RegistrationDecision.WAITLIST]: [RegistrationStatus.APPLIED],
          [RegistrationDecision.REJECT]: [RegistrationStatus.APPLIED, RegistrationStatus.WAITLISTED],
        };
        const to = { ACCEPT: RegistrationStatus.ACCEPTED, WAITLIST: RegistrationStatus.WAITLISTED, REJECT: RegistrationStatus.REJECTED }[
          input.decision
        ];
        if (!allowed[input.decision].includes(from)) return InvalidTransitionError.of(from, to);
        let booth: number | null = null;
        if (to === RegistrationStatus.ACCEPTED && cur.needs_booth) {
          const taken: [unknown[], number] = await tx.em.query(
            `UPDATE fair SET booths_taken = booths_taken + 1 WHERE id = $1 AND booths_taken < booth_capacity RETURNING id`,
            [reg.fairId],
          );
          if (taken[1] === 0) return CapacityFullError.of(fair.booth_capacity as number);
          if (input.boothNumber && input.boothNumber > (fair.booth_capacity as number))
            throw badInput('boothNumber', 'There is no such booth.', ['max']);
          booth = input.boothNumber ?? (await lowestFreeBooth(tx, reg.fairId));
        }
        await tx.em.query(
          `UPDATE fair_registration SET status = $2, booth_number = $3, reviewed_by = $4,
             waitlisted_at = CASE WHEN $2 = 'WAITLISTED' THEN now() ELSE waitlisted_at END, version = version + 1, updated_at = now()
           WHERE id = $1`,
          [reg.id, to, booth, ctx.user!.id],
        );
        await ctx.services.audit.record(tx, 'fair.registration.review', 'fair_registration', reg.id, { from, to, booth });
        return tx.em.getRepository(FairRegistration).findOneByOrFail({ id: reg.id });
      });
    } catch (err) {
      if (sqlState(err) === '23505' && constraintName(err) === 'fair_registration_booth_uq') return DuplicateError.of('boothNumber');
      throw err;
    }
  }

  /**
   * Withdraws a registration. A freed booth goes straight to the longest-waiting registration on
   * the wait-list, in the same transaction, so the booth is never free for a third party in between.
   */
  async cancel(ctx: RequestContext, id: string): Promise<FairRegistration | InvalidTransitionError> {
    const reg = await this.require(ctx, id);
    await assertCanActFor(ctx, reg);
    return inTransaction(ctx, async (tx) => {
      await tx.em.query(`SELECT id FROM fair WHERE id = $1 FOR UPDATE`, [reg.fairId]);
      const [cur] = await tx.em.query(`SELECT status, needs_booth, booth_number FROM fair_registration WHERE id = $1 FOR UPDATE`, [reg.id]);
      if (!ACTIVE.includes(cur.status)) return InvalidTransitionError.of(cur.status, RegistrationStatus.CANCELLED);
      await tx.em.query(
        `UPDATE fair_registration SET status = 'CANCELLED', booth_number = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [reg.id],
      );
      // Meetings not yet held go; requests to and from the participant end.
      await tx.em.query(`DELETE FROM fair_meeting WHERE status = 'SCHEDULED' AND (registration_a = $1 OR registration_b = $1)`, [reg.id]);
      await tx.em.query(
        `UPDATE meeting_request SET status = 'CANCELLED' WHERE status IN ('PENDING','ACCEPTED') AND (from_registration = $1 OR to_registration = $1)`,
        [reg.id],
      );
      let promoted: string | null = null;
      if (cur.status === RegistrationStatus.ACCEPTED && cur.needs_booth) {
        await tx.em.query(`UPDATE fair SET booths_taken = booths_taken - 1 WHERE id = $1`, [reg.fairId]);
        const [next] = await tx.em.query(
          `SELECT id FROM fair_registration WHERE fair_id = $1 AND status = 'WAITLISTED' AND needs_booth
           ORDER BY waitlisted_at, created_at, id LIMIT 1 FOR UPDATE`,
          [reg.fairId],
        );
        if (next) {
          await tx.em.query(`UPDATE fair SET booths_taken = booths_taken + 1 WHERE id = $1`, [reg.fairId]);
          await tx.em.query(
            `UPDATE fair_registration SET status = 'ACCEPTED', booth_number = $2, version = version + 1, updated_at = now() WHERE id = $1`,
            [next.id, cur.booth_number ?? (await lowestFreeBooth(tx, reg.fairId))],
          );
          promoted = next.id as string;
        }
      }
      await ctx.services.audit.record(tx, 'fair.registration.cancel', 'fair_registration', reg.id, { promoted });
      return tx.em.getRepository(FairRegistration).findOneByOrFail({ id: reg.id });
    });
  }

  async setAvailability(ctx: RequestContext, input: SetAvailabilityInput): Promise<FairRegistration | InvalidTransitionError> {
    const reg = await this.require(ctx, input.registrationId);
    await assertCanActFor(ctx, reg);
    const fair = await ctx.em.getRepository(Fair).findOneByOrFail({ id: reg.fairId });
    const count = slotsOf(fair).length;
    const slots = [...new Set(input.unavailableSlots)].sort((a, b) => a - b);
    if (slots.some((s) => s >= count)) throw badInput('unavailableSlots', 'No such slot.', ['max']);
    if (!ACTIVE.includes(reg.status) || fair.status === FairStatus.COMPLETED) return InvalidTransitionError.of(reg.status, reg.status);
    await ctx.em.query(`UPDATE fair_registration SET unavailable_slots = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      reg.id,
      slots,
    ]);
    return this.require(ctx, reg.id);
  }

  async checkIn(ctx: RequestContext, id: string): Promise<FairRegistration | InvalidTransitionError> {
    const reg = await this.require(ctx, id);
    if (!isStaff(ctx)) throw forbidden();
    if (reg.status !== RegistrationStatus.ACCEPTED) return InvalidTransitionError.of(reg.status, 'CHECKED_IN');
    await inTransaction(ctx, async (tx) => {
      await tx.em.query(`UPDATE fair_registration SET checked_in_at = coalesce(checked_in_at, now()) WHERE id = $1`, [reg.id]);
      await ctx.services.audit.record(tx, 'fair.registration.checkin', 'fair_registration', reg.id);
    });
    return this.require(ctx, reg.id);
  }
}

/** Under the fair's row lock, so two acceptances cannot pick the same number. */
async function lowestFreeBooth(tx: RequestContext, fairId: string): Promise<number> {
  const [row] = await tx.em.query(
    `SELECT min(n)::int AS n FROM fair f, generate_series(1, f.booth_capacity) n
     WHERE f.id = $1 AND NOT EXISTS (SELECT 1 FROM fair_registration r WHERE r.fair_id = f.id AND r.booth_number = n)`,
    [fairId],
  );
  return row.n as number;
}
