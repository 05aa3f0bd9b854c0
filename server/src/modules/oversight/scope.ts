import type { RequestContext } from '../../common/context';
import { badInput, forbidden } from '../../common/errors';
import type { Area } from '../area/area.entity';

export interface ResolvedScope {
  area: Area;
  /** The area and everything below it. */
  codes: string[];
  /** Areas one level down, which the figures are grouped by (the area itself for a commune). */
  groups: Area[];
  /** Commune or district code → the group it falls in. */
  groupOf: Map<string, string>;
}

/**
 * The area a staff member's figures cover: the one asked for, else their own
 * scope, else the province. Asking outside one's scope is refused, never
 * silently narrowed, so an officer knows what they are looking at.
 */
export async function resolveScope(ctx: RequestContext, areaCode: string | null | undefined, path = 'areaCode'): Promise<ResolvedScope> {
  let code = areaCode?.trim() || ctx.user?.scopeAreaCode || null;
  if (!code) {
    const [top] = await ctx.em.query<{ code: string }[]>(`SELECT code FROM area WHERE parent_code IS NULL ORDER BY code LIMIT 1`);
    if (!top) throw badInput(path, 'No areas are loaded.');
    code = top.code;
  }
  const area = await ctx.loaders.area.load(code);
  if (!area) throw badInput(path, 'Unknown area.', ['area']);
  if (!(await ctx.services.areas.inScope(ctx, code))) throw forbidden('This area is outside your scope.');
  const rows: { code: string; parent_code: string | null; depth: number }[] = await ctx.em.query(
    `WITH RECURSIVE t AS (SELECT code, parent_code, 0 AS depth FROM area WHERE code = $1
       UNION ALL SELECT a.code, a.parent_code, t.depth + 1 FROM area a JOIN t ON a.parent_code = t.code)
     SELECT code, parent_code, depth FROM t`,
    [code],
  );
  const groupOf = new Map<string, string>();
  const parentOf = new Map(rows.map((r) => [r.code, r.parent_code]));
  const depthOf = new Map(rows.map((r) => [r.code, r.depth]));
  for (const r of rows) {
    let c = r.code;
    while ((depthOf.get(c) ?? 0) > 1) c = parentOf.get(c)!;
    groupOf.set(r.code, c);
  }
  const childCodes = rows.filter((r) => r.depth === 1).map((r) => r.code);
  const groups = childCodes.length > 0 ? ((await ctx.loaders.area.loadMany(childCodes)) as Area[]) : [area];
  groups.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { area, codes: rows.map((r) => r.code), groups, groupOf };
}
