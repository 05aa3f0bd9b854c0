import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A node of the bilingual product taxonomy; codes are dotted paths, e.g. fruit.coconut.wax. */
@ObjectType()
@Entity('category')
export class Category {
  @Field(() => ID) @PrimaryColumn({ type: 'text' }) code!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', name: 'parent_code', nullable: true }) parentCode!: string | null;
  @Field(() => Int) @Column({ type: 'smallint' }) depth!: number;
  @Field(() => String) @Column({ type: 'text', name: 'name_vi' }) nameVi!: string;
  @Field(() => String) @Column({ type: 'text', name: 'name_en' }) nameEn!: string;
  @Column({ type: 'smallint' }) position!: number;
}
