import { createUnionType, ObjectType } from 'type-graphql';
import { DuplicateError, VersionConflictError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Business } from './business.entity';

@ObjectType('BusinessConnection')
export class BusinessConnection extends Connection(Business, 'Business') {}

export const CreateBusinessResult = createUnionType({
  name: 'CreateBusinessResult',
  types: () => [Business, DuplicateError] as const,
});

export const UpdateBusinessResult = createUnionType({
  name: 'UpdateBusinessResult',
  types: () => [Business, VersionConflictError] as const,
});
