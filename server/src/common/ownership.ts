import { isStaff, type RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';

/** The user's memberships, loaded once per request. */
async function memberships(ctx: RequestContext) {
  if (!ctx.user) throw unauthenticated();
  return ctx.loaders.membershipsByUser.load(ctx.user.id);
}

export async function isCooperativeMember(ctx: RequestContext, cooperativeId: string): Promise<boolean> {
  if (!ctx.user) return false;
  return (await memberships(ctx)).some((m) => m.cooperativeId === cooperativeId);
}

export async function isBusinessMember(ctx: RequestContext, businessId: string): Promise<boolean> {
  if (!ctx.user) return false;
  return (await memberships(ctx)).some((m) => m.businessId === businessId);
}

/** Managers act only for cooperatives they belong to; everybody else is FORBIDDEN. */
export async function assertCooperativeMember(ctx: RequestContext, cooperativeId: string): Promise<void> {
  if (!(await isCooperativeMember(ctx, cooperativeId))) throw forbidden('You are not a member of this cooperative.');
}

export async function assertBusinessMember(ctx: RequestContext, businessId: string): Promise<void> {
  if (!(await isBusinessMember(ctx, businessId))) throw forbidden('You are not a member of this business.');
}

/**
 * Staff may see an organisation's internals and act for it when their area
 * covers it: province-wide staff everywhere, an officer scoped to an area
 * only for cooperatives and companies inside that area.
 */
export async function isStaffCovering(
  ctx: RequestContext,
  org: { cooperativeId?: string | null; businessId?: string | null },
): Promise<boolean> {
  if (!isStaff(ctx)) return false;
  if (!ctx.user?.scopeAreaCode) return true;
  const found = org.cooperativeId
    ? await ctx.loaders.cooperative.load(org.cooperativeId)
    : org.businessId
      ? await ctx.loaders.business.load(org.businessId)
      : null;
  return !!found && (await ctx.services.areas.inScope(ctx, found.areaCode));
}
