import { createUnionType, ObjectType } from 'type-graphql';
import { InvalidTransitionError, VersionConflictError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Need } from './need.entity';

@ObjectType()
export class NeedConnection extends Connection(Need, 'Need') {}

export const UpdateNeedResult = createUnionType({
  name: 'UpdateNeedResult',
  types: () => [Need, VersionConflictError, InvalidTransitionError] as const,
});
