import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { DuplicateError, VersionConflictError, assertUuid, badInput, constraintName, notFound, sqlState } from '../../common/errors';
import { assertCooperativeMember } from '../../common/ownership';
import { toConnection, toPage } from '../../common/pagination';
import { updateVersioned } from '../../common/versioned';
import { Product, ProductStatus } from '../product/product.entity';
import { isUnitCode } from '../product/units';
import { isValidGtin } from './gtin';
import type { CreateLotInput, UpdateLotInput } from './trace.inputs';
import { Lot } from './trace.entity';

export const LOT_CODE_RE = /^[A-Z0-9][A-Z0-9-]{2,19}$/;
/** Above a million tonnes a lot is a typing error, not a harvest. */
export const MAX_QUANTITY = 1_000_000_000;

export function checkQuantity(path: string, q: number | null | undefined): void {
  if (q === null || q === undefined) return;
  if (!Number.isFinite(q) || q <= 0 || q > MAX_QUANTITY)
    throw badInput(path, 'Enter a quantity above zero and within reason.', ['quantity']);
}

export function checkUnit(path: string, unit: string | null | undefined): void {
  if (unit !== null && unit !== undefined && !isUnitCode(unit)) throw badInput(path, 'Choose a unit from the list.', ['unit']);
}

export class LotService {
  /** Lots are public master data: the label's QR code leads anyone to them. */
  byCode(ctx: RequestContext, code: string): Promise<Lot | null> {
    return ctx.em.getRepository(Lot).findOneBy({ code: code.trim().toUpperCase() });
  }

  async ofProduct(ctx: RequestContext, product: Product, first?: number | null, after?: string | null) {
    const page = toPage(first, after);
    const [rows, total] = await ctx.em
      .getRepository(Lot)
      .findAndCount({ where: { productId: product.id }, order: { producedOn: 'DESC', code: 'ASC' }, take: page.limit, skip: page.offset });
    return toConnection(rows, page, total);
  }

  /** Only the managers of the product's cooperative create its lots. */
  async create(ctx: RequestContext, input: CreateLotInput): Promise<Lot | DuplicateError> {
    const product = await ctx.em.getRepository(Product).findOneBy({ id: assertUuid(input.productId, 'input.productId') });
    if (!product) throw notFound('Product');
    await assertCooperativeMember(ctx, product.cooperativeId);
    if (product.status === ProductStatus.ARCHIVED) throw badInput('input.productId', 'The product is archived.', ['archived']);
    const code = input.code ? input.code.trim().toUpperCase() : newLotCode(input.producedOn);
    if (!LOT_CODE_RE.test(code)) throw badInput('input.code', 'Use 3–20 capital letters, digits or dashes.', ['code']);
    checkQuantity('input.quantity', input.quantity);
    checkUnit('input.unit', input.unit);
    if (input.expiresOn && input.expiresOn < input.producedOn)
      throw badInput('input.expiresOn', 'Expiry cannot come before production.', ['dates']);
    if (input.gtin && !isValidGtin(input.gtin)) throw badInput('input.gtin', 'This is not a valid GTIN-14.', ['gtin']);
    const coop = await ctx.loaders.cooperative.load(product.cooperativeId);
    const areaCode = input.areaCode ?? coop!.areaCode;
    const area: unknown[] = await ctx.em.query(`SELECT 1 FROM area WHERE code = $1`, [areaCode]);
    if (!area.length) throw badInput('input.areaCode', 'Choose a commune from the list.', ['area']);
    try {
      const rows: { id: string }[] = await ctx.em.query(
        `INSERT INTO lot (code, product_id, cooperative_id, quantity, unit, produced_on, expires_on, area_code, plot, latitude, longitude, gtin)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [
          code,
          product.id,
          product.cooperativeId,
          input.quantity,
          input.unit,
          input.producedOn,
          input.expiresOn ?? null,
          areaCode,
          input.plot?.trim() || null,
          input.latitude ?? null,
          input.longitude ?? null,
          input.gtin ?? null,
        ],
      );
      return ctx.em.getRepository(Lot).findOneByOrFail({ id: rows[0]!.id });
    } catch (err) {
      if (sqlState(err) === '23505' && constraintName(err) === 'lot_code_key') return DuplicateError.of('code');
      if (sqlState(err) === '23514') throw badInput('input', 'The lot is not consistent.', ['check']);
      throw err;
    }
  }

  async update(ctx: RequestContext, input: UpdateLotInput): Promise<Lot | VersionConflictError> {
    const lot = await ctx.em.getRepository(Lot).findOneBy({ id: assertUuid(input.id, 'input.id') });
    if (!lot) throw notFound('Lot');
    await assertCooperativeMember(ctx, lot.cooperativeId);
    checkQuantity('input.quantity', input.quantity);
    if (input.expiresOn && input.expiresOn < lot.producedOn)
      throw badInput('input.expiresOn', 'Expiry cannot come before production.', ['dates']);
    if (input.gtin && !isValidGtin(input.gtin)) throw badInput('input.gtin', 'This is not a valid GTIN-14.', ['gtin']);
    return inTransaction(ctx, async (tx) => {
      const result = await updateVersioned(tx.em, 'lot', lot.id, input.version, {
        quantity: input.quantity ?? undefined,
        expires_on: input.expiresOn === undefined ? undefined : input.expiresOn,
        plot: input.plot === undefined ? undefined : input.plot?.trim() || null,
        gtin: input.gtin === undefined ? undefined : input.gtin || null,
      });
      if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
      if (result.kind === 'missing') throw notFound('Lot');
      return tx.em.getRepository(Lot).findOneByOrFail({ id: lot.id });
    });
  }
}

/** A readable code: production date and four random characters, e.g. L251128-7QK2. */
function newLotCode(producedOn: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tail = [...randomBytes(4)].map((b) => alphabet[b % alphabet.length]).join('');
  return `L${producedOn.slice(2).replaceAll('-', '')}-${tail}`;
}
