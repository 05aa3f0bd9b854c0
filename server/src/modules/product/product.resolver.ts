import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { Category } from '../catalogue/category.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { uploadUrl } from '../upload/upload.entity';
import { Brand, Certification, Product, ProductImage, ProductStatus } from './product.entity';
import { CreateProductInput, ProductStatusInput, UpdateProductInput } from './product.inputs';
import { ProductStatusResult, UpdateProductResult } from './product.types';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'Drafts and archived products only for their cooperative and staff.' })
  product(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Product | null> {
    return ctx.services.products.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => Product, { description: 'Creates a draft product for one of your cooperatives.' })
  createProduct(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProductInput) input: CreateProductInput): Promise<Product> {
    return ctx.services.products.create(ctx, input);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => UpdateProductResult)
  updateProduct(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateProductInput) input: UpdateProductInput) {
    return ctx.services.products.update(ctx, input);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => ProductStatusResult)
  publishProduct(@Ctx() ctx: RequestContext, @Arg('input', () => ProductStatusInput) input: ProductStatusInput) {
    return ctx.services.products.transition(ctx, input.id, input.version, ProductStatus.PUBLISHED);
  }

  @Authorized('COOP_MANAGER')
  @Mutation(() => ProductStatusResult)
  archiveProduct(@Ctx() ctx: RequestContext, @Arg('input', () => ProductStatusInput) input: ProductStatusInput) {
    return ctx.services.products.transition(ctx, input.id, input.version, ProductStatus.ARCHIVED);
  }

  @FieldResolver(() => Cooperative)
  async cooperative(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(product.cooperativeId))!;
  }

  @FieldResolver(() => Category)
  async category(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Category> {
    return (await ctx.loaders.category.load(product.categoryCode))!;
  }

  @FieldResolver(() => Brand, { nullable: true })
  brand(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Brand | null> | null {
    return product.brandId ? ctx.loaders.brand.load(product.brandId) : null;
  }

  @FieldResolver(() => [Certification])
  certifications(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<Certification[]> {
    return ctx.loaders.certificationsByProduct.load(product.id);
  }

  @FieldResolver(() => [ProductImage])
  async images(@Root() product: Product, @Ctx() ctx: RequestContext): Promise<ProductImage[]> {
    const rows = await ctx.loaders.imagesByProduct.load(product.id);
    return rows.map((r) => ({ id: r.uploadId, url: uploadUrl(r.fileName) }));
  }
}

@Resolver(() => Certification)
export class CertificationResolver {
  @FieldResolver(() => Boolean, { description: 'Issued and not yet expired, today in Asia/Ho_Chi_Minh.' })
  valid(@Root() cert: Certification): boolean {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    return cert.issuedOn <= today && (cert.expiresOn === null || cert.expiresOn >= today);
  }
}
