import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { DuplicateError, VersionConflictError, badInput, constraintName, notFound, sqlState } from '../../common/errors';
import { assertBusinessMember } from '../../common/ownership';
import { type ConnectionShape, type Page, toConnection } from '../../common/pagination';
import { updateVersioned } from '../../common/versioned';
import { MembershipRole } from '../auth/user.entity';
import { Business } from './business.entity';
import type { CreateBusinessInput, UpdateBusinessInput } from './business.inputs';
import { normaliseTaxCode } from './tax-code';

export class BusinessService {
  get(ctx: RequestContext, id: string): Promise<Business | null> {
    return ctx.loaders.business.load(id);
  }

  async list(ctx: RequestContext, search: string | null | undefined, page: Page): Promise<ConnectionShape<Business>> {
    const qb = ctx.em.getRepository(Business).createQueryBuilder('b');
    if (search) qb.where(`cl_fold(b.name) LIKE '%' || cl_fold(:s) || '%'`, { s: search });
    const [rows, total] = await qb.orderBy('b.name', 'ASC').addOrderBy('b.id').skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, page, total);
  }

  /** Registers a company; its tax code must carry a valid check digit. */
  async create(ctx: RequestContext, input: CreateBusinessInput): Promise<Business | DuplicateError> {
    const taxCode = normaliseTaxCode(input.taxCode);
    if (!taxCode) throw badInput('input.taxCode', 'The tax code is not valid.', ['taxCode']);
    await ctx.services.areas.assertCommune(ctx, input.areaCode, 'input.areaCode');
    try {
      return await inTransaction(ctx, async (tx) => {
        const rows: { id: string }[] = await tx.em.query(
          `INSERT INTO business (name, tax_code, kinds, area_code, address, contact_name, phone, email, website, description)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
          [
            input.name.trim(),
            taxCode,
            [...new Set(input.kinds)],
            input.areaCode,
            input.address ?? '',
            input.contactName ?? '',
            input.phone ?? null,
            input.email ?? null,
            input.website ?? null,
            input.description ?? '',
          ],
        );
        const id = rows[0]!.id;
        if (ctx.user && ctx.user.roles.includes('BUSINESS_REP')) {
          await tx.em.query(`INSERT INTO membership (user_id, business_id, role) VALUES ($1, $2, $3)`, [
            ctx.user.id,
            id,
            MembershipRole.OWNER,
          ]);
        }
        await tx.services.audit.record(tx, 'business.created', 'business', id);
        return tx.em.getRepository(Business).findOneByOrFail({ id });
      });
    } catch (err) {
      if (sqlState(err) === '23505' && constraintName(err)?.includes('tax_code')) return DuplicateError.of('taxCode');
      throw err;
    }
  }

  async update(ctx: RequestContext, input: UpdateBusinessInput): Promise<Business | VersionConflictError> {
    const business = await this.get(ctx, input.id);
    if (!business) throw notFound('Business');
    await assertBusinessMember(ctx, business.id);
    if (input.areaCode) await ctx.services.areas.assertCommune(ctx, input.areaCode, 'input.areaCode');
    const result = await updateVersioned(ctx.em, 'business', business.id, input.version, {
      name: input.name?.trim() ?? undefined,
      kinds: input.kinds ? [...new Set(input.kinds)] : undefined,
      area_code: input.areaCode ?? undefined,
      address: input.address ?? undefined,
      contact_name: input.contactName ?? undefined,
      phone: input.phone ?? undefined,
      email: input.email ?? undefined,
      website: input.website ?? undefined,
      description: input.description ?? undefined,
    });
    if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
    if (result.kind === 'missing') throw notFound('Business');
    return ctx.em.getRepository(Business).findOneByOrFail({ id: business.id });
  }
}
