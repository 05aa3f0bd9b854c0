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

@ObjectType({ implements: ErrorResult })
export class MeetingNotLinkableError extends ErrorResult {
  @Field(() => String, {
    description:
      'NOT_HELD: the meeting did not take place; OUTCOME_TOO_LOW: its outcome is below NEGOTIATION_STARTED; NO_COOPERATIVE: neither side is a cooperative.',
  })
  reason!: string;
  static of(reason: 'NOT_HELD' | 'OUTCOME_TOO_LOW' | 'NO_COOPERATIVE'): MeetingNotLinkableError {
    const messages = {
      NOT_HELD: 'Only a meeting that took place can open a linkage.',
      OUTCOME_TOO_LOW: 'Record an outcome of "negotiation started" or above first.',
      NO_COOPERATIVE: 'A linkage needs a cooperative on one side.',
    };
    return Object.assign(new MeetingNotLinkableError(), { code: 'MEETING_NOT_LINKABLE', message: messages[reason], reason });
  }
}

export const OpenLinkageFromMeetingResult = createUnionType({
  name: 'OpenLinkageFromMeetingResult',
  types: () => [Linkage, MeetingNotLinkableError] as const,
});
