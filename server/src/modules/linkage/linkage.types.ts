import { createUnionType, Field, Float, ObjectType } from 'type-graphql';
import { DuplicateError, ErrorResult, InvalidTransitionError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { Delivery, Linkage } from './linkage.entity';

@ObjectType({ implements: ErrorResult })
export class SharesExceedQuantityError extends ErrorResult {
  @Field(() => Float, { description: 'The need’s quantity.' }) needQuantity!: number;
  static of(needQuantity: number): SharesExceedQuantityError {
    return Object.assign(new SharesExceedQuantityError(), {
      code: 'SHARES_EXCEED_QUANTITY',
      message: 'The offered shares would exceed the quantity the need asks for.',
      needQuantity,
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class NeedNotOpenError extends ErrorResult {
  static of(): NeedNotOpenError {
    return Object.assign(new NeedNotOpenError(), { code: 'NEED_NOT_OPEN', message: 'This need no longer takes proposals.' });
  }
}

@ObjectType()
export class LinkageConnection extends Connection(Linkage, 'Linkage') {}

export const ProposeLinkageResult = createUnionType({
  name: 'ProposeLinkageResult',
  types: () => [Linkage, SharesExceedQuantityError, NeedNotOpenError, DuplicateError] as const,
});

export const MoveLinkageResult = createUnionType({
  name: 'MoveLinkageResult',
  types: () => [Linkage, InvalidTransitionError] as const,
});

export const RecordDeliveryResult = createUnionType({
  name: 'RecordDeliveryResult',
  types: () => [Delivery, InvalidTransitionError] as const,
});
