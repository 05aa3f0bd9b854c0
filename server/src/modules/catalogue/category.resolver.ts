import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { Category } from './category.entity';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Top-level categories; each has its children.' })
  categories(@Ctx() ctx: RequestContext): Promise<Category[]> {
    return ctx.em.getRepository(Category).find({ where: { parentCode: IsNull() }, order: { position: 'ASC', code: 'ASC' } });
  }

  @FieldResolver(() => [Category])
  async children(@Root() category: Category, @Ctx() ctx: RequestContext): Promise<Category[]> {
    return ctx.loaders.categoryChildren.load(category.code);
  }
}
