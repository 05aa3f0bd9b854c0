import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../common/scalars';

export enum NotificationKind {
  /** A new need matches the organisation well. */
  NEED_MATCH = 'NEED_MATCH',
  LINKAGE_PROPOSED = 'LINKAGE_PROPOSED',
  LINKAGE_STEP = 'LINKAGE_STEP',
  LINKAGE_MESSAGE = 'LINKAGE_MESSAGE',
  /** Another participant of a fair asks to meet the organisation; it expires if nobody answers. */
  MEETING_REQUEST = 'MEETING_REQUEST',
  /** The organisation's meetings at a fair were placed or changed by a scheduling run. */
  AGENDA_CHANGED = 'AGENDA_CHANGED',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType()
@Entity('notification')
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Field(() => NotificationKind) @Column({ type: 'text' }) kind!: NotificationKind;
  @Column({ type: 'uuid', name: 'need_id', nullable: true }) needId!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', name: 'linkage_id', nullable: true }) linkageId!: string | null;
  @Column({ type: 'uuid', name: 'fair_id', nullable: true }) fairId!: string | null;
  @Field(() => Float, { nullable: true, description: 'The match score, for NEED_MATCH.' })
  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  score!: number | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Field(() => DateTimeISO, { nullable: true }) @Column({ type: 'timestamptz', name: 'read_at', nullable: true }) readAt!: Date | null;
}
