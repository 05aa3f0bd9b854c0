import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertUuid, badInput } from '../../common/errors';
import { toPage } from '../../common/pagination';
import { Cooperative } from '../cooperative/cooperative.entity';
import { Need } from '../need/need.entity';
import { Product } from '../product/product.entity';
import { uploadUrl } from '../upload/upload.entity';
import { Agreement, Delivery, Linkage, LinkageEvent, LinkageMessage, LinkageShare, LinkageStatus } from './linkage.entity';
import {
  AgreeLinkageInput,
  MoveLinkageInput,
  OpenLinkageFromMeetingInput,
  PostLinkageMessageInput,
  ProposeLinkageInput,
  RecordDeliveryInput,
} from './linkage.inputs';
import { ownerOrgOf } from './linkage.access';
import { Fair, FairMeeting } from '../fair/fair.entity';
import {
  LinkageConnection,
  MoveLinkageResult,
  OpenLinkageFromMeetingResult,
  ProposeLinkageResult,
  RecordDeliveryResult,
} from './linkage.types';
import { linkageLoaders, threadLoader, THREAD_DEFAULT, THREAD_MAX } from './linkage-loaders';

const PARTIES = ['BUSINESS_REP', 'COOP_MANAGER'] as const;

@Resolver(() => Linkage)
export class LinkageResolver {
  @Authorized()
  @Query(() => Linkage, { description: 'For the two sides and staff.' })
  linkage(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Linkage> {
    return ctx.services.linkages.get(ctx, assertUuid(id, 'id'));
  }

  @Authorized()
  @Query(() => LinkageConnection, { description: 'Linkages of the caller’s organisations; every linkage for staff.' })
  myLinkages(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => LinkageStatus, { nullable: true }) status?: LinkageStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.services.linkages.list(ctx, status, toPage(first, after));
  }

  @Authorized(...PARTIES)
  @Mutation(() => ProposeLinkageResult)
  proposeLinkage(@Ctx() ctx: RequestContext, @Arg('input', () => ProposeLinkageInput) input: ProposeLinkageInput) {
    return ctx.services.linkages.propose(ctx, input);
  }

  @Authorized(...PARTIES)
  @Mutation(() => MoveLinkageResult, { description: 'Accept, decline, negotiate, start delivering, complete or cancel.' })
  moveLinkage(@Ctx() ctx: RequestContext, @Arg('input', () => MoveLinkageInput) input: MoveLinkageInput) {
    return ctx.services.linkages.move(ctx, input);
  }

  @Authorized(...PARTIES)
  @Mutation(() => MoveLinkageResult, { description: 'Records the MoU or contract and moves the linkage to AGREED.' })
  agreeLinkage(@Ctx() ctx: RequestContext, @Arg('input', () => AgreeLinkageInput) input: AgreeLinkageInput) {
    return ctx.services.linkages.agree(ctx, input);
  }

  @Authorized(...PARTIES)
  @Mutation(() => RecordDeliveryResult)
  recordDelivery(@Ctx() ctx: RequestContext, @Arg('input', () => RecordDeliveryInput) input: RecordDeliveryInput) {
    return ctx.services.linkages.recordDelivery(ctx, input);
  }

  @Authorized(...PARTIES)
  @Mutation(() => LinkageMessage)
  postLinkageMessage(@Ctx() ctx: RequestContext, @Arg('input', () => PostLinkageMessageInput) input: PostLinkageMessageInput) {
    return ctx.services.linkages.postMessage(ctx, input);
  }

  @Authorized('BUSINESS_REP', 'COOP_MANAGER', 'TRADE_STAFF', 'ADMIN')
  @Mutation(() => OpenLinkageFromMeetingResult, {
    description:
      'One click from a held fair meeting at "negotiation started" or above: opens its linkage, or returns the one it already opened.',
  })
  openLinkageFromMeeting(@Ctx() ctx: RequestContext, @Arg('input', () => OpenLinkageFromMeetingInput) input: OpenLinkageFromMeetingInput) {
    return ctx.services.linkagesFromMeetings.open(ctx, input.meetingId);
  }

