import { Field, Float, ObjectType } from 'type-graphql';
import { ErrorResult } from '../../common/errors';

@ObjectType()
export class MassBalanceExcessItem {
  @Field(() => String) unit!: string;
  @Field(() => Float) inputs!: number;
  @Field(() => Float) outputs!: number;
}

/** A transformation whose outputs weigh more than its inputs, recorded without a reason. */
@ObjectType({ implements: ErrorResult })
export class MassBalanceError extends ErrorResult {
  @Field(() => [MassBalanceExcessItem]) excess!: MassBalanceExcessItem[];
  static of(excess: MassBalanceExcessItem[]): MassBalanceError {
    return Object.assign(new MassBalanceError(), {
      code: 'MASS_BALANCE',
      message: 'The outputs exceed the inputs; give a reason (e.g. added water) or correct the quantities.',
      excess,
    });
  }
}
