import { IsUUID } from 'class-validator';
import { Field, ID, InputType, ObjectType, createUnionType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { OrganizationKind } from '../auth/user.entity';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';

@ObjectType()
export class VerificationItem {
  @Field(() => ID) organizationId!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field(() => String) name!: string;
  @Field(() => String) areaCode!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType('VerificationQueueConnection')
export class VerificationQueueConnection extends Connection(VerificationItem, 'VerificationItem') {}

@InputType()
export class VerifyOrganizationInput {
  @Field(() => ID) @IsUUID() organizationId!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
}

export const VerifyOrganizationResult = createUnionType({
  name: 'VerifyOrganizationResult',
  types: () => [Cooperative, Business] as const,
});
