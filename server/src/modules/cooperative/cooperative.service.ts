import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { DuplicateError, VersionConflictError, badInput, constraintName, notFound, sqlState } from '../../common/errors';
import { assertCooperativeMember, isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { type ConnectionShape, type Page, toConnection } from '../../common/pagination';
import { updateVersioned } from '../../common/versioned';
import { MembershipRole } from '../auth/user.entity';
import { Cooperative, type CooperativeRating, type Sector } from './cooperative.entity';
import type { CreateCooperativeInput, RecordRatingInput, UpdateCooperativeInput } from './cooperative.inputs';
import { ratingClassFor } from './rating-rules';

export interface CooperativeListFilter {
  search?: string | null;
  areaCodes?: string[] | null;
  sector?: Sector | null;
}

export class CooperativeService {
  async get(ctx: RequestContext, id: string): Promise<Cooperative | null> {
    return ctx.loaders.cooperative.load(id);
  }

  async list(ctx: RequestContext, filter: CooperativeListFilter, page: Page): Promise<ConnectionShape<Cooperative>> {
    const qb = ctx.em.getRepository(Cooperative).createQueryBuilder('c');
    if (filter.search) qb.andWhere(`cl_fold(c.name) LIKE '%' || cl_fold(:s) || '%'`, { s: filter.search });
    // ANY, not IN: an unknown area has no descendants, and an empty IN list is not valid SQL.
    if (filter.areaCodes) qb.andWhere('c.area_code = ANY(:areas)', { areas: filter.areaCodes });
    if (filter.sector) qb.andWhere('c.sector = :sector', { sector: filter.sector });
    const [rows, total] = await qb.orderBy('c.name', 'ASC').addOrderBy('c.id').skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, page, total);
  }

  /**
   * Registers a cooperative. A manager who creates one becomes its OWNER;
   * it stays unverified until trade-promotion staff check it.
   */
  async create(ctx: RequestContext, input: CreateCooperativeInput): Promise<Cooperative | DuplicateError> {
    await ctx.services.areas.assertCommune(ctx, input.areaCode, 'input.areaCode');
    try {
      return await inTransaction(ctx, async (tx) => {
        const rows: { id: string }[] = await tx.em.query(
          `INSERT INTO cooperative (name, registration_number, sector, subsector, area_code, address, member_count,
              charter_capital, established_on, description, phone, email)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
          [
            input.name.trim(),
            input.registrationNumber,
            input.sector,
            input.subsector.trim(),
            input.areaCode,
            input.address ?? '',
            input.memberCount,
            input.charterCapital ?? 0,
            input.establishedOn,
            input.description ?? '',
            input.phone ?? null,
            input.email ?? null,
          ],
        );
        const id = rows[0]!.id;
        if (ctx.user && ctx.user.roles.includes('COOP_MANAGER')) {
          await tx.em.query(`INSERT INTO membership (user_id, cooperative_id, role) VALUES ($1, $2, $3)`, [
            ctx.user.id,
            id,
            MembershipRole.OWNER,
          ]);
        }
        await tx.services.audit.record(tx, 'cooperative.created', 'cooperative', id);
        return tx.em.getRepository(Cooperative).findOneByOrFail({ id });
      });
    } catch (err) {
      if (sqlState(err) === '23505' && constraintName(err)?.includes('registration_number')) return DuplicateError.of('registrationNumber');
      throw err;
    }
  }

  async update(ctx: RequestContext, input: UpdateCooperativeInput): Promise<Cooperative | VersionConflictError> {
    const coop = await this.get(ctx, input.id);
    if (!coop) throw notFound('Cooperative');
    await assertCooperativeMember(ctx, coop.id);
    if (input.areaCode) await ctx.services.areas.assertCommune(ctx, input.areaCode, 'input.areaCode');
    const result = await updateVersioned(ctx.em, 'cooperative', coop.id, input.version, {
      name: input.name?.trim() ?? undefined,
      subsector: input.subsector ?? undefined,
      area_code: input.areaCode ?? undefined,
      address: input.address ?? undefined,
      latitude: input.latitude ?? undefined,
      longitude: input.longitude ?? undefined,
      member_count: input.memberCount ?? undefined,
      charter_capital: input.charterCapital ?? undefined,
      description: input.description ?? undefined,
      phone: input.phone ?? undefined,
      email: input.email ?? undefined,
    });
    if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
    if (result.kind === 'missing') throw notFound('Cooperative');
    return ctx.em.getRepository(Cooperative).findOneByOrFail({ id: coop.id });
  }

  /**
   * Records (or corrects) the yearly assessment; the class follows Circular
   * 01/2020. Scoped officers rate only inside their area.
   */
  async recordRating(ctx: RequestContext, input: RecordRatingInput): Promise<Cooperative> {
    const coop = await ctx.services.status.assertCooperativeInScope(ctx, input.cooperativeId);
    const score = input.score ?? null;
    const ratingClass = ratingClassFor(score, coop.establishedOn, input.year);
    const criteria = (input.criteria ?? []).map((c, i) => {
      const maxScore = c.maxScore ?? 100;
      if (c.score > maxScore) throw badInput(`input.criteria.${i}.score`, 'The score is above the criterion maximum.', ['max']);
      return { name: c.name.trim(), score: c.score, maxScore };
    });
    if (input.evidenceUploadId) {
      const [owned] = await ctx.em.query<unknown[]>(`SELECT 1 FROM upload WHERE id = $1 AND owner_id = $2`, [
        input.evidenceUploadId,
        ctx.user?.id,
      ]);
      if (!owned) throw badInput('input.evidenceUploadId', 'Upload the evidence first.', ['upload']);
    }
    return inTransaction(ctx, async (tx) => {
      await tx.em.query(
        `INSERT INTO cooperative_rating (cooperative_id, year, score, rating_class, notes, criteria, evidence_upload_id, recorded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (cooperative_id, year) DO UPDATE
           SET score = EXCLUDED.score, rating_class = EXCLUDED.rating_class, notes = EXCLUDED.notes, criteria = EXCLUDED.criteria,
               evidence_upload_id = EXCLUDED.evidence_upload_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [
          coop.id,
          input.year,
          ratingClass === 'UNRATED' ? null : score,
          ratingClass,
          input.notes ?? '',
          JSON.stringify(criteria),
          input.evidenceUploadId ?? null,
          tx.user?.id,
        ],
      );
      await tx.services.audit.record(tx, 'cooperative.rated', 'cooperative', coop.id, { year: input.year, score, ratingClass });
      return coop;
    });
  }

  async ratings(ctx: RequestContext, cooperativeId: string): Promise<CooperativeRating[]> {
    return ctx.loaders.ratingsByCooperative.load(cooperativeId);
  }

  /** Drafts and archived products are for the cooperative's members and the staff covering it. */
  async canSeeUnpublished(ctx: RequestContext, cooperativeId: string): Promise<boolean> {
    return (await isCooperativeMember(ctx, cooperativeId)) || isStaffCovering(ctx, { cooperativeId });
  }
}
