import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import type { FactorCode } from './score';

export enum MatchFactorCode {
  CATEGORY = 'CATEGORY',
  CAPACITY = 'CAPACITY',
  SEASON = 'SEASON',
  CERTIFICATION = 'CERTIFICATION',
  AREA = 'AREA',
  PRICE = 'PRICE',
  RATING = 'RATING',
  FRESHNESS = 'FRESHNESS',
}
registerEnumType(MatchFactorCode, { name: 'MatchFactorCode' });

@ObjectType({ description: 'One reason behind a match score; the values of all factors add up to the score.' })
export class MatchFactor {
  @Field(() => MatchFactorCode) code!: FactorCode;
  @Field(() => Float, { description: 'The most points this factor can give.' }) weight!: number;
  @Field(() => Float, { description: 'The points it gave, 0 to weight.' }) value!: number;
  @Field(() => String, { description: 'A machine-readable detail, e.g. MONTHS_3_OF_4; the client words it.' }) note!: string;
}

/**
 * A ranked counterpart. For a need: a cooperative and its product (offtake),
 * or a cooperative and its input demand (input supply), or a business offer
 * (input demand). For a cooperative: a need and its best product.
 */
@ObjectType()
export class Match {
  @Field(() => Float, { description: '0–100.' }) score!: number;
  @Field(() => [MatchFactor]) factors!: MatchFactor[];
  productId!: string | null;
  cooperativeId!: string | null;
  needId!: string | null;
}

@ObjectType()
export class MatchConnection extends Connection(Match, 'Match') {}
