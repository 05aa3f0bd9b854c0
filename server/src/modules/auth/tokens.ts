import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export const ISSUER = 'cooplink';
export const AUDIENCE = 'cooplink-api';
/** Pinned: tokens signed any other way (none, RS256 with our secret as a key…) are refused. */
const ALGORITHM = 'HS256';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export class TokenService {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Returns the claims of a valid token, or null for anything else. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      // Every token this server signs carries iat and exp, exp no later than the access lifetime
      // (at most 15 minutes) after iat. One without them, or meant to live longer, was not made
      // by this server as it is configured now: refused, whatever its signature.
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: this.ttlSeconds,
      });
      if (payload.exp! - payload.iat! > this.ttlSeconds) return null;
      // Only our own signature gets this far, but the claims still go into SQL: keep them to UUIDs.
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !UUID_RE.test(payload.sub) || !UUID_RE.test(payload.sid))
        return null;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return null;
    }
  }
}

/** Refresh tokens are random; only their hash is stored, so a leaked table grants nothing. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
