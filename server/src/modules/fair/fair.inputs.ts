import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../common/scalars';
import { FairKind, FairStatus, MeetingPreferenceLevel, OutcomeLevel } from './fair.entity';

@InputType()
export class FairSessionInput {
  @Field(() => String) @Length(1, 60) label!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => String) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) start!: string;
  @Field(() => String) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) end!: string;
}

@InputType()
export class FairFields {
  @Field(() => FairKind) kind!: FairKind;
  @Field(() => String) @Length(3, 200) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) venue?: string | null;
  @Field(() => String, { nullable: true, description: 'Province, district or commune code; empty for online fairs.' })
  @IsOptional()
  @Length(1, 20)
  areaCode?: string | null;
  @Field(() => Boolean, { nullable: true }) outsideProvince?: boolean | null;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => DateTimeISO) registrationOpensAt!: Date;
  @Field(() => DateTimeISO) registrationClosesAt!: Date;
  @Field(() => Int) @IsInt() @Min(0) @Max(5000) boothCapacity!: number;
  @Field(() => [FairSessionInput]) @ArrayMaxSize(12) @ValidateNested({ each: true }) sessions!: FairSessionInput[];
  @Field(() => Int) @IsInt() @Min(10) @Max(120) slotMinutes!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(500) tableCount!: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(64) meetingCap!: number;
  @Field(() => Int, { description: 'Hours before an unanswered request expires (1 … 720).' })
  @IsInt()
  @Min(1)
  @Max(720)
  requestExpiryHours!: number;
}

@InputType()
export class CreateFairInput extends FairFields {}

@InputType()
export class UpdateFairInput extends FairFields {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
}

@InputType()
export class TransitionFairInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => FairStatus) status!: FairStatus;
}

@InputType()
export class FairFilter {
  @Field(() => [FairStatus], { nullable: true }) status?: FairStatus[] | null;
  @Field(() => [FairKind], { nullable: true }) kind?: FairKind[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Events that end on or after this day.' }) from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Events that start on or before this day.' }) to?: string | null;
}

@InputType()
export class RegisterForFairInput {
  @Field(() => ID) @IsUUID() fairId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cooperativeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() businessId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Products the cooperative will show.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Defaults to true for cooperatives, false for businesses.' })
  needsBooth?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) note?: string | null;
}

export enum RegistrationDecision {
  ACCEPT = 'ACCEPT',
  WAITLIST = 'WAITLIST',
  REJECT = 'REJECT',
}
registerEnumType(RegistrationDecision, { name: 'RegistrationDecision' });

@InputType()
export class ReviewRegistrationInput {
  @Field(() => ID) @IsUUID() registrationId!: string;
  @Field(() => RegistrationDecision) decision!: RegistrationDecision;
  @Field(() => Int, { nullable: true, description: 'A particular booth; the lowest free one otherwise.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  boothNumber?: number | null;
}

@InputType()
export class RegistrationRefInput {
  @Field(() => ID) @IsUUID() registrationId!: string;
}

@InputType()
export class SetAvailabilityInput {
  @Field(() => ID) @IsUUID() registrationId!: string;
  @Field(() => [Int]) @ArrayMaxSize(64) @IsInt({ each: true }) @Min(0, { each: true }) unavailableSlots!: number[];
}

@InputType()
export class SendMeetingRequestInput {
  @Field(() => ID, { description: 'The registration that asks (staff may name a cooperative’s).' }) @IsUUID() fromRegistrationId!: string;
  @Field(() => ID) @IsUUID() toRegistrationId!: string;
  @Field(() => MeetingPreferenceLevel) preference!: MeetingPreferenceLevel;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Staff only: book it as accepted by both sides.' }) book?: boolean | null;
}

@InputType()
export class RespondMeetingRequestInput {
  @Field(() => ID) @IsUUID() requestId!: string;
  @Field(() => Boolean) accept!: boolean;
}

@InputType()
export class ScheduleFairInput {
  @Field(() => ID) @IsUUID() fairId!: string;
}

@InputType()
export class MoveMeetingInput {
  @Field(() => ID) @IsUUID() meetingId!: string;
  @Field(() => Int) @IsInt() @Min(0) slot!: number;
  @Field(() => Int) @IsInt() @Min(1) table!: number;
  @Field(() => Boolean, { nullable: true, description: 'Keep it here on re-runs; moving by hand locks by default.' })
  locked?: boolean | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) @IsUUID() meetingId!: string;
  @Field(() => Boolean) aAttended!: boolean;
  @Field(() => Boolean) bAttended!: boolean;
}

@InputType()
export class RecordOutcomeInput {
  @Field(() => ID) @IsUUID() meetingId!: string;
  @Field(() => OutcomeLevel) level!: OutcomeLevel;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Value of the agreement, when one was reached.' })
  @IsOptional()
  @Min(0)
  agreementValue?: number | null;
}
