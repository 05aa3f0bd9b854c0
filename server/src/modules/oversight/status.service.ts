import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { badInput, forbidden, InvalidTransitionError, notFound } from '../../common/errors';
import { type ConnectionShape, type Page, toConnection } from '../../common/pagination';
import { vietnamDate } from '../../db/seed/dates';
import { Cooperative } from '../cooperative/cooperative.entity';
import type { StatusCode } from './figures';
import type { AuditFilter, RecordStatusChangeInput } from './oversight.inputs';
import { CooperativeStatusChange } from './oversight.entity';
import type { AuditEntry } from './oversight.types';
import { canChangeStatus } from './status-rules';

/** Status decisions on cooperatives, and the staff's view of the audit trail. */
export class StatusService {
  /** Staff may act on a cooperative only inside their scope; an unknown id and an out-of-scope one look alike. */
  async assertCooperativeInScope(ctx: RequestContext, id: string): Promise<Cooperative> {
    const coop = await ctx.loaders.cooperative.load(id);
    if (!coop) throw notFound('Cooperative');
    if (!(await ctx.services.areas.inScope(ctx, coop.areaCode))) throw forbidden('This cooperative is outside your scope.');
    return coop;
  }

  async record(ctx: RequestContext, input: RecordStatusChangeInput): Promise<Cooperative | InvalidTransitionError> {
    const coop = await this.assertCooperativeInScope(ctx, input.cooperativeId);
    if (input.changedOn > vietnamDate(new Date())) throw badInput('input.changedOn', 'The date cannot be in the future.', ['notFuture']);
    if (input.changedOn < coop.establishedOn)
      throw badInput('input.changedOn', 'The date is before the cooperative was established.', ['afterEstablished']);
    const reason = input.reason.trim();
    if (!reason) throw badInput('input.reason', 'Give a reason.', ['required']);
    return inTransaction(ctx, async (tx) => {
      // The row lock orders concurrent decisions, so each one sees the status the previous one left.
      const [row] = await tx.em.query<{ status: StatusCode }[]>(`SELECT status FROM cooperative WHERE id = $1 FOR UPDATE`, [coop.id]);
      if (!row) throw notFound('Cooperative');
      if (!canChangeStatus(row.status, input.status as StatusCode)) return InvalidTransitionError.of(row.status, input.status);
      await tx.em.query(
        `INSERT INTO cooperative_status_change (cooperative_id, changed_on, from_status, to_status, reason, recorded_by)
         VALUES ($1,$2,$3,$4,$5,$6)`,
        [coop.id, input.changedOn, row.status, input.status, reason, tx.user?.id ?? null],
      );
      await tx.em.query(`UPDATE cooperative SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        coop.id,
        input.status,
      ]);
      await tx.services.audit.record(tx, 'cooperative.status_changed', 'cooperative', coop.id, {
        from: row.status,
        to: input.status,
        changedOn: input.changedOn,
        reason,
      });
      tx.loaders.cooperative.clear(coop.id);
      return tx.em.getRepository(Cooperative).findOneByOrFail({ id: coop.id });
    });
  }

  async history(ctx: RequestContext, cooperativeId: string): Promise<CooperativeStatusChange[]> {
    await this.assertCooperativeInScope(ctx, cooperativeId);
    return ctx.em
      .getRepository(CooperativeStatusChange)
      .find({ where: { cooperativeId }, order: { changedOn: 'DESC', recordedAt: 'DESC' } });
  }

  /**
   * The audit trail, newest first. A scoped officer sees only entries about
   * cooperatives and companies inside their area.
   */
  async audit(ctx: RequestContext, filter: AuditFilter, page: Page): Promise<ConnectionShape<AuditEntry>> {
    const scope = ctx.user?.scopeAreaCode ?? null;
    const rows: (AuditEntry & { total: number })[] = await ctx.em.query(
      `WITH RECURSIVE t AS (SELECT code FROM area WHERE code = $8
         UNION ALL SELECT a.code FROM area a JOIN t ON a.parent_code = t.code)
       SELECT l.id::text AS id, l.action, l.entity, l.entity_id AS "entityId", u.email AS "actorEmail", l.data::text AS data, l.at,
              count(*) OVER ()::int AS total
         FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_id
        WHERE ($3::text IS NULL OR l.action = $3)
          AND ($4::text IS NULL OR l.entity = $4)
          AND ($5::text IS NULL OR l.entity_id = $5)
          AND ($6::date IS NULL OR l.at >= $6::date)
          AND ($7::date IS NULL OR l.at < $7::date + 1)
          AND ($8::text IS NULL OR EXISTS (
                SELECT 1 FROM cooperative c WHERE l.entity = 'cooperative' AND c.id::text = l.entity_id AND c.area_code IN (SELECT code FROM t)
                UNION ALL
                SELECT 1 FROM business b WHERE l.entity = 'business' AND b.id::text = l.entity_id AND b.area_code IN (SELECT code FROM t)))
        ORDER BY l.at DESC, l.id DESC LIMIT $1 OFFSET $2`,
      [
        page.limit,
        page.offset,
        filter.action ?? null,
        filter.entity ?? null,
        filter.entityId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        scope,
      ],
    );
    return toConnection(
      rows.map(({ total: _total, ...r }) => r),
      page,
      rows[0]?.total ?? 0,
    );
  }
}
