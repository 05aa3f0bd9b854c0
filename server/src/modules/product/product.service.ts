import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { InvalidTransitionError, NotVerifiedError, VersionConflictError, badInput, notFound } from '../../common/errors';
import { assertCooperativeMember, isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { updateVersioned } from '../../common/versioned';
import { Category } from '../catalogue/category.entity';
import { type CertificationInput, type CreateProductInput, type UpdateProductInput } from './product.inputs';
import { Product, ProductStatus } from './product.entity';

type ProductFields = Omit<UpdateProductInput, 'id' | 'version'>;

/** Which status a product may move to from which. */
const TRANSITIONS: Record<ProductStatus, ProductStatus[]> = {
  [ProductStatus.DRAFT]: [ProductStatus.PUBLISHED, ProductStatus.ARCHIVED],
  [ProductStatus.PUBLISHED]: [ProductStatus.ARCHIVED],
  [ProductStatus.ARCHIVED]: [ProductStatus.PUBLISHED],
};

export class ProductService {
  /** Published products are public; drafts and archived ones only to the cooperative's members and the staff covering it. */
  async get(ctx: RequestContext, id: string): Promise<Product | null> {
    const product = await ctx.em.getRepository(Product).findOneBy({ id });
    if (!product) return null;
    if (product.status === ProductStatus.PUBLISHED) return product;
    if ((await isStaffCovering(ctx, product)) || (await isCooperativeMember(ctx, product.cooperativeId))) return product;
    return null;
  }

  async create(ctx: RequestContext, input: CreateProductInput): Promise<Product> {
    const coop = await ctx.loaders.cooperative.load(input.cooperativeId);
    if (!coop) throw notFound('Cooperative');
    await assertCooperativeMember(ctx, coop.id);
    await this.checkFields(ctx, input, null);
    return inTransaction(ctx, async (tx) => {
      const brandId = await this.resolveBrand(tx, coop.id, input);
      const rows: { id: string }[] = await tx.em.query(
        `INSERT INTO product (cooperative_id, category_code, brand_id, name_vi, name_en, description_vi, description_en, unit,
            price_min, price_max, min_order, capacity_per_month, available_months, packaging, ocop_stars, ocop_year)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
        [
          coop.id,
          input.categoryCode,
          brandId,
          input.nameVi.trim(),
          input.nameEn?.trim() || null,
          input.descriptionVi ?? '',
          input.descriptionEn ?? null,
          input.unit,
          input.priceMin ?? null,
          input.priceMax ?? null,
          input.minOrder ?? null,
          input.capacityPerMonth ?? null,
          normaliseMonths(input.availableMonths ?? []),
          input.packaging ?? '',
          input.ocopStars ?? null,
          input.ocopYear ?? null,
        ],
      );
      const id = rows[0]!.id;
      if (input.certifications) await this.replaceCertifications(tx, id, input.certifications);
      if (input.imageUploadIds) await this.replaceImages(tx, id, input.imageUploadIds);
      return tx.em.getRepository(Product).findOneByOrFail({ id });
    });
  }

  async update(ctx: RequestContext, input: UpdateProductInput): Promise<Product | VersionConflictError> {
    const product = await ctx.em.getRepository(Product).findOneBy({ id: input.id });
    if (!product) throw notFound('Product');
    await assertCooperativeMember(ctx, product.cooperativeId);
    await this.checkFields(ctx, input, product);
    return inTransaction(ctx, async (tx) => {
      const brandId = await this.resolveBrand(tx, product.cooperativeId, input);
      const result = await updateVersioned(tx.em, 'product', product.id, input.version, {
        name_vi: input.nameVi?.trim() ?? undefined,
        name_en: input.nameEn === undefined ? undefined : input.nameEn?.trim() || null,
        description_vi: input.descriptionVi ?? undefined,
        description_en: input.descriptionEn ?? undefined,
        category_code: input.categoryCode ?? undefined,
        brand_id: brandId ?? undefined,
        unit: input.unit ?? undefined,
        price_min: input.priceMin === undefined ? undefined : input.priceMin,
        price_max: input.priceMax === undefined ? undefined : input.priceMax,
        min_order: input.minOrder === undefined ? undefined : input.minOrder,
        capacity_per_month: input.capacityPerMonth === undefined ? undefined : input.capacityPerMonth,
        available_months: input.availableMonths ? normaliseMonths(input.availableMonths) : undefined,
        packaging: input.packaging ?? undefined,
        ocop_stars: input.ocopStars === undefined ? undefined : input.ocopStars,
        ocop_year: input.ocopYear === undefined ? undefined : input.ocopYear,
      });
      if (result.kind === 'conflict') return VersionConflictError.of(result.currentVersion);
      if (result.kind === 'missing') throw notFound('Product');
      if (input.certifications) await this.replaceCertifications(tx, product.id, input.certifications);
      if (input.imageUploadIds) await this.replaceImages(tx, product.id, input.imageUploadIds);
      return tx.em.getRepository(Product).findOneByOrFail({ id: product.id });
    });
  }

  /**
   * Moves a product along DRAFT → PUBLISHED → ARCHIVED (and back to
   * PUBLISHED). Publishing needs a cooperative verified by staff, so the
   * public catalogue only shows organisations someone has checked.
   */
  async transition(
    ctx: RequestContext,
    id: string,
    version: number,
    to: ProductStatus,
  ): Promise<Product | VersionConflictError | InvalidTransitionError | NotVerifiedError> {
    const product = await ctx.em.getRepository(Product).findOneBy({ id });
    if (!product) throw notFound('Product');
    await assertCooperativeMember(ctx, product.cooperativeId);
    if (product.version !== version) return VersionConflictError.of(product.version);
    if (!TRANSITIONS[product.status].includes(to)) return InvalidTransitionError.of(product.status, to);
    if (to === ProductStatus.PUBLISHED) {
      const coop = await ctx.loaders.cooperative.load(product.cooperativeId);
      if (!coop?.verifiedAt) return NotVerifiedError.of();
    }
    const from = product.status;
    const rows: [unknown[], number] = await ctx.em.query(
      `UPDATE product SET status = $3, version = version + 1, updated_at = now(),
              published_at = CASE WHEN $3 = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END
        WHERE id = $1 AND version = $2 AND status = $4 RETURNING id`,
      [id, version, to, from],
    );
    if (rows[1] === 0) {
      const now = await ctx.em.getRepository(Product).findOneByOrFail({ id });
      return VersionConflictError.of(now.version);
    }
    return ctx.em.getRepository(Product).findOneByOrFail({ id });
  }

  /** Rules that span fields or other tables, reported with the field's path. */
  private async checkFields(ctx: RequestContext, input: ProductFields, existing: Product | null): Promise<void> {
    if (input.categoryCode) {
      const cat = await ctx.em.getRepository(Category).findOneBy({ code: input.categoryCode });
      if (!cat) throw badInput('input.categoryCode', 'Choose a category from the list.', ['category']);
    }
    const min = input.priceMin === undefined ? (existing?.priceMin ?? null) : input.priceMin;
    const max = input.priceMax === undefined ? (existing?.priceMax ?? null) : input.priceMax;
    if (min !== null && max !== null && min > max)
      throw badInput('input.priceMax', 'The highest price must not be below the lowest.', ['priceRange']);
    const stars = input.ocopStars === undefined ? (existing?.ocopStars ?? null) : input.ocopStars;
    const year = input.ocopYear === undefined ? (existing?.ocopYear ?? null) : input.ocopYear;
    if ((stars === null) !== (year === null))
      throw badInput('input.ocopYear', 'OCOP stars and the year they were awarded go together.', ['ocop']);
    if (input.brandId && input.brand) throw badInput('input.brand', 'Choose an existing brand or create a new one, not both.', ['brand']);
    (input.certifications ?? []).forEach((c: CertificationInput, i: number) => {
      if (c.expiresOn && c.expiresOn <= c.issuedOn)
        throw badInput(`input.certifications.${i}.expiresOn`, 'A certificate must expire after it is issued.', ['dates']);
    });
    const seen = new Set<string>();
    (input.certifications ?? []).forEach((c, i) => {
      const key = `${c.scheme}|${c.number}`;
      if (seen.has(key)) throw badInput(`input.certifications.${i}.number`, 'This certificate is listed twice.', ['duplicate']);
      seen.add(key);
    });
    if (input.imageUploadIds?.length) {
      const ids = [...new Set(input.imageUploadIds)];
      const owned: { id: string }[] = await ctx.em.query(
        `SELECT id FROM upload WHERE id = ANY($1::uuid[]) AND owner_id = $2 AND mime_type LIKE 'image/%'`,
        [ids, ctx.user?.id],
      );
      if (owned.length !== ids.length) throw badInput('input.imageUploadIds', 'Upload the images first.', ['upload']);
    }
  }

  private async resolveBrand(ctx: RequestContext, cooperativeId: string, input: ProductFields): Promise<string | null | undefined> {
    if (input.brandId) {
      const rows: { id: string }[] = await ctx.em.query(`SELECT id FROM brand WHERE id = $1 AND cooperative_id = $2`, [
        input.brandId,
        cooperativeId,
      ]);
      if (!rows[0]) throw badInput('input.brandId', 'Choose one of the cooperative’s brands.', ['brand']);
      return input.brandId;
    }
    if (input.brand) {
      const rows: { id: string }[] = await ctx.em.query(
        `INSERT INTO brand (cooperative_id, name, kind, registration_number) VALUES ($1,$2,$3,$4)
         ON CONFLICT (cooperative_id, name) DO UPDATE SET kind = EXCLUDED.kind,
           registration_number = coalesce(EXCLUDED.registration_number, brand.registration_number)
         RETURNING id`,
        [cooperativeId, input.brand.name.trim(), input.brand.kind, input.brand.registrationNumber ?? null],
      );
      return rows[0]!.id;
    }
    return undefined;
  }

  private async replaceCertifications(ctx: RequestContext, productId: string, certs: CertificationInput[]): Promise<void> {
    await ctx.em.query(`DELETE FROM certification WHERE product_id = $1`, [productId]);
    for (const c of certs) {
      await ctx.em.query(
        `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on) VALUES ($1,$2,$3,$4,$5,$6)`,
        [productId, c.scheme, c.number.trim(), c.issuer.trim(), c.issuedOn, c.expiresOn ?? null],
      );
    }
  }

  private async replaceImages(ctx: RequestContext, productId: string, uploadIds: string[]): Promise<void> {
    await ctx.em.query(`DELETE FROM product_image WHERE product_id = $1`, [productId]);
    const ids = [...new Set(uploadIds)];
    await ctx.em.query(
      `INSERT INTO product_image (product_id, upload_id, position) SELECT $1, u, o - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(u, o)`,
      [productId, ids],
    );
  }
}

function normaliseMonths(months: number[]): number[] {
  return [...new Set(months)].sort((a, b) => a - b);
}
