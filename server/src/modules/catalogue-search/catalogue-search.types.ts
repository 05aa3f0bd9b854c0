import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/pagination';
import { Sector } from '../cooperative/cooperative.entity';
import { CertificationScheme, Product } from '../product/product.entity';

export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, { name: 'ProductSort' });

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'A category and everything below it.' })
  @IsOptional()
  @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/)
  @MaxLength(100)
  categoryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A province, district or commune code.' })
  @IsOptional()
  @MaxLength(20)
  areaCode?: string | null;
  @Field(() => CertificationScheme, {
    nullable: true,
    description: 'Only products holding a certificate of this scheme that is valid today.',
  })
  @IsOptional()
  certification?: CertificationScheme | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5) minOcopStars?: number | null;
  @Field(() => Sector, { nullable: true }) @IsOptional() sector?: Sector | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cooperativeId?: string | null;
}

@ObjectType()
export class FacetValue {
  @Field(() => String) value!: string;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true, description: 'Vietnamese name of a category or area.' }) label!: string | null;
  @Field(() => String, { nullable: true, description: 'English name of a category.' }) labelEn!: string | null;
}

@ObjectType()
export class ProductFacets {
  @Field(() => [FacetValue]) category!: FacetValue[];
  @Field(() => [FacetValue], { description: 'By district.' }) area!: FacetValue[];
  @Field(() => [FacetValue]) certification!: FacetValue[];
  @Field(() => [FacetValue]) ocopStars!: FacetValue[];
  @Field(() => [FacetValue]) sector!: FacetValue[];
}

@ObjectType()
export class ProductEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Product) node!: Product;
}

/** A compiled search, kept on the connection so its count and facets run only when asked for. */
export interface CompiledSearch {
  where: string;
  params: unknown[];
  categoryDepth: number;
  /** The parameter holding the phrase's LIKE pattern; null when words match in any order or there is no text. */
  term?: string | null;
  /** The folded, corrected phrase of a text search; null when it can match nothing; absent without text. */
  text?: string | null;
  /** The folded search as typed, before correction; absent without text. */
  typed?: string;
  /** Its words, when the phrase has several and they may be matched in any order instead. */
  words?: string[];
  /** False when no condition reads the cooperative, so it need not be joined. */
  joinsCooperative?: boolean;
}

@ObjectType()
export class ProductConnection {
  @Field(() => [ProductEdge]) edges!: ProductEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  search!: CompiledSearch;
  /** Counted with the page when the caller asked for it and the statement had to find every match anyway. */
  total?: number;
}
