import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { vietnamDate } from '../../db/seed/dates';
import type { Cooperative, CooperativeStatus, RatingClass, Sector } from '../cooperative/cooperative.entity';
import { loadFacts, type CoopRecord } from './facts';
import { accountability, CLASSES, classIn, countBy, daysBetween, existsIn, headline, SECTORS, STATUSES, tradeReach } from './figures';
import { PilotChecklistItem } from './oversight.entity';
import type { OversightSummary, PilotProgress, StoppedCooperative } from './oversight.types';
import { resolveScope, type ResolvedScope } from './scope';

export interface OversightData {
  scope: ResolvedScope;
  year: number;
  today: string;
  coops: CoopRecord[];
  summary: OversightSummary;
}

/** The steering committee's dashboard: figures from the platform's own rows. */
export class OversightService {
  async summary(ctx: RequestContext, areaCode: string | null | undefined, year: number | null | undefined): Promise<OversightSummary> {
    return (await this.data(ctx, areaCode, year)).summary;
  }

  /** The summary with the rows behind it, for the exports. */
  async data(ctx: RequestContext, areaCode: string | null | undefined, yearArg: number | null | undefined): Promise<OversightData> {
    if (yearArg != null && (!Number.isInteger(yearArg) || yearArg < 2000 || yearArg > 2100))
      throw badInput('year', 'Choose a year between 2000 and 2100.', ['year']);
    const scope = await resolveScope(ctx, areaCode);
    const today = vietnamDate(new Date());
    const year = yearArg ?? (await this.latestYear(ctx, today));
    const coops = await loadFacts(ctx.em, scope.codes, scope.groupOf, today, year);
    const present = coops.filter((c) => existsIn(c, year));
    const years = [...new Set([year, ...coops.flatMap((c) => [...c.classes.keys()])])].sort((a, b) => a - b);
    const areaByCode = new Map(scope.groups.map((a) => [a.code, a]));

    const parentCode = scope.area.parentCode;
    const parent = parentCode && (await ctx.services.areas.inScope(ctx, parentCode)) ? await ctx.loaders.area.load(parentCode) : null;
    const summary: OversightSummary = {
      area: scope.area,
      parent,
      year,
      ...headline(coops, year),
      bySector: countBy(present, SECTORS, (c) => c.sector).map(({ key, count }) => ({ sector: key as Sector, count })),
      byStatus: countBy(present, STATUSES, (c) => c.status).map(({ key, count }) => ({ status: key as CooperativeStatus, count })),
      byClass: countBy(present, CLASSES, (c) => classIn(c, year)).map(({ key, count }) => ({ ratingClass: key as RatingClass, count })),
      byArea: accountability(
        coops,
        year,
        scope.groups.map((g) => g.code),
      ).map((r) => ({ ...r, year, area: areaByCode.get(r.groupCode)! })),
      trend: years.map((y) => ({ year: y, ...headline(coops, y) })),
      stopped: await this.stopped(ctx, present, today),
      pilots: await this.pilots(ctx, present),
      tradeReach: tradeReach(present),
    };
    return { scope, year, today, coops, summary };
  }

  private async latestYear(ctx: RequestContext, today: string): Promise<number> {
    const [row] = await ctx.em.query<{ y: number | null }[]>(`SELECT max(year)::int AS y FROM cooperative_rating`);
    return row?.y ?? Number(today.slice(0, 4));
  }

  /** Suspended and dissolving cooperatives, longest waiting first. */
  private async stopped(ctx: RequestContext, present: CoopRecord[], today: string): Promise<StoppedCooperative[]> {
    const waiting = present.filter((c) => c.status === 'SUSPENDED' || c.status === 'DISSOLVING');
    if (waiting.length === 0) return [];
    const since: { cooperative_id: string; changed_on: string }[] = await ctx.em.query(
      `SELECT DISTINCT ON (s.cooperative_id) s.cooperative_id, s.changed_on::text AS changed_on
         FROM cooperative_status_change s JOIN cooperative c ON c.id = s.cooperative_id AND c.status = s.to_status
        WHERE s.cooperative_id = ANY($1::uuid[])
        ORDER BY s.cooperative_id, s.changed_on DESC, s.recorded_at DESC`,
      [waiting.map((c) => c.id)],
    );
    const sinceOf = new Map(since.map((r) => [r.cooperative_id, r.changed_on]));
    const entities = await this.entities(ctx, waiting);
    const rows = waiting.map((c) => {
      const s = sinceOf.get(c.id) ?? null;
      return {
        cooperative: entities.get(c.id)!,
        status: c.status as CooperativeStatus,
        since: s,
        daysWaiting: s ? daysBetween(s, today) : null,
      };
    });
    return rows.sort((a, b) => (b.daysWaiting ?? -1) - (a.daysWaiting ?? -1) || a.cooperative.name.localeCompare(b.cooperative.name, 'vi'));
  }

  private async pilots(ctx: RequestContext, present: CoopRecord[]): Promise<PilotProgress[]> {
    const chosen = present.filter((c) => c.isPilot || c.isModel);
    if (chosen.length === 0) return [];
    const items = await ctx.em
      .getRepository(PilotChecklistItem)
      .createQueryBuilder('i')
      .where('i.cooperative_id IN (:...ids)', { ids: chosen.map((c) => c.id) })
      .orderBy('i.position', 'ASC')
      .getMany();
    const entities = await this.entities(ctx, chosen);
    return chosen.map((c) => {
      const mine = items.filter((i) => i.cooperativeId === c.id);
      return {
        cooperative: entities.get(c.id)!,
        isPilot: c.isPilot,
        isModel: c.isModel,
        itemsDone: mine.filter((i) => i.doneOn !== null).length,
        itemsTotal: mine.length,
        items: mine,
      };
    });
  }

  private async entities(ctx: RequestContext, coops: CoopRecord[]): Promise<Map<string, Cooperative>> {
    const loaded = (await ctx.loaders.cooperative.loadMany(coops.map((c) => c.id))) as Cooperative[];
    return new Map(loaded.map((c) => [c.id, c]));
  }
}
