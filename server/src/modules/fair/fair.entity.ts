import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar, numericTransformer } from '../../common/scalars';

export enum FairKind {
  TRADE_FAIR = 'TRADE_FAIR',
  EXHIBITION = 'EXHIBITION',
  LINKAGE_CONFERENCE = 'LINKAGE_CONFERENCE',
  ONLINE_FAIR = 'ONLINE_FAIR',
}
registerEnumType(FairKind, { name: 'FairKind' });

export enum FairStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(FairStatus, { name: 'FairStatus' });

export enum RegistrationStatus {
  APPLIED = 'APPLIED',
  ACCEPTED = 'ACCEPTED',
  WAITLISTED = 'WAITLISTED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

export enum MeetingPreferenceLevel {
  MUST_MEET = 'MUST_MEET',
  MEET = 'MEET',
  NO_THANKS = 'NO_THANKS',
}
registerEnumType(MeetingPreferenceLevel, { name: 'MeetingPreferenceLevel' });

export enum MeetingRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  /** A "no thanks": it is never answered and never scheduled, it only keeps the pair apart. */
  STANDING = 'STANDING',
}
registerEnumType(MeetingRequestStatus, { name: 'MeetingRequestStatus' });

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

/** The five follow-up levels of B2B matchmaking practice (FACTS.md), stored as 1..5. */
export enum OutcomeLevel {
  NO_FURTHER_CONTACT = 'NO_FURTHER_CONTACT',
  KNOWLEDGE_GAINED = 'KNOWLEDGE_GAINED',
  VALUABLE_CONTACT = 'VALUABLE_CONTACT',
  NEGOTIATION_STARTED = 'NEGOTIATION_STARTED',
  AGREEMENT_REACHED = 'AGREEMENT_REACHED',
}
registerEnumType(OutcomeLevel, { name: 'OutcomeLevel' });
export const OUTCOME_LEVELS: readonly OutcomeLevel[] = Object.values(OutcomeLevel);

@ObjectType()
export class FairSession {
  @Field(() => String, { description: 'What people call it, e.g. "Sáng 12/12".' }) label!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => String, { description: 'HH:MM in Asia/Ho_Chi_Minh.' }) start!: string;
  @Field(() => String, { description: 'HH:MM in Asia/Ho_Chi_Minh.' }) end!: string;
}

@ObjectType()
@Entity('fair')
export class Fair {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => FairKind) @Column({ type: 'text' }) kind!: FairKind;
  @Field(() => String) @Column({ type: 'text' }) name!: string;
  @Field(() => String) @Column({ type: 'text' }) description!: string;
  @Field(() => String) @Column({ type: 'text' }) venue!: string;
  @Column({ type: 'text', name: 'area_code', nullable: true }) areaCode!: string | null;
  @Field(() => Boolean) @Column({ type: 'boolean', name: 'outside_province' }) outsideProvince!: boolean;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'starts_on' }) startsOn!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'ends_on' }) endsOn!: string;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'registration_opens_at' }) registrationOpensAt!: Date;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'registration_closes_at' }) registrationClosesAt!: Date;
  @Field(() => Int) @Column({ type: 'integer', name: 'booth_capacity' }) boothCapacity!: number;
  @Field(() => Int) @Column({ type: 'integer', name: 'booths_taken' }) boothsTaken!: number;
  @Field(() => [FairSession]) @Column({ type: 'jsonb' }) sessions!: FairSession[];
  @Field(() => Int) @Column({ type: 'smallint', name: 'slot_minutes' }) slotMinutes!: number;
  @Field(() => Int) @Column({ type: 'smallint', name: 'table_count' }) tableCount!: number;
  @Field(() => Int, { description: 'The most meetings one participant is given.' })
  @Column({ type: 'smallint', name: 'meeting_cap' })
  meetingCap!: number;
  @Field(() => Int, { description: 'Hours an unanswered meeting request stays open.' })
  @Column({ type: 'integer', name: 'request_expiry_hours' })
  requestExpiryHours!: number;
  @Field(() => FairStatus) @Column({ type: 'text' }) status!: FairStatus;
  @Column({ type: 'integer', name: 'schedule_seed' }) scheduleSeed!: number;
  @Column({ type: 'jsonb', name: 'last_schedule', nullable: true }) lastSchedule!: unknown;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}

