import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A match the organisation behind a need set aside, to compare it with others and propose a linkage from it. */
@ObjectType()
@Entity('need_shortlist')
export class ShortlistEntry {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'need_id' }) needId!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Column({ type: 'uuid', name: 'product_id', nullable: true }) productId!: string | null;
  @Column({ type: 'uuid', name: 'added_by', nullable: true }) addedBy!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'added_at' }) addedAt!: Date;
}
