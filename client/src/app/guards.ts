import type { Role } from '@cooplink/schema/types';
import { data, redirect } from 'react-router';
import type { CurrentUser } from '../hooks/useMe';
import { currentUser, hasRole } from '../hooks/useMe';

/** For loaders of screens any signed-in person may open: sends visitors to login. */
export async function requireSignedIn(request: Request): Promise<CurrentUser> {
  const me = await currentUser();
  if (!me) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return me;
}

/** For loaders of signed-in screens: sends visitors to login and refuses other roles. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<CurrentUser> {
  const me = await requireSignedIn(request);
  if (!hasRole(me, ...roles)) throw data('FORBIDDEN', { status: 403 });
  return me;
}

/** Where each role starts its work after signing in. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('COOP_MANAGER')) return '/my/products';
  if (roles.includes('TRADE_STAFF') || roles.includes('ADMIN')) return '/staff/verification';
  return '/products';
}
