import {
  ArrayMaxSize,
  IsEmail,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../common/scalars';
import { Sector } from './cooperative.entity';

@InputType()
export class CreateCooperativeInput {
  @Field(() => String) @Length(2, 200) name!: string;
  @Field(() => String, { description: 'Business registration number of the cooperative.' })
  @Matches(/^[0-9A-Za-z./-]{4,30}$/)
  registrationNumber!: string;
  @Field(() => Sector) sector!: Sector;
  @Field(() => String) @Length(2, 100) subsector!: string;
  @Field(() => String, { description: 'Code of the commune or ward.' }) @Length(1, 20) areaCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) address?: string | null;
  @Field(() => Int, { description: 'Official members; the 2023 law requires at least 5.' })
  @IsInt()
  @Min(5)
  @Max(1_000_000)
  memberCount!: number;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) charterCapital?: number | null;
  @Field(() => LocalDateScalar) establishedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+ ().-]{6,20}$/) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
}

@InputType()
export class UpdateCooperativeInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 100) subsector?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 20) areaCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) address?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(5) @Max(1_000_000) memberCount?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() @Min(0) charterCapital?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+ ().-]{6,20}$/) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
}

@InputType()
export class RatingCriterionInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => Float) @Min(0) @Max(100) score!: number;
  @Field(() => Float, { nullable: true, description: 'The most the criterion can score; 100 when empty.' })
  @IsOptional()
  @Min(0.01)
  @Max(100)
  maxScore?: number | null;
}

@InputType()
export class RecordRatingInput {
  @Field(() => ID) @IsUUID() cooperativeId!: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => Float, { nullable: true, description: 'Out of 100; leave empty for an unrated year.' })
  @IsOptional()
  @Min(0)
  @Max(100)
  score?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) notes?: string | null;
  @Field(() => [RatingCriterionInput], { nullable: true, description: 'Scores per criterion of the assessment form.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  criteria?: RatingCriterionInput[] | null;
  @Field(() => ID, { nullable: true, description: 'An upload of the signed assessment, made by the same staff member.' })
  @IsOptional()
  @IsUUID()
  evidenceUploadId?: string | null;
}
