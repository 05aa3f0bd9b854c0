import { Field, Int, ObjectType, createUnionType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { DuplicateError, VersionConflictError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Business } from '../business/business.entity';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Product } from '../product/product.entity';
import { MassBalanceError } from './trace.errors';
import { Lot, TraceEvent } from './trace.entity';

@ObjectType()
export class LotConnection extends Connection(Lot, 'Lot') {}

@ObjectType()
export class TraceEventConnection extends Connection(TraceEvent, 'TraceEvent') {}

export const CreateLotResult = createUnionType({ name: 'CreateLotResult', types: () => [Lot, DuplicateError] as const });
export const UpdateLotResult = createUnionType({ name: 'UpdateLotResult', types: () => [Lot, VersionConflictError] as const });
export const RecordTraceEventResult = createUnionType({
  name: 'RecordTraceEventResult',
  types: () => [TraceEvent, MassBalanceError] as const,
});

@ObjectType({ description: 'A lot reached by walking transformations, with how many steps away it is.' })
export class LineageEntry {
  @Field(() => Lot) lot!: Lot;
  @Field(() => Int) depth!: number;
}

@ObjectType({ description: 'A business that received a lot through a recorded shipping event.' })
export class LotRecipient {
  @Field(() => Business) business!: Business;
  @Field(() => Lot) lot!: Lot;
  @Field(() => DateTimeISO) receivedAt!: Date;
}

@ObjectType({ description: 'Everything a recall of one lot must reach: one step back and one step forward, recursively.' })
export class LotRecall {
  @Field(() => Lot) lot!: Lot;
  @Field(() => [LineageEntry]) upstream!: LineageEntry[];
  @Field(() => [LineageEntry]) downstream!: LineageEntry[];
  @Field(() => [Product], { description: 'Products of the lot and of every downstream lot.' }) products!: Product[];
  @Field(() => [Cooperative], { description: 'Cooperatives that made the lot, its inputs or its outputs.' }) cooperatives!: Cooperative[];
  @Field(() => [LotRecipient], { description: 'Businesses that received the lot or a downstream lot.' }) recipients!: LotRecipient[];
}
