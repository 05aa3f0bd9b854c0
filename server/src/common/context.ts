import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Services } from '../services';
import type { Loaders } from './loaders';

export type Role = 'ADMIN' | 'TRADE_STAFF' | 'COOP_MANAGER' | 'BUSINESS_REP';
export const ROLES: readonly Role[] = ['ADMIN', 'TRADE_STAFF', 'COOP_MANAGER', 'BUSINESS_REP'];

/** Who is calling, as established from a verified token and a live session. */
export interface AuthUser {
  id: string;
  email: string;
  roles: Role[];
  scopeAreaCode: string | null;
  sessionId: string;
}

/**
 * Everything a resolver or service needs for one request. `em` is the
 * transaction-aware entity manager: inside `inTransaction` it is the
 * transaction's, so services compose without passing managers around.
 */
export interface RequestContext {
  user: AuthUser | null;
  ip: string;
  em: EntityManager;
  ds: DataSource;
  loaders: Loaders;
  services: Services;
  config: Config;
  request?: FastifyRequest;
  reply?: FastifyReply;
}

export function hasRole(ctx: RequestContext, ...roles: Role[]): boolean {
  return !!ctx.user && ctx.user.roles.some((r) => roles.includes(r));
}

export function isStaff(ctx: RequestContext): boolean {
  return hasRole(ctx, 'TRADE_STAFF', 'ADMIN');
}

/** Runs `fn` in one transaction, joining the caller's when there is one. */
export async function inTransaction<T>(ctx: RequestContext, fn: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.em.queryRunner?.isTransactionActive) return fn(ctx);
  return ctx.ds.transaction((em) => fn({ ...ctx, em }));
}
