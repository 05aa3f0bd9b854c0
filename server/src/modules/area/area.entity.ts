import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar } from '../../common/scalars';

export enum AreaKind {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  WARD = 'WARD',
  COMMUNE = 'COMMUNE',
  TOWNLET = 'TOWNLET',
}
registerEnumType(AreaKind, { name: 'AreaKind', description: 'Administrative unit type, as the statistics office names them.' });

/**
 * An administrative area. Areas carry validity dates so a reorganisation (the
 * 2025 merger into Vĩnh Long) adds new rows instead of rewriting old ones.
 */
@ObjectType()
@Entity('area')
export class Area {
  @Field(() => ID) @PrimaryColumn({ type: 'text' }) code!: string;
  @Field(() => String) @Column({ type: 'text' }) name!: string;
  @Field(() => AreaKind) @Column({ type: 'text' }) kind!: AreaKind;
  @Field(() => Int, { description: '1 province, 2 district, 3 commune' }) @Column({ type: 'smallint' }) level!: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'parent_code', nullable: true }) parentCode!: string | null;
  @Field(() => LocalDateScalar) @Column({ type: 'date', name: 'valid_from' }) validFrom!: string;
  @Field(() => LocalDateScalar, { nullable: true }) @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo!: string | null;
}
