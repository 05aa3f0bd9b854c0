import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { LocalDateScalar, MoneyScalar, numericTransformer } from '../../common/scalars';

export enum Sector {
  AGRICULTURE = 'AGRICULTURE',
  NON_AGRICULTURE = 'NON_AGRICULTURE',
}
registerEnumType(Sector, { name: 'Sector' });

export enum CooperativeStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  DISSOLVING = 'DISSOLVING',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(CooperativeStatus, { name: 'CooperativeStatus' });

export enum RatingClass {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  AVERAGE = 'AVERAGE',
  WEAK = 'WEAK',
  UNRATED = 'UNRATED',
}
registerEnumType(RatingClass, { name: 'RatingClass', description: 'Circular 01/2020/TT-BKHĐT classes.' });

@ObjectType()
@Entity('cooperative')
export class Cooperative {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String) @Column({ type: 'text' }) name!: string;
  @Field(() => String) @Column({ type: 'text', name: 'registration_number' }) registrationNumber!: string;
  @Field(() => Sector) @Column({ type: 'text' }) sector!: Sector;
  @Field(() => String) @Column({ type: 'text' }) subsector!: string;
  @Column({ type: 'text', name: 'area_code' }) areaCode!: string;
  @Field(() => String) @Column({ type: 'text' }) address!: string;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Field(() => Int) @Column({ type: 'integer', name: 'member_count' }) memberCount!: number;
  @Field(() => MoneyScalar) @Column({ type: 'bigint', name: 'charter_capital', transformer: numericTransformer }) charterCapital!: number;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'established_on' }) establishedOn!: string;
  @Field(() => CooperativeStatus) @Column({ type: 'text' }) status!: CooperativeStatus;
  @Field(() => Boolean) @Column({ type: 'boolean', name: 'is_pilot' }) isPilot!: boolean;
  @Field(() => Boolean) @Column({ type: 'boolean', name: 'is_model' }) isModel!: boolean;
  @Field(() => String) @Column({ type: 'text' }) description!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) email!: string | null;
  @Field(() => DateTimeISO, { nullable: true })
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;
  @Column({ type: 'uuid', name: 'verified_by', nullable: true }) verifiedBy!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}

@ObjectType()
export class RatingCriterion {
  @Field(() => String) name!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float) maxScore!: number;
}

@ObjectType('Rating')
@Entity('cooperative_rating')
export class CooperativeRating {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => Int) @Column({ type: 'smallint' }) year!: number;
  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  score!: number | null;
  @Field(() => RatingClass) @Column({ type: 'text', name: 'rating_class' }) ratingClass!: RatingClass;
  @Field(() => String) @Column({ type: 'text' }) notes!: string;
  @Field(() => [RatingCriterion]) @Column({ type: 'jsonb' }) criteria!: RatingCriterion[];
  @Column({ type: 'uuid', name: 'evidence_upload_id', nullable: true }) evidenceUploadId!: string | null;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;
}
