import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar, numericTransformer } from '../../common/scalars';
import { CertificationScheme } from '../product/product.entity';

export enum NeedKind {
  /** A business buys cooperative products, finished goods or raw material. */
  OFFTAKE = 'OFFTAKE',
  /** A business offers inputs: seed, fertiliser, feed, packaging, machinery, services, credit. */
  INPUT_SUPPLY = 'INPUT_SUPPLY',
  /** A cooperative declares inputs it needs. */
  INPUT_DEMAND = 'INPUT_DEMAND',
}
registerEnumType(NeedKind, { name: 'NeedKind' });

export enum NeedFrequency {
  ONE_OFF = 'ONE_OFF',
  MONTHLY = 'MONTHLY',
  SEASONAL = 'SEASONAL',
}
registerEnumType(NeedFrequency, { name: 'NeedFrequency' });

export enum NeedStatus {
  OPEN = 'OPEN',
  PAUSED = 'PAUSED',
  FULFILLED = 'FULFILLED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(NeedStatus, { name: 'NeedStatus' });

@ObjectType()
@Entity('need')
export class Need {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => NeedKind) @Column({ type: 'text' }) kind!: NeedKind;
  @Column({ type: 'uuid', name: 'business_id', nullable: true }) businessId!: string | null;
  @Column({ type: 'uuid', name: 'cooperative_id', nullable: true }) cooperativeId!: string | null;
  @Field(() => String) @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', name: 'category_code' }) categoryCode!: string;
  @Field(() => Float) @Column({ type: 'numeric', transformer: numericTransformer }) quantity!: number;
  @Field(() => String, { description: 'UNECE Rec 20 unit code.' }) @Column({ type: 'text' }) unit!: string;
  @Field(() => NeedFrequency) @Column({ type: 'text' }) frequency!: NeedFrequency;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'delivery_from' }) deliveryFrom!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'delivery_to' }) deliveryTo!: string;
  @Column({ type: 'text', name: 'delivery_area_code', nullable: true }) deliveryAreaCode!: string | null;
  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', name: 'price_min', nullable: true, transformer: numericTransformer })
  priceMin!: number | null;
  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', name: 'price_max', nullable: true, transformer: numericTransformer })
  priceMax!: number | null;
  @Field(() => Boolean) @Column({ type: 'boolean' }) negotiable!: boolean;
  @Field(() => [CertificationScheme])
  @Column({ type: 'text', array: true, name: 'required_certifications' })
  requiredCertifications!: CertificationScheme[];
  @Field(() => Int, { nullable: true }) @Column({ type: 'smallint', name: 'min_ocop_stars', nullable: true }) minOcopStars!: number | null;
  @Field(() => String) @Column({ type: 'text', name: 'quality_notes' }) qualityNotes!: string;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Field(() => NeedStatus) @Column({ type: 'text' }) status!: NeedStatus;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}
