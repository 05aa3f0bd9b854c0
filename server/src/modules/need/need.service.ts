import type { RequestContext } from '../../common/context';
import { hasRole, inTransaction, isStaff } from '../../common/context';
import { InvalidTransitionError, VersionConflictError, badInput, forbidden, notFound } from '../../common/errors';
import { isBusinessMember, isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { updateVersioned } from '../../common/versioned';
import { Need, NeedKind, NeedStatus } from './need.entity';
import type { NeedFilter, PostNeedInput, UpdateNeedInput } from './need.inputs';

/** Which status an owner may move a need to; EXPIRED is the expiry job's alone. */
const TRANSITIONS: Record<NeedStatus, NeedStatus[]> = {
  [NeedStatus.OPEN]: [NeedStatus.PAUSED, NeedStatus.FULFILLED, NeedStatus.CLOSED],
  [NeedStatus.PAUSED]: [NeedStatus.OPEN, NeedStatus.FULFILLED, NeedStatus.CLOSED],
  [NeedStatus.FULFILLED]: [],
  [NeedStatus.CLOSED]: [],
  [NeedStatus.EXPIRED]: [],
};

export class NeedService {
  /** Open needs are a public board; the others only for their organisation and staff. */
  async get(ctx: RequestContext, id: string): Promise<Need | null> {
    const need = await ctx.em.getRepository(Need).findOneBy({ id });
    if (!need) return null;
    if (need.status === NeedStatus.OPEN || (await this.canEdit(ctx, need))) return need;
    return null;
  }

  /** Whether the caller acts for the need's organisation (or is staff covering it, acting on its behalf). */
  async canEdit(ctx: RequestContext, need: Pick<Need, 'businessId' | 'cooperativeId'>): Promise<boolean> {
    if (!ctx.user) return false;
    if (isStaff(ctx)) return isStaffCovering(ctx, need);
    if (need.businessId) return hasRole(ctx, 'BUSINESS_REP') && isBusinessMember(ctx, need.businessId);
    return !!need.cooperativeId && hasRole(ctx, 'COOP_MANAGER') && isCooperativeMember(ctx, need.cooperativeId);
  }

  async list(ctx: RequestContext, filter: NeedFilter, page: Page) {
    const where = [`n.status = 'OPEN'`];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('$?', `$${params.length}`));
    };
    if (filter.kind) add(`n.kind = $?`, filter.kind);
    if (filter.categoryCode) add(`(n.category_code = $? OR n.category_code LIKE $? || '.%')`, filter.categoryCode);
    if (filter.businessId) add(`n.business_id = $?`, filter.businessId);
    if (filter.cooperativeId) add(`n.cooperative_id = $?`, filter.cooperativeId);
    if (filter.areaCode) {
      // Delivered anywhere, somewhere inside the area, or to a wider area that contains it.
      const inside = await ctx.services.areas.descendantCodes(ctx, filter.areaCode);
      const around = await this.ancestorCodes(ctx, filter.areaCode);
      add(`(n.delivery_area_code IS NULL OR n.delivery_area_code = ANY($?::text[]))`, [...inside, ...around]);
    }
    const sqlWhere = where.join(' AND ');
    const [countRow] = (await ctx.em.query(`SELECT count(*)::int AS n FROM need n WHERE ${sqlWhere}`, params)) as { n: number }[];
    const ids: { id: string }[] = await ctx.em.query(
      `SELECT n.id FROM need n WHERE ${sqlWhere} ORDER BY n.created_at DESC, n.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    const rows = await ctx.em.getRepository(Need).findByIds(ids.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toConnection(
      ids.map((r) => byId.get(r.id)!),
      page,
      countRow?.n ?? 0,
    );
  }

  /**
   * The needs a business or cooperative posted, paused, fulfilled and closed
   * ones included, so its people find them again; staff see those of the
   * organisations their area covers.
   */
  async listMine(ctx: RequestContext, status: NeedStatus | null, page: Page) {
    const staff = isStaff(ctx);
    const scope = ctx.user!.scopeAreaCode;
    const scopeCodes = staff && scope ? await ctx.services.areas.descendantCodes(ctx, scope) : null;
    const params: unknown[] = [ctx.user!.id, status, staff, scopeCodes];
    const where = `(($3 AND ($4::text[] IS NULL
          OR (SELECT area_code FROM business WHERE id = n.business_id) = ANY($4::text[])
          OR (SELECT area_code FROM cooperative WHERE id = n.cooperative_id) = ANY($4::text[])))
        OR n.business_id IN (SELECT business_id FROM membership WHERE user_id = $1 AND business_id IS NOT NULL)
        OR n.cooperative_id IN (SELECT cooperative_id FROM membership WHERE user_id = $1 AND cooperative_id IS NOT NULL))
      AND ($2::text IS NULL OR n.status = $2)`;
    const [countRow] = (await ctx.em.query(`SELECT count(*)::int AS n FROM need n WHERE ${where}`, params)) as { n: number }[];
    const ids: { id: string }[] = await ctx.em.query(
      `SELECT n.id FROM need n WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    const rows = await ctx.em.getRepository(Need).findByIds(ids.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toConnection(
      ids.map((r) => byId.get(r.id)!),
      page,
      countRow?.n ?? 0,
    );
  }

  /**
   * Posts a need for a business (offtake, input supply) or a cooperative
   * (input demand). Staff may post on an organisation's behalf; that is audited.
   */
  async post(ctx: RequestContext, input: PostNeedInput): Promise<Need> {
    const owner =
      input.kind === NeedKind.INPUT_DEMAND
        ? { cooperativeId: input.cooperativeId ?? null, businessId: null }
        : { businessId: input.businessId ?? null, cooperativeId: null };
    if (input.kind === NeedKind.INPUT_DEMAND && !owner.cooperativeId)
      throw badInput('input.cooperativeId', 'A cooperative declares its input needs.', ['required']);
    if (input.kind !== NeedKind.INPUT_DEMAND && !owner.businessId)
      throw badInput('input.businessId', 'Choose the business that posts this need.', ['required']);
    if (input.kind === NeedKind.INPUT_DEMAND ? input.businessId : input.cooperativeId)
      throw badInput('input.kind', 'This kind of need belongs to the other kind of organisation.', ['owner']);
    const org = owner.businessId
      ? await ctx.loaders.business.load(owner.businessId)
      : await ctx.loaders.cooperative.load(owner.cooperativeId!);
    if (!org) throw notFound(owner.businessId ? 'Business' : 'Cooperative');
    if (!(await this.canEdit(ctx, owner))) throw forbidden('You do not act for this organisation.');
    await this.checkFields(ctx, input, null);
    // The alerts below rank the catalogue as it stands now; the look is taken before the transaction opens.
    if (input.kind === NeedKind.OFFTAKE) await ctx.services.matching.profiles.current(ctx.em);
    return inTransaction(ctx, async (tx) => {
      const rows: { id: string }[] = await tx.em.query(
        `INSERT INTO need (kind, business_id, cooperative_id, title, category_code, quantity, unit, frequency, delivery_from, delivery_to,
            delivery_area_code, price_min, price_max, negotiable, required_certifications, min_ocop_stars, quality_notes, expires_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
        [
          input.kind,
          owner.businessId,
          owner.cooperativeId,
          input.title.trim(),
          input.categoryCode,
          input.quantity,
          input.unit,
          input.frequency,
          input.deliveryFrom,
          input.deliveryTo,
          input.deliveryAreaCode || null,
          input.priceMin ?? null,
          input.priceMax ?? null,
          input.negotiable ?? (input.priceMin == null && input.priceMax == null),
          [...new Set(input.requiredCertifications ?? [])],
          input.minOcopStars ?? null,
          input.qualityNotes ?? '',
          input.expiresAt,
          ctx.user!.id,
        ],
      );
      const id = rows[0]!.id;
      if (isStaff(tx) && !(await this.isMemberOf(tx, owner)))
        await tx.services.audit.record(tx, 'need.post_on_behalf', 'need', id, { ...owner });
      const need = await tx.em.getRepository(Need).findOneByOrFail({ id });
      await tx.services.notifications.alertForNeed(tx.em, need);
      return need;
    });
  }

  async update(ctx: RequestContext, input: UpdateNeedInput): Promise<Need | VersionConflictError | InvalidTransitionError> {
    const need = await ctx.em.getRepository(Need).findOneBy({ id: input.id });
    if (!need) throw notFound('Need');
    if (!(await this.canEdit(ctx, need))) throw forbidden('Only the organisation that posted this need may change it.');
    if (need.version !== input.version) return VersionConflictError.of(need.version);
    if (input.status && input.status !== need.status && !TRANSITIONS[need.status].includes(input.status))
      return InvalidTransitionError.of(need.status, input.status);
    await this.checkFields(ctx, input, need);
    return inTransaction(ctx, async (tx) => {
      const result = await updateVersioned(tx.em, 'need', need.id, input.version, {
        title: input.title?.trim() ?? undefined,
        quantity: input.quantity ?? undefined,
        delivery_from: input.deliveryFrom ?? undefined,
        delivery_to: input.deliveryTo ?? undefined,
        delivery_area_code: input.deliveryAreaCode === undefined ? undefined : input.deliveryAreaCode || null,
        price_min: input.priceMin === undefined ? undefined : input.priceMin,
        price_max: input.priceMax === undefined ? undefined : input.priceMax,
        negotiable: input.negotiable ?? undefined,
        required_certifications: input.requiredCertifications ? [...new Set(input.requiredCertifications)] : undefined,
        min_ocop_stars: input.minOcopStars === undefined ? undefined : input.minOcopStars,
        quality_notes: input.qualityNotes ?? undefined,
        expires_at: input.expiresAt ?? undefined,
        status: input.status ?? undefined,
      });
      if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
      if (result.kind === 'missing') throw notFound('Need');
      if (isStaff(tx) && !(await this.isMemberOf(tx, need)))
        await tx.services.audit.record(tx, 'need.update_on_behalf', 'need', need.id, {});
      return tx.em.getRepository(Need).findOneByOrFail({ id: need.id });
    });
  }

  /** Marks needs past their expiry; run by the job runner in one process at a time. */
  async expireDue(em: RequestContext['em']): Promise<number> {
    const result: [unknown[], number] = await em.query(
      `UPDATE need SET status = 'EXPIRED', version = version + 1, updated_at = now()
        WHERE status IN ('OPEN','PAUSED') AND expires_at <= now() RETURNING id`,
    );
    return result[1];
  }

  private async isMemberOf(ctx: RequestContext, owner: { businessId: string | null; cooperativeId: string | null }): Promise<boolean> {
    return owner.businessId ? isBusinessMember(ctx, owner.businessId) : isCooperativeMember(ctx, owner.cooperativeId!);
  }

  private async ancestorCodes(ctx: RequestContext, code: string): Promise<string[]> {
    const rows: { code: string }[] = await ctx.em.query(
      `WITH RECURSIVE t AS (SELECT code, parent_code FROM area WHERE code = $1
         UNION ALL SELECT a.code, a.parent_code FROM area a JOIN t ON a.code = t.parent_code) SELECT code FROM t`,
      [code],
    );
    return rows.map((r) => r.code);
  }

  /** Rules across fields and tables, reported against the field's path. */
  private async checkFields(
    ctx: RequestContext,
    input: Pick<UpdateNeedInput, 'deliveryAreaCode' | 'deliveryFrom' | 'deliveryTo' | 'priceMin' | 'priceMax' | 'expiresAt'> & {
      categoryCode?: string | null;
    },
    existing: Need | null,
  ): Promise<void> {
    if (input.categoryCode && !(await ctx.loaders.category.load(input.categoryCode)))
      throw badInput('input.categoryCode', 'Choose a category from the list.', ['category']);
    if (input.deliveryAreaCode) {
      const area = await ctx.loaders.area.load(input.deliveryAreaCode);
      if (!area) throw badInput('input.deliveryAreaCode', 'Choose an area from the list.', ['area']);
    }
    const from = input.deliveryFrom ?? existing?.deliveryFrom;
    const to = input.deliveryTo ?? existing?.deliveryTo;
    if (from && to && from > to) throw badInput('input.deliveryTo', 'The delivery window must end after it starts.', ['dates']);
    const min = input.priceMin === undefined ? (existing?.priceMin ?? null) : input.priceMin;
    const max = input.priceMax === undefined ? (existing?.priceMax ?? null) : input.priceMax;
    if (min !== null && max !== null && min > max)
      throw badInput('input.priceMax', 'The highest price must not be below the lowest.', ['priceRange']);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw badInput('input.expiresAt', 'The need must expire in the future.', ['future']);
  }
}
