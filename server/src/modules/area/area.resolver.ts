import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Area } from './area.entity';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], { description: 'Children of an area, or the top-level areas without a parent code.' })
  areas(@Ctx() ctx: RequestContext, @Arg('parentCode', () => String, { nullable: true }) parentCode?: string | null): Promise<Area[]> {
    return ctx.services.areas.list(ctx, parentCode?.slice(0, 20));
  }

  @Query(() => Area, { nullable: true })
  area(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<Area | null> {
    return ctx.loaders.area.load(code.slice(0, 20));
  }

  @FieldResolver(() => Area, { nullable: true })
  parent(@Root() area: Area, @Ctx() ctx: RequestContext): Promise<Area | null> | null {
    return area.parentCode ? ctx.loaders.area.load(area.parentCode) : null;
  }

  @FieldResolver(() => [Area])
  children(@Root() area: Area, @Ctx() ctx: RequestContext): Promise<Area[]> {
    return ctx.loaders.areaChildren.load(area.code);
  }
}