  @FieldResolver(() => Need, { nullable: true, description: 'The need it answers; null when it started from a fair meeting.' })
  need(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Need | null> | null {
    return l.needId ? ctx.loaders.need.load(l.needId) : null;
  }

  @FieldResolver(() => FairMeeting, { nullable: true, description: 'The fair meeting it started from, when it did.' })
  fairMeeting(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<FairMeeting | null> | null {
    return l.fairMeetingId ? linkageLoaders(ctx).meeting.load(l.fairMeetingId) : null;
  }

  @FieldResolver(() => Fair, { nullable: true, description: 'The fair or conference where it started, when it did.' })
  async fromFair(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Fair | null> {
    if (!l.fairMeetingId) return null;
    const meeting = await linkageLoaders(ctx).meeting.load(l.fairMeetingId);
    return meeting ? ctx.loaders.fair.load(meeting.fairId) : null;
  }

  @FieldResolver(() => String, {
    description: 'The organisation facing the cooperative: the need’s poster or the counterpart met at a fair.',
  })
  async counterpartName(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<string> {
    const need = l.needId ? await ctx.loaders.need.load(l.needId) : null;
    const org = ownerOrgOf(l, need ?? null);
    if (org.businessId) return (await ctx.loaders.business.load(org.businessId))?.name ?? '';
    return org.cooperativeId ? ((await ctx.loaders.cooperative.load(org.cooperativeId))?.name ?? '') : '';
  }

  @FieldResolver(() => Cooperative, { description: 'The lead cooperative.' })
  async cooperative(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(l.cooperativeId))!;
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Product | null> | null {
    return l.productId ? ctx.loaders.product.load(l.productId) : null;
  }

  @FieldResolver(() => [LinkageShare], { description: 'Shares of a joint offer; empty for a single cooperative.' })
  shares(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<LinkageShare[]> {
    return linkageLoaders(ctx).shares.load(l.id);
  }

  @FieldResolver(() => [LinkageEvent], { description: 'Every step, oldest first.' })
  async steps(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<LinkageEvent[]> {
    const loaders = linkageLoaders(ctx);
    const [events, need, shares] = await Promise.all([
      loaders.steps.load(l.id),
      l.needId ? ctx.loaders.need.load(l.needId) : null,
      loaders.shares.load(l.id),
    ]);
    // Both sides: the lead cooperative first, the need's poster (or the counterpart met at a fair), every cooperative with a share.
    const parties = [
      l.cooperativeId,
      l.counterpartBusinessId,
      l.counterpartCooperativeId,
      need?.businessId,
      need?.cooperativeId,
      ...shares.map((s) => s.cooperativeId),
    ].filter((id): id is string => !!id);
    for (const e of events) e.partyOrgIds = parties;
    return events;
  }

  @FieldResolver(() => [LinkageMessage], {
    description: 'The thread, oldest first: its latest `last` messages (200 unless asked, at most 500).',
  })
  messages(
    @Root() l: Linkage,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { nullable: true, defaultValue: THREAD_DEFAULT }) last: number | null,
  ): Promise<LinkageMessage[]> {
    const n = last ?? THREAD_DEFAULT;
    if (n < 1 || n > THREAD_MAX) throw badInput('last', `last must be between 1 and ${THREAD_MAX}.`, ['max']);
    return threadLoader(ctx, n).load(l.id);
  }

  @FieldResolver(() => Agreement, { nullable: true })
  agreement(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Agreement | null> {
    return linkageLoaders(ctx).agreement.load(l.id);
  }

  @FieldResolver(() => [Delivery])
  deliveries(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<Delivery[]> {
    return linkageLoaders(ctx).deliveries.load(l.id);
  }

  @FieldResolver(() => [LinkageStatus], { description: 'Steps the viewer may take now.' })
  viewerSteps(@Root() l: Linkage, @Ctx() ctx: RequestContext): Promise<LinkageStatus[]> {
    return ctx.services.linkages.allowedSteps(ctx, l);
  }
}

@Resolver(() => LinkageShare)
export class LinkageShareResolver {
  @FieldResolver(() => Cooperative)
  async cooperative(@Root() s: LinkageShare, @Ctx() ctx: RequestContext): Promise<Cooperative> {
    return (await ctx.loaders.cooperative.load(s.cooperativeId))!;
  }
}

@Resolver(() => LinkageEvent)
export class LinkageStepResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who took the step: their display name; null when the platform did.' })
  actor(@Root() e: LinkageEvent, @Ctx() ctx: RequestContext): Promise<string | null> | null {
    return e.actorId ? ctx.loaders.userName.load(e.actorId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The organisation on either side of the linkage the actor belongs to; null for staff and the platform.',
  })
  async actorOrganization(@Root() e: LinkageEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!e.actorId || !e.partyOrgIds?.length) return null;
    const memberships = await ctx.loaders.membershipsByUser.load(e.actorId);
    // The parties are listed lead cooperative first, so a manager of the lead and a partner is named for the lead.
    for (const orgId of e.partyOrgIds) {
      const m = memberships.find((x) => x.cooperativeId === orgId || x.businessId === orgId);
      if (m?.cooperativeId) return (await ctx.loaders.cooperative.load(m.cooperativeId))?.name ?? null;
      if (m?.businessId) return (await ctx.loaders.business.load(m.businessId))?.name ?? null;
    }
    return null;
  }
}

@Resolver(() => LinkageMessage)
export class LinkageMessageResolver {
  @FieldResolver(() => String, { description: 'The author’s display name.' })
  async author(@Root() m: LinkageMessage, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.userName.load(m.authorId)) ?? '';
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The signed MoU or contract, when one was uploaded.' })
  async documentUrl(@Root() a: Agreement, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!a.documentUploadId) return null;
    const upload = await ctx.loaders.upload.load(a.documentUploadId);
    return upload ? uploadUrl(upload.fileName) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the agreement.' })
  signedBy(@Root() a: Agreement, @Ctx() ctx: RequestContext): Promise<string | null> | null {
    return a.signedById ? displayName(ctx, a.signedById) : null;
  }
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the delivery.' })
  recordedBy(@Root() d: Delivery, @Ctx() ctx: RequestContext): Promise<string | null> | null {
    return d.recordedById ? displayName(ctx, d.recordedById) : null;
  }
}

function displayName(ctx: RequestContext, userId: string): Promise<string | null> {
  return ctx.loaders.userName.load(userId);
}
