import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Need } from '../need/need.entity';
import { Product } from '../product/product.entity';
import { Match, MatchConnection } from './matching.types';

@Resolver(() => Match)
export class MatchingResolver {
  @Authorized()
  @Query(() => MatchConnection, { description: 'Counterparts of a need, best first, each with the factors of its score.' })
  needMatches(
    @Ctx() ctx: RequestContext,
    @Arg('needId', () => ID) needId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.matching.needMatches(ctx, assertUuid(needId, 'needId'), toPage(first, after));
  }

  @Authorized()
  @Query(() => MatchConnection, { description: 'Open needs ranked for a cooperative’s products and input needs.' })
  cooperativeMatches(
    @Ctx() ctx: RequestContext,
    @Arg('cooperativeId', () => ID) cooperativeId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.matching.cooperativeMatches(ctx, assertUuid(cooperativeId, 'cooperativeId'), toPage(first, after));
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() m: Match, @Ctx() ctx: RequestContext): Promise<Product | null> | null {
    return m.productId ? ctx.loaders.product.load(m.productId) : null;
  }

  @FieldResolver(() => Cooperative, { nullable: true })
  cooperative(@Root() m: Match, @Ctx() ctx: RequestContext): Promise<Cooperative | null> | null {
    return m.cooperativeId ? ctx.loaders.cooperative.load(m.cooperativeId) : null;
  }

  @FieldResolver(() => Need, { nullable: true, description: 'The matched need: the counterpart’s, or the one ranked for a cooperative.' })
  need(@Root() m: Match, @Ctx() ctx: RequestContext): Promise<Need | null> | null {
    return m.needId ? ctx.loaders.need.load(m.needId) : null;
  }
}
