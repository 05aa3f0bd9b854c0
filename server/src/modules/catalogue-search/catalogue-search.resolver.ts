import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { selectsField, toPage } from '../../common/pagination';
import { ProductConnection, ProductFacets, ProductFilter, ProductSort } from './catalogue-search.types';

@Resolver(() => ProductConnection)
export class CatalogueSearchResolver {
  @Query(() => ProductConnection, { description: 'Published products; search ignores Vietnamese diacritics and tolerates typos.' })
  products(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter | null,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.RELEVANCE }) sort: ProductSort = ProductSort.RELEVANCE,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ProductConnection> {
    const withTotal = !!info && selectsField(info, 'totalCount');
    return ctx.services.search.search(ctx, search, filter, sort, toPage(first, after), { withTotal });
  }

  @FieldResolver(() => Int)
  totalCount(@Root() conn: ProductConnection, @Ctx() ctx: RequestContext): Promise<number> {
    return conn.total !== undefined ? Promise.resolve(conn.total) : ctx.services.search.count(ctx, conn.search);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The phrase searched for when misspelled words were corrected, folded like the search (no diacritics): "dua sap" for "dừa sápp". Null when the search ran as typed, matched nothing, or had no text.',
  })
  correctedSearch(@Root() conn: ProductConnection): string | null {
    const { text, typed } = conn.search;
    return text && typed && text !== typed ? text : null;
  }

  @FieldResolver(() => ProductFacets, { description: 'Counts over all matches, for narrowing the search.' })
  facets(@Root() conn: ProductConnection, @Ctx() ctx: RequestContext): Promise<ProductFacets> {
    return ctx.services.search.facets(ctx, conn.search);
  }
}
