import { createUnionType } from 'type-graphql';
import { InvalidTransitionError, NotVerifiedError, VersionConflictError } from '../../common/errors';
import { Product } from './product.entity';

export const UpdateProductResult = createUnionType({
  name: 'UpdateProductResult',
  types: () => [Product, VersionConflictError] as const,
});

export const ProductStatusResult = createUnionType({
  name: 'ProductStatusResult',
  types: () => [Product, VersionConflictError, InvalidTransitionError, NotVerifiedError] as const,
});
