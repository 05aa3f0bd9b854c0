import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars';
import { CooperativeStatus } from '../cooperative/cooperative.entity';

@InputType()
export class RecordStatusChangeInput {
  @Field(() => ID) @IsUUID() cooperativeId!: string;
  @Field(() => CooperativeStatus) status!: CooperativeStatus;
  @Field(() => LocalDateScalar, { description: 'The day the decision took effect; not in the future.' }) changedOn!: string;
  @Field(() => String) @Length(1, 2000) reason!: string;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) action?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) entity?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) entityId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() to?: string | null;
}
