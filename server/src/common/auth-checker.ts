import type { AuthChecker } from 'type-graphql';
import type { RequestContext, Role } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * Backs `@Authorized(...)`: no user is UNAUTHENTICATED, a user without any of
 * the listed roles is FORBIDDEN. Ownership is the services' business.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const user = context.user;
  if (!user) throw unauthenticated();
  if (roles.length === 0 || user.roles.some((r) => roles.includes(r))) return true;
  throw forbidden();
};
