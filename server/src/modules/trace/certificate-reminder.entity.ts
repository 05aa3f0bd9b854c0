import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars';

@ObjectType({ description: 'An in-app reminder that a certificate is about to expire.' })
@Entity('certificate_reminder')
export class CertificateReminder {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'certification_id' }) certificationId!: string;
  @Column({ type: 'uuid', name: 'cooperative_id' }) cooperativeId!: string;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'expires_on' }) expiresOn!: string;
  @Field(() => Int) @Column({ type: 'smallint', name: 'days_before' }) daysBefore!: number;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
