import type { RequestContext } from '../../common/context';
import { hasRole } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { isBusinessMember, isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { Need } from '../need/need.entity';
import { Linkage, LinkageSide, LinkageShare } from './linkage.entity';

/** The organisation facing the cooperative: the need's poster, or the counterpart met at a fair. */
export interface OwnerOrg {
  businessId: string | null;
  cooperativeId: string | null;
}

export interface Sides {
  linkage: Linkage;
  /** Null for a linkage that started from a fair meeting. */
  need: Need | null;
  ownerOrg: OwnerOrg;
  /** The caller acts for the organisation that posted the need (or, from a fair, the counterpart). */
  owner: boolean;
  /** The caller manages the lead cooperative or a partner in the joint offer. */
  responder: boolean;
  proposer: boolean;
  recipient: boolean;
}

/** Cooperatives on the answering side: the lead and every partner with a share. */
export async function responderCooperatives(ctx: RequestContext, linkage: Linkage): Promise<string[]> {
  const shares = await ctx.em.getRepository(LinkageShare).findBy({ linkageId: linkage.id });
  return [...new Set([linkage.cooperativeId, ...shares.map((s) => s.cooperativeId)])];
}

export async function isNeedOwner(ctx: RequestContext, need: OwnerOrg): Promise<boolean> {
  if (need.businessId) return hasRole(ctx, 'BUSINESS_REP') && (await isBusinessMember(ctx, need.businessId));
  return !!need.cooperativeId && hasRole(ctx, 'COOP_MANAGER') && (await isCooperativeMember(ctx, need.cooperativeId));
}

export function ownerOrgOf(linkage: Linkage, need: Need | null): OwnerOrg {
  return need
    ? { businessId: need.businessId, cooperativeId: need.cooperativeId }
    : { businessId: linkage.counterpartBusinessId, cooperativeId: linkage.counterpartCooperativeId };
}

/** Which side(s) of a linkage the caller is on. Staff read everything but act for neither side. */
export async function sidesOf(ctx: RequestContext, linkageId: string, opts: { lock?: boolean } = {}): Promise<Sides> {
  const linkage = await ctx.em
    .getRepository(Linkage)
    .findOne({ where: { id: linkageId }, ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!linkage) throw notFound('Linkage');
  const need = linkage.needId ? await ctx.em.getRepository(Need).findOneByOrFail({ id: linkage.needId }) : null;
  const ownerOrg = ownerOrgOf(linkage, need);
  const owner = await isNeedOwner(ctx, ownerOrg);
  let responder = false;
  if (hasRole(ctx, 'COOP_MANAGER'))
    for (const coopId of await responderCooperatives(ctx, linkage)) if (await isCooperativeMember(ctx, coopId)) responder = true;
  const proposer = linkage.proposedBy === LinkageSide.NEED_OWNER ? owner : responder;
  const recipient = linkage.proposedBy === LinkageSide.NEED_OWNER ? responder : owner;
  return { linkage, need, ownerOrg, owner, responder, proposer, recipient };
}

/** The two sides see a linkage, and so do staff covering either of them. */
export async function assertCanSee(ctx: RequestContext, sides: Sides): Promise<void> {
  if (sides.owner || sides.responder) return;
  if (await isStaffCovering(ctx, { cooperativeId: sides.linkage.cooperativeId })) return;
  if (await isStaffCovering(ctx, sides.ownerOrg)) return;
  throw forbidden('Only the two sides of a linkage and staff see it.');
}

export function assertParty(sides: Sides): void {
  if (!sides.owner && !sides.responder) throw forbidden('Only the two sides of a linkage act on it.');
}
