import type { RequestContext } from '../../common/context';

/** Staff actions and status changes leave a row here, in the caller's transaction. */
export class AuditService {
  async record(ctx: RequestContext, action: string, entity: string, entityId: string, data: Record<string, unknown> = {}): Promise<void> {
    await ctx.em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, data) VALUES ($1, $2, $3, $4, $5)`, [
      ctx.user?.id ?? null,
      action,
      entity,
      entityId,
      JSON.stringify(data),
    ]);
  }
}
