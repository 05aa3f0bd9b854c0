import { inTransaction, type RequestContext } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { type ConnectionShape, type Page, toConnection } from '../../common/pagination';
import { OrganizationKind } from '../auth/user.entity';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import type { VerificationItem } from './verification.types';

/** Unverified organisations inside the scope area $1 (everywhere when it is null), as `q`. */
const QUEUE = `WITH RECURSIVE t AS (SELECT code FROM area WHERE code = $1::text
         UNION ALL SELECT a.code FROM area a JOIN t ON a.parent_code = t.code),
       waiting AS (
         SELECT id, 'COOPERATIVE' AS kind, name, area_code, created_at FROM cooperative WHERE verified_at IS NULL
         UNION ALL
         SELECT id, 'BUSINESS', name, area_code, created_at FROM business WHERE verified_at IS NULL),
       q AS (SELECT * FROM waiting WHERE $1::text IS NULL OR area_code IN (SELECT code FROM t))`;

/** Organisations waiting for staff to confirm they are real, oldest first. */
export class VerificationService {
  async queue(ctx: RequestContext, page: Page): Promise<ConnectionShape<VerificationItem>> {
    const scope = ctx.user?.scopeAreaCode ?? null;
    const rows: (VerificationItem & { total: number })[] = await ctx.em.query(
      `${QUEUE}
       SELECT q.id AS "organizationId", q.kind, q.name, q.area_code AS "areaCode", q.created_at AS "createdAt", count(*) OVER ()::int AS total
         FROM q ORDER BY q.created_at, q.id LIMIT $2 OFFSET $3`,
      [scope, page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset === 0 ? 0 : await this.count(ctx, scope));
    return toConnection(
      rows.map(({ total: _t, ...item }) => item),
      page,
      total,
    );
  }

  /** The queue's length past its last page; a scoped officer counts only their area. */
  private async count(ctx: RequestContext, scope: string | null): Promise<number> {
    const rows: { n: number }[] = await ctx.em.query(`${QUEUE} SELECT count(*)::int AS n FROM q`, [scope]);
    return rows[0]?.n ?? 0;
  }

  async verify(ctx: RequestContext, kind: OrganizationKind, id: string): Promise<Cooperative | Business> {
    const org = kind === OrganizationKind.COOPERATIVE ? await ctx.loaders.cooperative.load(id) : await ctx.loaders.business.load(id);
    if (!org) throw notFound(kind === OrganizationKind.COOPERATIVE ? 'Cooperative' : 'Business');
    if (!(await ctx.services.areas.inScope(ctx, org.areaCode))) throw forbidden('This organisation is outside your area.');
    const table = kind === OrganizationKind.COOPERATIVE ? 'cooperative' : 'business';
    return inTransaction(ctx, async (tx) => {
      // Verifying twice changes nothing and records nothing the second time.
      const rows: [unknown[], number] = await tx.em.query(
        `UPDATE ${table} SET verified_at = now(), verified_by = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND verified_at IS NULL RETURNING id`,
        [id, tx.user?.id],
      );
      if (rows[1] > 0) await tx.services.audit.record(tx, `${table}.verified`, table, id);
      const repo = kind === OrganizationKind.COOPERATIVE ? tx.em.getRepository(Cooperative) : tx.em.getRepository(Business);
      return repo.findOneByOrFail({ id });
    });
  }
}
