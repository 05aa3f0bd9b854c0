import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../common/scalars';
import { UNIT_CODES } from '../product/units';
import { LinkageStatus } from './linkage.entity';

@InputType({ description: 'One cooperative’s part of a joint offer.' })
export class LinkageShareInput {
  @Field(() => ID) @IsUUID() cooperativeId!: string;
  @Field(() => Float) @Min(0.001) @Max(1e9) quantity!: number;
}

@InputType()
export class ProposeLinkageInput {
  @Field(() => ID) @IsUUID() needId!: string;
  @Field(() => ID, { description: 'The answering (lead) cooperative.' }) @IsUUID() cooperativeId!: string;
  @Field(() => ID, { nullable: true, description: 'The matched product, when there is one.' }) @IsOptional() @IsUUID() productId?:
    string | null;
  @Field(() => [LinkageShareInput], {
    nullable: true,
    description: 'A joint offer: each cooperative’s share. Shares of all live linkages never exceed the need’s quantity.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  shares?: LinkageShareInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) message?: string | null;
}

@InputType()
export class MoveLinkageInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => LinkageStatus, {
    description: 'ACCEPTED, DECLINED, NEGOTIATING, DELIVERING, COMPLETED or CANCELLED; AGREED goes through agreeLinkage.',
  })
  @IsEnum(LinkageStatus)
  to!: LinkageStatus;
}

@InputType()
export class AgreeLinkageInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Float) @Min(0.001) @Max(1e9) quantity!: number;
  @Field(() => String, { nullable: true, description: 'Unit code of the quantity and price; the need’s unit when left out.' })
  @IsOptional()
  @IsIn(UNIT_CODES)
  unit?: string | null;
  @Field(() => MoneyScalar, { description: 'VND per unit.' }) @Min(0) @Max(1_000_000_000_000) unitPrice!: number;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => ID, { nullable: true, description: 'The signed MoU or contract, uploaded first.' })
  @IsOptional()
  @IsUUID()
  documentUploadId?: string | null;
}

@InputType()
export class RecordDeliveryInput {
  @Field(() => ID) @IsUUID() linkageId!: string;
  @Field(() => LocalDateScalar, { description: 'The day it was delivered: today or earlier, in Asia/Ho_Chi_Minh.' }) deliveredOn!: string;
  @Field(() => Float) @Min(0.001) @Max(1e9) quantity!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) note?: string | null;
}

@InputType()
export class PostLinkageMessageInput {
  @Field(() => ID) @IsUUID() linkageId!: string;
  @Field(() => String) @Length(1, 4000) body!: string;
}

@InputType()
export class LinkageListInput {
  @Field(() => LinkageStatus, { nullable: true }) @IsOptional() @IsEnum(LinkageStatus) status?: LinkageStatus | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) first?: number | null;
}

@InputType()
export class OpenLinkageFromMeetingInput {
  @Field(() => ID, { description: 'A held fair meeting whose outcome is "negotiation started" or above.' }) @IsUUID() meetingId!: string;
}
