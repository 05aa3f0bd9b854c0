import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar, numericTransformer } from '../../common/scalars';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

export enum BrandKind {
  OWN_BRAND = 'OWN_BRAND',
  COLLECTIVE_TRADEMARK = 'COLLECTIVE_TRADEMARK',
  CERTIFICATION_MARK = 'CERTIFICATION_MARK',
  GEOGRAPHICAL_INDICATION = 'GEOGRAPHICAL_INDICATION',
}
registerEnumType(BrandKind, { name: 'BrandKind' });

export enum CertificationScheme {
  VIETGAP = 'VIETGAP',
  GLOBALGAP = 'GLOBALGAP',
  ORGANIC = 'ORGANIC',
  HACCP = 'HACCP',
  ISO22000 = 'ISO22000',
  OCOP = 'OCOP',
  OTHER = 'OTHER',
}
registerEnumType(CertificationScheme, { name: 'CertificationScheme' });

@ObjectType()
@Entity('product')
export class Product {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Column({ type: 'text', name: 'category_code' }) categoryCode!: string;
  @Column({ type: 'uuid', name: 'brand_id', nullable: true }) brandId!: string | null;
  @Field(() => String) @Column({ type: 'text', name: 'name_vi' }) nameVi!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'name_en', nullable: true }) nameEn!: string | null;
  @Field(() => String) @Column({ type: 'text', name: 'description_vi' }) descriptionVi!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'description_en', nullable: true }) descriptionEn!: string | null;
  @Field(() => String, { description: 'UNECE Rec 20 unit code, e.g. KGM, TNE, H87, LTR.' }) @Column({ type: 'text' }) unit!: string;
  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', name: 'price_min', nullable: true, transformer: numericTransformer })
  priceMin!: number | null;
  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', name: 'price_max', nullable: true, transformer: numericTransformer })
  priceMax!: number | null;
  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', name: 'min_order', nullable: true, transformer: numericTransformer })
  minOrder!: number | null;
  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', name: 'capacity_per_month', nullable: true, transformer: numericTransformer })
  capacityPerMonth!: number | null;
  @Field(() => [Int]) @Column({ type: 'smallint', array: true, name: 'available_months' }) availableMonths!: number[];
  @Field(() => String) @Column({ type: 'text' }) packaging!: string;
  @Field(() => Int, { nullable: true }) @Column({ type: 'smallint', name: 'ocop_stars', nullable: true }) ocopStars!: number | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'smallint', name: 'ocop_year', nullable: true }) ocopYear!: number | null;
  @Field(() => ProductStatus) @Column({ type: 'text' }) status!: ProductStatus;
  @Field(() => DateTimeISO, { nullable: true })
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}

@ObjectType()
@Entity('brand')
export class Brand {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => String) @Column({ type: 'text' }) name!: string;
  @Field(() => BrandKind) @Column({ type: 'text' }) kind!: BrandKind;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'registration_number', nullable: true }) registrationNumber!:
    string | null;
}

@ObjectType()
@Entity('certification')
export class Certification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'product_id' }) productId!: string;
  @Field(() => CertificationScheme) @Column({ type: 'text' }) scheme!: CertificationScheme;
  @Field(() => String) @Column({ type: 'text' }) number!: string;
  @Field(() => String) @Column({ type: 'text' }) issuer!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'issued_on' }) issuedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @Column({ type: 'date', name: 'expires_on', nullable: true }) expiresOn!: string | null;
}

@Entity('product_image')
export class ProductImageRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'product_id' }) productId!: string;
  @Column({ type: 'uuid', name: 'upload_id' }) uploadId!: string;
  @Column({ type: 'smallint' }) position!: number;
}

@ObjectType('ProductImage')
export class ProductImage {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
}