@ObjectType()
@Entity('fair_registration')
export class FairRegistration {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'fair_id' }) fairId!: string;
  @Column({ type: 'uuid', name: 'cooperative_id', nullable: true }) cooperativeId!: string | null;
  @Column({ type: 'uuid', name: 'business_id', nullable: true }) businessId!: string | null;
  @Field(() => ID, { description: 'The cooperative or business that registered.' })
  @Column({ type: 'uuid', name: 'organization_id', insert: false, update: false })
  organizationId!: string;
  @Field(() => RegistrationStatus) @Column({ type: 'text' }) status!: RegistrationStatus;
  @Field(() => Boolean) @Column({ type: 'boolean', name: 'needs_booth' }) needsBooth!: boolean;
  @Field(() => Int, { nullable: true }) @Column({ type: 'integer', name: 'booth_number', nullable: true }) boothNumber!: number | null;
  @Column({ type: 'uuid', array: true, name: 'product_ids' }) productIds!: string[];
  @Field(() => String) @Column({ type: 'text' }) note!: string;
  @Field(() => [Int], { description: 'Slot indexes in which this participant cannot meet.' })
  @Column({ type: 'smallint', array: true, name: 'unavailable_slots' })
  unavailableSlots!: number[];
  @Field(() => DateTimeISO, { nullable: true })
  @Column({ type: 'timestamptz', name: 'checked_in_at', nullable: true })
  checkedInAt!: Date | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}

@ObjectType()
@Entity('meeting_request')
export class MeetingRequest {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'fair_id' }) fairId!: string;
  @Column({ type: 'uuid', name: 'from_registration' }) fromRegistrationId!: string;
  @Column({ type: 'uuid', name: 'to_registration' }) toRegistrationId!: string;
  @Field(() => MeetingPreferenceLevel) @Column({ type: 'text' }) preference!: MeetingPreferenceLevel;
  @Field(() => String) @Column({ type: 'text' }) reason!: string;
  @Field(() => MeetingRequestStatus) @Column({ type: 'text' }) status!: MeetingRequestStatus;
  @Field(() => DateTimeISO, { nullable: true })
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;
  @Field(() => Boolean, { description: 'Staff sent or accepted it on the cooperative’s behalf.' })
  @Column({ type: 'boolean', name: 'booked_by_staff' })
  bookedByStaff!: boolean;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@ObjectType()
@Entity('fair_meeting')
export class FairMeeting {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'fair_id' }) fairId!: string;
  @Column({ type: 'uuid', name: 'registration_a' }) registrationA!: string;
  @Column({ type: 'uuid', name: 'registration_b' }) registrationB!: string;
  @Field(() => Int) @Column({ type: 'smallint' }) slot!: number;
  @Field(() => Int) @Column({ type: 'smallint', name: 'table_no' }) table!: number;
  @Field(() => Float) @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'uuid', array: true, name: 'request_ids' }) requestIds!: string[];
  @Field(() => Boolean, { description: 'Confirmed by staff: a re-run of the scheduler keeps it where it is.' })
  @Column({ type: 'boolean' })
  locked!: boolean;
  @Field(() => MeetingStatus) @Column({ type: 'text' }) status!: MeetingStatus;
  @Field(() => Boolean, { nullable: true }) @Column({ type: 'boolean', name: 'a_attended', nullable: true }) aAttended!: boolean | null;
  @Field(() => Boolean, { nullable: true }) @Column({ type: 'boolean', name: 'b_attended', nullable: true }) bAttended!: boolean | null;
  @Column({ type: 'smallint', name: 'outcome_level', nullable: true }) outcomeLevelNumber!: number | null;
  @Field(() => String) @Column({ type: 'text', name: 'outcome_note' }) outcomeNote!: string;
  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', name: 'agreement_value', nullable: true, transformer: numericTransformer })
  agreementValue!: number | null;
}
