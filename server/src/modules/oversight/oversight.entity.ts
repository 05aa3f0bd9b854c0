import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars';
import { CooperativeStatus } from '../cooperative/cooperative.entity';

/** One decision in a cooperative's status history: append-only. */
@ObjectType('StatusChange')
@Entity('cooperative_status_change')
export class CooperativeStatusChange {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'changed_on' }) changedOn!: string;
  @Field(() => CooperativeStatus) @Column({ type: 'text', name: 'from_status' }) from!: CooperativeStatus;
  @Field(() => CooperativeStatus) @Column({ type: 'text', name: 'to_status' }) to!: CooperativeStatus;
  @Field(() => String) @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @Field(() => GraphQLISODateTime) @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt!: Date;
}

/** A step a pilot or model cooperative has to complete under the directive's replication plan. */
@ObjectType('PilotChecklistItem')
@Entity('pilot_checklist_item')
export class PilotChecklistItem {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Column({ type: 'smallint' }) position!: number;
  @Field(() => String) @Column({ type: 'text' }) title!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @Column({ type: 'date', name: 'done_on', nullable: true }) doneOn!: string | null;
}
