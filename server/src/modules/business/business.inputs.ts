import { ArrayMaxSize, ArrayMinSize, IsEmail, IsInt, IsOptional, IsUrl, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BusinessKind } from './business.entity';

@InputType()
export class CreateBusinessInput {
  @Field(() => String) @Length(2, 200) name!: string;
  @Field(() => String, { description: '10 digits, or 13 for a branch (0100109106-001).' }) @MaxLength(20) taxCode!: string;
  @Field(() => [BusinessKind]) @ArrayMinSize(1) @ArrayMaxSize(6) kinds!: BusinessKind[];
  @Field(() => String) @Length(1, 20) areaCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) contactName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+ ().-]{6,20}$/) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(300) website?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
}

@InputType()
export class UpdateBusinessInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200) name?: string | null;
  @Field(() => [BusinessKind], { nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(6) kinds?: BusinessKind[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 20) areaCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) contactName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+ ().-]{6,20}$/) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(300) website?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
}
