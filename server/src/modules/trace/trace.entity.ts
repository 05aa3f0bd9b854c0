import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, numericTransformer } from '../../common/scalars';
import { DISPOSITIONS, STEPS, type LotRole } from './vocab';

export enum TraceEventTypeEnum {
  OBJECT = 'OBJECT',
  TRANSFORMATION = 'TRANSFORMATION',
  AGGREGATION = 'AGGREGATION',
  TRANSACTION = 'TRANSACTION',
}
registerEnumType(TraceEventTypeEnum, { name: 'TraceEventType', description: 'The four EPCIS 2.0 event types CoopLink records.' });
export enum TraceActionEnum {
  ADD = 'ADD',
  OBSERVE = 'OBSERVE',
  DELETE = 'DELETE',
}
registerEnumType(TraceActionEnum, { name: 'TraceAction' });
export const TraceStepEnum = Object.fromEntries(Object.keys(STEPS).map((k) => [k, k])) as { [K in keyof typeof STEPS]: K };
registerEnumType(TraceStepEnum, { name: 'TraceStep', description: 'Business step (CBV, or CoopLink URIs for farming steps).' });
export const TraceDispositionEnum = Object.fromEntries(Object.keys(DISPOSITIONS).map((k) => [k, k])) as {
  [K in keyof typeof DISPOSITIONS]: K;
};
registerEnumType(TraceDispositionEnum, { name: 'TraceDisposition' });
export enum LotRoleEnum {
  SUBJECT = 'SUBJECT',
  INPUT = 'INPUT',
  OUTPUT = 'OUTPUT',
}
registerEnumType(LotRoleEnum, { name: 'LotRole' });

@ObjectType({ description: 'A lot (batch) of one product: the unit that is traced, labelled and recalled.' })
@Entity('lot')
export class Lot {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String, { description: 'Unique in the platform; upper-case letters, digits and dashes.' })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'uuid', name: 'product_id' }) productId!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => Float) @Column({ type: 'numeric', transformer: numericTransformer }) quantity!: number;
  @Field(() => String, { description: 'UNECE Rec 20 unit code.' }) @Column({ type: 'text' }) unit!: string;
  @Field(() => LocalDateScalar, { description: 'Harvest or production date.' })
  @Column({ type: 'date', name: 'produced_on' })
  producedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @Column({ type: 'date', name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Field(() => String, { description: 'Commune where it was grown or made.' })
  @Column({ type: 'text', name: 'area_code' })
  areaCode!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) plot!: string | null;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Field(() => String, { nullable: true, description: 'GTIN-14; with it the label carries a GS1 Digital Link.' })
  @Column({ type: 'text', nullable: true })
  gtin!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}

/** What an event says about its lots, farm inputs and evidence; hashed together with the columns. */
export interface EventDetails {
  lots: { lotId: string; role: LotRole; quantity: number | null; unit: string | null }[];
  farmInput?: { product: string; dose: number; doseUnit: string };
  notes?: string;
  photoUploadIds?: string[];
  bizTransaction?: string;
  parentId?: string;
  massBalanceReason?: string;
  correctionReason?: string;
}

@ObjectType({ description: 'One EPCIS 2.0 event. Never changed once recorded; a correction is a new event.' })
@Entity('trace_event')
export class TraceEvent {
  @Field(() => ID) @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'chain_lot_id' }) chainLotId!: string;
  @Field(() => Int, { description: 'Position in its lot’s hash chain, from 1.' }) @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => TraceEventTypeEnum) @Column({ type: 'text' }) type!: TraceEventTypeEnum;
  @Field(() => TraceActionEnum, { nullable: true }) @Column({ type: 'text', nullable: true }) action!: TraceActionEnum | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'event_time' }) eventTime!: Date;
  @Field(() => String) @Column({ type: 'text', name: 'event_tz_offset' }) eventTimeZoneOffset!: string;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'record_time' }) recordTime!: Date;
  @Field(() => TraceStepEnum) @Column({ type: 'text', name: 'biz_step' }) bizStep!: keyof typeof STEPS;
  @Field(() => TraceDispositionEnum, { nullable: true })
  @Column({ type: 'text', nullable: true })
  disposition!: keyof typeof DISPOSITIONS | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'area_code', nullable: true }) areaCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Read point in words, e.g. a plot or a drying yard.' })
  @Column({ type: 'text', nullable: true })
  place!: string | null;
  @Column({ type: 'uuid', name: 'destination_business_id', nullable: true }) destinationBusinessId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The earlier event this one corrects (EPCIS errorDeclaration).' })
  @Column({ type: 'uuid', name: 'corrects_event_id', nullable: true })
  correctsEventId!: string | null;
  @Column({ type: 'jsonb' }) details!: EventDetails;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'prev_hash', nullable: true }) prevHash!: string | null;
  @Field(() => String) @Column({ type: 'text' }) hash!: string;
}

@ObjectType()
export class FarmInput {
  @Field(() => String) product!: string;
  @Field(() => Float) dose!: number;
  @Field(() => String) doseUnit!: string;
}

@ObjectType()
export class EventLot {
  @Field(() => LotRoleEnum) role!: LotRoleEnum;
  @Field(() => Float, { nullable: true }) quantity!: number | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  lotId!: string;
}

@ObjectType({ description: 'The result of recomputing a lot’s hash chain.' })
export class LotIntegrity {
  @Field(() => Boolean) valid!: boolean;
  @Field(() => Int) checkedEvents!: number;
  @Field(() => ID, { nullable: true, description: 'The first event whose stored hash does not match its content or link.' })
  firstBrokenEventId!: string | null;
}
