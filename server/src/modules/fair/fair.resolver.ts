import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { isStaff } from '../../common/context';
import { assertUuid, badInput } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Area } from '../area/area.entity';
import { Fair, FairMeeting, FairRegistration, RegistrationStatus } from './fair.entity';
import { CreateFairInput, FairFilter, TransitionFairInput, UpdateFairInput } from './fair.inputs';
import { slotsOf } from './fair.service';
import {
  AgendaLine,
  FairConnection,
  FairRegistrationConnection,
  FairReport,
  FairResult,
  FairSlot,
  MeetingRequestConnection,
  ScheduleProgress,
  ScheduleRun,
  TableSheetLine,
} from './fair.types';

@Resolver(() => Fair)
export class FairResolver {
  @Query(() => FairConnection, { description: 'Published fairs and conferences, newest first. Drafts only for staff who ask.' })
  fairs(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => FairFilter, { nullable: true }) filter?: FairFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.fairs.list(ctx, filter, toPage(first, after));
  }

  @Query(() => Fair, { nullable: true })
  fair(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Fair | null> {
    return ctx.services.fairs.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => Fair, { description: 'Creates a draft event.' })
  createFair(@Ctx() ctx: RequestContext, @Arg('input', () => CreateFairInput) input: CreateFairInput): Promise<Fair> {
    return ctx.services.fairs.create(ctx, input);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => FairResult)
  updateFair(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateFairInput) input: UpdateFairInput) {
    return ctx.services.fairs.update(ctx, input);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @Mutation(() => FairResult, { description: 'DRAFT → OPEN → CLOSED → COMPLETED (CLOSED may reopen).' })
  transitionFair(@Ctx() ctx: RequestContext, @Arg('input', () => TransitionFairInput) input: TransitionFairInput) {
    return ctx.services.fairs.transition(ctx, input);
  }

  @FieldResolver(() => Area, { nullable: true })
  area(@Root() fair: Fair, @Ctx() ctx: RequestContext): Promise<Area | null> | null {
    return fair.areaCode ? ctx.loaders.area.load(fair.areaCode) : null;
  }

  @FieldResolver(() => [FairSlot], { description: 'Meeting slots cut from the sessions, numbered from 0.' })
  slots(@Root() fair: Fair): FairSlot[] {
    return slotsOf(fair);
  }

  @FieldResolver(() => ScheduleProgress, {
    nullable: true,
    description: 'Where the latest scheduler run stands (poll it while scheduleFair runs); staff only.',
  })
  scheduleProgress(@Root() fair: Fair, @Ctx() ctx: RequestContext): Promise<ScheduleProgress | null> | null {
    return isStaff(ctx) ? ctx.services.schedules.currentProgress(ctx, fair.id) : null;
  }

  @FieldResolver(() => Int)
  boothsFree(@Root() fair: Fair): number {
    return fair.boothCapacity - fair.boothsTaken;
  }

  @FieldResolver(() => ScheduleRun, { nullable: true, description: 'The last scheduler run; staff only.' })
  lastScheduleRun(@Root() fair: Fair, @Ctx() ctx: RequestContext): ScheduleRun | null {
    return isStaff(ctx) ? ctx.services.schedules.lastRun(fair) : null;
  }

  @FieldResolver(() => FairRegistrationConnection, { description: 'Staff see all; others see accepted participants.' })
  registrations(
    @Root() fair: Fair,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => [RegistrationStatus], { nullable: true }) status?: RegistrationStatus[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.registrations.list(ctx, fair.id, status, toPage(first, after));
  }

  @FieldResolver(() => [FairRegistration], { description: 'Registrations of the organisations you belong to.' })
  myRegistrations(@Root() fair: Fair, @Ctx() ctx: RequestContext): Promise<FairRegistration[]> {
    return ctx.services.registrations.mine(ctx, fair.id);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => MeetingRequestConnection, { description: 'Staff only.' })
  meetingRequests(
    @Root() fair: Fair,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.meetingRequests.listForFair(ctx, fair.id, toPage(first, after));
  }

  @FieldResolver(() => [FairMeeting], { description: 'The whole grid for staff, or one organisation’s meetings (at most slots × tables).' })
  meetings(
    @Root() fair: Fair,
    @Ctx() ctx: RequestContext,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId?: string | null,
  ) {
    return ctx.services.schedules.meetings(ctx, fair.id, organizationId ? assertUuid(organizationId, 'organizationId') : null);
  }

  @FieldResolver(() => [AgendaLine], { description: 'Staff and members of that organisation.' })
  agenda(@Root() fair: Fair, @Ctx() ctx: RequestContext, @Arg('organizationId', () => ID) organizationId: string) {
    return ctx.services.agendas.lines(ctx, fair, assertUuid(organizationId, 'organizationId'));
  }

  @FieldResolver(() => String, { description: 'The agenda as an iCalendar (RFC 5545) file, times in Asia/Ho_Chi_Minh.' })
  agendaIcs(
    @Root() fair: Fair,
    @Ctx() ctx: RequestContext,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('language', () => String, { nullable: true, defaultValue: 'vi', description: 'vi or en: the language of the calendar’s words.' })
    language: string | null,
  ) {
    const lang = language ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw badInput('language', 'Use vi or en.', ['isIn']);
    return ctx.services.agendas.ics(ctx, fair, assertUuid(organizationId, 'organizationId'), lang);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => [TableSheetLine], { description: 'One table’s meetings over all slots, for printing; staff only.' })
  tableSheet(@Root() fair: Fair, @Ctx() ctx: RequestContext, @Arg('table', () => Int) table: number) {
    return ctx.services.agendas.tableSheet(ctx, fair, table);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => FairReport, { description: 'Staff only.' })
  report(@Root() fair: Fair, @Ctx() ctx: RequestContext) {
    return ctx.services.fairReports.report(ctx, fair.id);
  }

  @Authorized('TRADE_STAFF', 'ADMIN')
  @FieldResolver(() => String, { description: 'The report as CSV; staff only.' })
  async reportCsv(@Root() fair: Fair, @Ctx() ctx: RequestContext) {
    return ctx.services.fairReports.csv(await ctx.services.fairReports.report(ctx, fair.id));
  }
}
