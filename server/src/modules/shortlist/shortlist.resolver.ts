import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid } from '../../common/errors';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Linkage } from '../linkage/linkage.entity';
import { Product } from '../product/product.entity';
import { ShortlistEntry } from './shortlist.entity';
import { RemoveShortlistEntryInput, ShortlistMatchInput } from './shortlist.inputs';
import { ShortlistMatchResult } from './shortlist.types';

@Resolver(() => ShortlistEntry)
export class ShortlistResolver {
  @Authorized()
  @Query(() => [ShortlistEntry], { description: 'The matches set aside for a need, for the organisation that posted it.' })
  needShortlist(@Ctx() ctx: RequestContext, @Arg('needId', () => ID) needId: string): Promise<ShortlistEntry[]> {
    return ctx.services.shortlists.list(ctx, assertUuid(needId, 'needId'));
  }

  @Authorized()
  @Mutation(() => ShortlistMatchResult, { description: 'Sets a match aside; doing it twice keeps one entry.' })
  shortlistMatch(@Ctx() ctx: RequestContext, @Arg('input', () => ShortlistMatchInput) input: ShortlistMatchInput) {
    return ctx.services.shortlists.add(ctx, input);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Takes a match off the shortlist; returns the removed entry’s id.' })
  removeShortlistEntry(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveShortlistEntryInput) input: RemoveShortlistEntryInput) {
    return ctx.services.shortlists.remove(ctx, input);
  }

  @FieldResolver(() => Cooperative)
  async cooperative(@Root() e: ShortlistEntry, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(e.cooperativeId))!;
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() e: ShortlistEntry, @Ctx() ctx: RequestContext): Promise<Product | null> | null {
    return e.productId ? ctx.loaders.product.load(e.productId) : null;
  }

  @FieldResolver(() => Linkage, { nullable: true, description: 'The linkage proposed to this cooperative on the need, if any.' })
  async linkage(@Root() e: ShortlistEntry, @Ctx() ctx: RequestContext): Promise<Linkage | null> {
    const id = await ctx.services.shortlists.linkageId(ctx, e);
    return id ? ctx.em.getRepository(Linkage).findOneBy({ id }) : null;
  }
}
