import { inTransaction, type RequestContext } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { type ConnectionShape, type Page, toConnection } from '../../common/pagination';
import { OrganizationKind } from '../auth/user.entity';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import type { VerificationItem } from './verification.types';

/** Organisations waiting for staff to confirm they are real, oldest first. */
export class VerificationService {
  async queue(ctx: RequestContext, page: Page): Promise<ConnectionShape<VerificationItem>> {
    const scope = ctx.user?.scopeAreaCode ?? null;
    const rows: (VerificationItem & { total: number })[] = await ctx.em.query(
      `WITH scope AS (
         SELECT code FROM area WHERE $3::text IS NULL
         UNION ALL
         SELECT code FROM (WITH RECURSIVE t AS (SELECT code FROM area WHERE code = $3
           UNION ALL SELECT a.code FROM area a JOIN t ON a.parent_code = t.code) SELECT code FROM t) s
       ), q AS (
         SELECT id, 'COOPERATIVE' AS kind, name, area_code, created_at FROM cooperative WHERE verified_at IS NULL
         UNION ALL
         SELECT id, 'BUSINESS', name, area_code, created_at FROM business WHERE verified_at IS NULL
       )
       SELECT q.id AS "organizationId", q.kind, q.name, q.area_code AS "areaCode", q.created_at AS "createdAt", count(*) OVER ()::int AS total
         FROM q WHERE $3::text IS NULL OR q.area_code IN (SELECT code FROM scope)
        ORDER BY q.created_at, q.id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset, scope],
    );
    const total = rows[0]?.total ?? (page.offset === 0 ? 0 : await this.count(ctx));
    return toConnection(
      rows.map(({ total: _t, ...item }) => item),
      page,
      total,
    );
  }

  private async count(ctx: RequestContext): Promise<number> {
    const rows: { n: number }[] = await ctx.em.query(
      `SELECT ((SELECT count(*) FROM cooperative WHERE verified_at IS NULL) + (SELECT count(*) FROM business WHERE verified_at IS NULL))::int AS n`,
    );
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
