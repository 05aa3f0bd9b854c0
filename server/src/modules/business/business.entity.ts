import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum BusinessKind {
  PROCESSOR = 'PROCESSOR',
  EXPORTER = 'EXPORTER',
  DISTRIBUTOR = 'DISTRIBUTOR',
  RETAILER = 'RETAILER',
  INPUT_SUPPLIER = 'INPUT_SUPPLIER',
  LOGISTICS = 'LOGISTICS',
}
registerEnumType(BusinessKind, { name: 'BusinessKind' });

@ObjectType()
@Entity('business')
export class Business {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String) @Column({ type: 'text' }) name!: string;
  @Field(() => String) @Column({ type: 'text', name: 'tax_code' }) taxCode!: string;
  @Field(() => [BusinessKind]) @Column({ type: 'text', array: true }) kinds!: BusinessKind[];
  @Column({ type: 'text', name: 'area_code' }) areaCode!: string;
  @Field(() => String) @Column({ type: 'text' }) address!: string;
  @Field(() => String) @Column({ type: 'text', name: 'contact_name' }) contactName!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) website!: string | null;
  @Field(() => String) @Column({ type: 'text' }) description!: string;
  @Field(() => DateTimeISO, { nullable: true })
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;
  @Column({ type: 'uuid', name: 'verified_by', nullable: true }) verifiedBy!: string | null;
  @Field(() => DateTimeISO) @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Field(() => Int) @Column({ type: 'integer' }) version!: number;
}
