import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';

export const ACCESS_COOKIE = 'cl_access';
export const REFRESH_COOKIE = 'cl_refresh';

/**
 * Browsers keep both tokens in httpOnly cookies that scripts cannot read.
 * The refresh cookie is sent only to /graphql, where refreshSession lives.
 */
export function setAuthCookies(
  reply: FastifyReply,
  config: Config,
  access: { token: string; expiresAt: Date },
  refresh: { token: string; expiresAt: Date },
): void {
  const secure = config.isProduction;
  reply.setCookie(ACCESS_COOKIE, access.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: access.expiresAt });
  reply.setCookie(REFRESH_COOKIE, refresh.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/graphql',
    expires: refresh.expiresAt,
  });
}

export function clearAuthCookies(reply: FastifyReply, config: Config): void {
  const secure = config.isProduction;
  reply.clearCookie(ACCESS_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/graphql' });
}

/** A Bearer header wins over the cookie, so API clients are never confused by a stale browser cookie. */
export function accessTokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1]! : '';
  }
  return request.cookies?.[ACCESS_COOKIE] ?? null;
}
