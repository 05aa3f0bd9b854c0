import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../common/scalars';
import { CertificationScheme } from '../product/product.entity';
import { UNIT_CODES } from '../product/units';
import { NeedFrequency, NeedKind, NeedStatus } from './need.entity';

const CATEGORY_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

/** Fields shared by posting and editing a need. */
@InputType()
abstract class NeedFieldsInput {
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) @Max(1_000_000_000_000) priceMin?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) @Max(1_000_000_000_000) priceMax?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() negotiable?: boolean | null;
  @Field(() => [CertificationScheme], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(CertificationScheme, { each: true })
  requiredCertifications?: CertificationScheme[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(3) @Max(5) minOcopStars?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) qualityNotes?: string | null;
  @Field(() => String, { nullable: true, description: 'District or commune code; empty means anywhere.' })
  @IsOptional()
  @MaxLength(20)
  deliveryAreaCode?: string | null;
}

@InputType()
export class PostNeedInput extends NeedFieldsInput {
  @Field(() => NeedKind) @IsEnum(NeedKind) kind!: NeedKind;
  @Field(() => ID, { nullable: true, description: 'The posting business (OFFTAKE, INPUT_SUPPLY).' })
  @IsOptional()
  @IsUUID()
  businessId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The cooperative declaring an input need (INPUT_DEMAND).' })
  @IsOptional()
  @IsUUID()
  cooperativeId?: string | null;
  @Field(() => String) @Length(3, 200) title!: string;
  @Field(() => String) @Matches(CATEGORY_RE) @MaxLength(100) categoryCode!: string;
  @Field(() => Float) @Min(0.001) @Max(1e9) quantity!: number;
  @Field(() => String) @IsIn(UNIT_CODES) unit!: string;
  @Field(() => NeedFrequency) @IsEnum(NeedFrequency) frequency!: NeedFrequency;
  @Field(() => LocalDateScalar) deliveryFrom!: string;
  @Field(() => LocalDateScalar) deliveryTo!: string;
  @Field(() => DateTimeISO) expiresAt!: Date;
}

@InputType()
export class UpdateNeedInput extends NeedFieldsInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(3, 200) title?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0.001) @Max(1e9) quantity?: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() deliveryFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() deliveryTo?: string | null;
  @Field(() => DateTimeISO, { nullable: true }) @IsOptional() expiresAt?: Date | null;
  @Field(() => NeedStatus, { nullable: true, description: 'OPEN, PAUSED, FULFILLED or CLOSED; EXPIRED is set by the platform.' })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus | null;
}

@InputType()
export class NeedFilter {
  @Field(() => NeedKind, { nullable: true }) @IsOptional() @IsEnum(NeedKind) kind?: NeedKind | null;
  @Field(() => String, { nullable: true, description: 'A category and everything below it.' })
  @IsOptional()
  @Matches(CATEGORY_RE)
  categoryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Needs delivered in this area or anywhere.' })
  @IsOptional()
  @MaxLength(20)
  areaCode?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() businessId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cooperativeId?: string | null;
}
