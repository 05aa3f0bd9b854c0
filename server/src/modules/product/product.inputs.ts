import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../common/scalars';
import { BrandKind, CertificationScheme } from './product.entity';
import { UNIT_CODES } from './units';

@InputType()
export class CertificationInput {
  @Field(() => CertificationScheme) scheme!: CertificationScheme;
  @Field(() => String) @Length(1, 100) number!: string;
  @Field(() => String) @Length(1, 200) issuer!: string;
  @Field(() => LocalDateScalar) issuedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() expiresOn?: string | null;
}

@InputType()
export class BrandInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => BrandKind) kind!: BrandKind;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) registrationNumber?: string | null;
}

/** Fields a manager may set on a product, shared by create and update. */
@InputType()
abstract class ProductFieldsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) nameEn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) descriptionVi?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) descriptionEn?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) @Max(1_000_000_000_000) priceMin?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) @Max(1_000_000_000_000) priceMax?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1e9) minOrder?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1e9) capacityPerMonth?: number | null;
  @Field(() => [Int], { nullable: true, description: 'Months of availability, 1–12.' })
  @IsOptional()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  availableMonths?: number[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) packaging?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(3) @Max(5) ocopStars?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(2018) @Max(2100) ocopYear?: number | null;
  @Field(() => ID, { nullable: true, description: 'An existing brand of the cooperative.' }) @IsOptional() @IsUUID() brandId?:
    string | null;
  @Field(() => BrandInput, { nullable: true, description: 'A new brand, created for the cooperative.' })
  @IsOptional()
  @ValidateNested()
  brand?: BrandInput | null;
  @Field(() => [CertificationInput], { nullable: true, description: 'Replaces the whole list when given.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  certifications?: CertificationInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'Uploaded images in display order; replaces the list when given.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  imageUploadIds?: string[] | null;
}

@InputType()
export class CreateProductInput extends ProductFieldsInput {
  @Field(() => ID) @IsUUID() cooperativeId!: string;
  @Field(() => String) @Length(2, 200) nameVi!: string;
  @Field(() => String) @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/) @MaxLength(100) categoryCode!: string;
  @Field(() => String, { description: 'UNECE Rec 20 code: KGM, TNE, H87, LTR…' }) @IsIn(UNIT_CODES) unit!: string;
}

@InputType()
export class UpdateProductInput extends ProductFieldsInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200) nameVi?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/) @MaxLength(100) categoryCode?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(UNIT_CODES) unit?: string | null;
}

@InputType()
export class ProductStatusInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
}
