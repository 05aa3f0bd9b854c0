import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, MoneyScalar, numericTransformer } from '../../common/scalars';

export enum LinkageStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  NEGOTIATING = 'NEGOTIATING',
  AGREED = 'AGREED',
  DELIVERING = 'DELIVERING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(LinkageStatus, { name: 'LinkageStatus' });

export enum LinkageSide {
  /** The organisation that posted the need. */
  NEED_OWNER = 'NEED_OWNER',
  /** The cooperative (and, in a joint offer, its partners) answering it. */
  RESPONDER = 'RESPONDER',
}
registerEnumType(LinkageSide, { name: 'LinkageSide' });

@ObjectType()
@Entity('linkage')
export class Linkage {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** The need it answers; null when it started from a fair meeting instead. */
  @Column({ type: 'uuid', name: 'need_id', nullable: true }) needId!: string | null;
  /** The held fair meeting it started from, when it did. */
  @Column({ type: 'uuid', name: 'fair_meeting_id', nullable: true }) fairMeetingId!: string | null;
  /** Without a need, the other side is named directly: a company or a second cooperative. */
  @Column({ type: 'uuid', name: 'counterpart_business_id', nullable: true }) counterpartBusinessId!: string | null;
  @Column({ type: 'uuid', name: 'counterpart_cooperative_id', nullable: true }) counterpartCooperativeId!: string | null;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Column({ type: 'uuid', name: 'product_id', nullable: true }) productId!: string | null;
  @Field(() => LinkageSide) @Column({ type: 'text', name: 'proposed_by' }) proposedBy!: LinkageSide;
  @Field(() => LinkageStatus) @Column({ type: 'text' }) status!: LinkageStatus;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
}

@ObjectType()
@Entity('linkage_share')
export class LinkageShare {
  @PrimaryColumn({ type: 'uuid', name: 'linkage_id' }) linkageId!: string;
  @PrimaryColumn({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => Float) @Column({ type: 'numeric', transformer: numericTransformer }) quantity!: number;
}

@ObjectType('LinkageStep', { description: 'One recorded step of a linkage: who moved it, and when.' })
@Entity('linkage_event')
export class LinkageEvent {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid', name: 'linkage_id' }) linkageId!: string;
  @Field(() => LinkageStatus, { nullable: true })
  @Column({ type: 'text', name: 'from_status', nullable: true })
  fromStatus!: LinkageStatus | null;
  @Field(() => LinkageStatus) @Column({ type: 'text', name: 'to_status' }) toStatus!: LinkageStatus;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz' }) at!: Date;
  /** The organisations on either side of the linkage, set when the steps are read, to name the one the actor spoke for. */
  partyOrgIds?: string[];
}

@ObjectType()
@Entity('linkage_message')
export class LinkageMessage {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'linkage_id' }) linkageId!: string;
  @Column({ type: 'uuid', name: 'author_id' }) authorId!: string;
  @Field(() => String) @Column({ type: 'text' }) body!: string;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

@ObjectType({ description: 'The MoU or contract a linkage reached.' })
@Entity('agreement')
export class Agreement {
  @PrimaryColumn({ type: 'uuid', name: 'linkage_id' }) linkageId!: string;
  @Field(() => Float) @Column({ type: 'numeric', transformer: numericTransformer }) quantity!: number;
  @Field(() => String, { description: 'UN/CEFACT unit code the quantity and unit price count in.' })
  @Column({ type: 'text' })
  unit!: string;
  @Field(() => MoneyScalar, { description: 'VND per unit.' })
  @Column({ type: 'bigint', name: 'unit_price', transformer: numericTransformer })
  unitPrice!: number;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'starts_on' }) startsOn!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'ends_on' }) endsOn!: string;
  @Field(() => MoneyScalar, { description: 'Quantity × unit price in whole VND.' })
  @Column({ type: 'bigint', name: 'total_value', transformer: numericTransformer })
  totalValue!: number;
  @Column({ type: 'uuid', name: 'document_upload_id', nullable: true }) documentUploadId!: string | null;
  @Column({ type: 'uuid', name: 'signed_by', nullable: true }) signedById!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'signed_at' }) signedAt!: Date;
}

@ObjectType()
@Entity('delivery')
export class Delivery {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'linkage_id' }) linkageId!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'delivered_on' }) deliveredOn!: string;
  @Field(() => Float) @Column({ type: 'numeric', transformer: numericTransformer }) quantity!: number;
  @Field(() => String) @Column({ type: 'text' }) note!: string;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedById!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;
}
