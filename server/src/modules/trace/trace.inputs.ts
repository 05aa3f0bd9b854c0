import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars';
import { type STEPS, type DISPOSITIONS } from './vocab';
import { TraceActionEnum, TraceDispositionEnum, TraceEventTypeEnum, TraceStepEnum } from './trace.entity';

@InputType()
export class CreateLotInput {
  @Field(() => ID) productId!: string;
  @Field(() => String, { nullable: true, description: 'Left out, the platform makes one up.' }) code?: string | null;
  @Field(() => Float) quantity!: number;
  @Field(() => String) unit!: string;
  @Field(() => LocalDateScalar) producedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) expiresOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Commune code; defaults to the cooperative’s.' }) areaCode?: string | null;
  @Field(() => String, { nullable: true }) plot?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) gtin?: string | null;
}

@InputType()
export class UpdateLotInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Float, { nullable: true }) quantity?: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) expiresOn?: string | null;
  @Field(() => String, { nullable: true }) plot?: string | null;
  @Field(() => String, { nullable: true }) gtin?: string | null;
}

@InputType()
export class LotQuantityInput {
  @Field(() => ID) lotId!: string;
  @Field(() => Float) quantity!: number;
  @Field(() => String) unit!: string;
}

@InputType()
export class FarmInputInput {
  @Field(() => String, { description: 'Trade name of the fertiliser or pesticide.' }) product!: string;
  @Field(() => Float) dose!: number;
  @Field(() => String, { description: 'e.g. KGM per hectare written as "KGM/HAR", or "LTR/HAR".' }) doseUnit!: string;
}

@InputType()
export class RecordTraceEventInput {
  @Field(() => ID, { description: 'The lot whose chain the event joins; for a transformation, one of its outputs.' })
  lotId!: string;
  @Field(() => TraceEventTypeEnum) type!: TraceEventTypeEnum;
  @Field(() => TraceActionEnum, { nullable: true, description: 'Required except for transformations.' })
  action?: TraceActionEnum | null;
  @Field(() => DateTimeISO) eventTime!: Date;
  @Field(() => String, { nullable: true, description: 'Defaults to +07:00.' }) eventTimeZoneOffset?: string | null;
  @Field(() => TraceStepEnum) bizStep!: keyof typeof STEPS;
  @Field(() => TraceDispositionEnum, { nullable: true }) disposition?: keyof typeof DISPOSITIONS | null;
  @Field(() => String, { nullable: true }) areaCode?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => Float, { nullable: true, description: 'Quantity of the lot concerned (not for transformations).' })
  quantity?: number | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => [LotQuantityInput], { nullable: true }) inputs?: LotQuantityInput[] | null;
  @Field(() => [LotQuantityInput], { nullable: true }) outputs?: LotQuantityInput[] | null;
  @Field(() => FarmInputInput, { nullable: true }) farmInput?: FarmInputInput | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [ID], { nullable: true }) photoUploadIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'The business that receives the goods (shipping).' })
  destinationBusinessId?: string | null;
  @Field(() => String, { nullable: true, description: 'Invoice or contract number; required for transaction events.' })
  bizTransaction?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the outputs may exceed the inputs.' }) massBalanceReason?: string | null;
  @Field(() => ID, { nullable: true }) correctsEventId?: string | null;
  @Field(() => String, { nullable: true }) correctionReason?: string | null;
}
