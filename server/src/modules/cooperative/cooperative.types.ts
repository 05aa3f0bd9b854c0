import { createUnionType, ObjectType } from 'type-graphql';
import { DuplicateError, VersionConflictError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Cooperative } from './cooperative.entity';

@ObjectType('CooperativeConnection')
export class CooperativeConnection extends Connection(Cooperative, 'Cooperative') {}

export const CreateCooperativeResult = createUnionType({
  name: 'CreateCooperativeResult',
  types: () => [Cooperative, DuplicateError] as const,
});

export const UpdateCooperativeResult = createUnionType({
  name: 'UpdateCooperativeResult',
  types: () => [Cooperative, VersionConflictError] as const,
});
