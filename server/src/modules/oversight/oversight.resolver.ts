import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { toPage } from '../../common/pagination';
import { Cooperative, CooperativeRating } from '../cooperative/cooperative.entity';
import { CooperativeStatusChange } from './oversight.entity';
import { AuditFilter, RecordStatusChangeInput } from './oversight.inputs';
import { AuditEntryConnection, OversightSummary, RecordStatusChangeResult } from './oversight.types';

@Resolver()
export class OversightResolver {
  @Authorized('TRADE_STAFF', 'ADMIN')
  @Query(() => OversightSummary, {
    description: 'Figures for an area (default: your scope, else the province) and a year (default: the latest assessed).',
  })
  oversightSummary(
    @Ctx() ctx: RequestContext,
    @Arg('areaCode', () => String, { nullable: true }) areaCode?: string | null,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<OversightSummary> {
    return ctx.services.oversight.summary(ctx, areaCode, year);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Query(() => AuditEntryConnection, { description: 'Staff actions and status changes, newest first.' })
  auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.status.audit(ctx, filter ?? {}, toPage(first, after));
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => RecordStatusChangeResult, { description: 'Records a suspension, resumption or dissolution step.' })
  recordStatusChange(@Ctx() ctx: RequestContext, @Arg('input', () => RecordStatusChangeInput) input: RecordStatusChangeInput) {
    return ctx.services.status.record(ctx, input);
  }
}

@Resolver(() => Cooperative)
export class CooperativeOversightResolver {
  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => [CooperativeStatusChange], { description: 'Every status decision, newest first (staff only).' })
  statusHistory(@Root() coop: Cooperative, @Ctx() ctx: RequestContext): Promise<CooperativeStatusChange[]> {
    return ctx.services.status.history(ctx, coop.id);
  }
}

@Resolver(() => CooperativeRating)
export class RatingEvidenceResolver {
  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => String, { nullable: true, description: 'The signed assessment, for staff.' })
  async evidenceUrl(@Root() rating: CooperativeRating, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!rating.evidenceUploadId) return null;
    const [row] = await ctx.em.query<{ file_name: string }[]>(`SELECT file_name FROM upload WHERE id = $1`, [rating.evidenceUploadId]);
    return row ? `/uploads/${row.file_name}` : null;
  }
}
