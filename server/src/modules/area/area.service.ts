import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { IsNull } from 'typeorm';
import { Area } from './area.entity';

export class AreaService {
  /**
   * Top-level areas when no parent is given. Units past their validity stay
   * listed: the registry and its history are recorded against them.
   */
  list(ctx: RequestContext, parentCode: string | null | undefined): Promise<Area[]> {
    if (parentCode) return ctx.loaders.areaChildren.load(parentCode);
    return ctx.em.getRepository(Area).find({ where: { parentCode: IsNull() }, order: { name: 'ASC' } });
  }

  /** A commune (level 3) must be given where an organisation's address is recorded. */
  async assertCommune(ctx: RequestContext, code: string, path: string): Promise<Area> {
    const area = await ctx.loaders.area.load(code);
    if (!area || area.level !== 3) throw badInput(path, 'Choose a commune or ward.', ['commune']);
    return area;
  }

  /** The area and every area below it, for filters at any level. */
  async descendantCodes(ctx: RequestContext, code: string): Promise<string[]> {
    const rows: { code: string }[] = await ctx.em.query(
      `WITH RECURSIVE t AS (SELECT code FROM area WHERE code = $1
         UNION ALL SELECT a.code FROM area a JOIN t ON a.parent_code = t.code) SELECT code FROM t`,
      [code],
    );
    return rows.map((r) => r.code);
  }

  /** Officers scoped to an area act only inside it; everyone else is unrestricted. */
  async inScope(ctx: RequestContext, areaCode: string): Promise<boolean> {
    const scope = ctx.user?.scopeAreaCode;
    if (!scope) return true;
    let code: string | null = areaCode;
    for (let depth = 0; code && depth < 10; depth++) {
      if (code === scope) return true;
      code = (await ctx.loaders.area.load(code))?.parentCode ?? null;
    }
    return false;
  }
}
