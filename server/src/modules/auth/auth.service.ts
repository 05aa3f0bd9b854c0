import type { DataSource } from 'typeorm';
import type { AuthUser, RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { DuplicateError, RateLimitedError, constraintName, sqlState } from '../../common/errors';
import { clear, hit, take } from '../../common/rate-limit';
import type { Config } from '../../config';
import { AuthPayload, EmailTakenError, InvalidCredentialsError, type LoginInput, type RegisterInput } from './auth.types';
import { clearAuthCookies, REFRESH_COOKIE, setAuthCookies } from './auth.cookies';
import { hashPassword, verifyPassword } from './password';
import { type TokenService, hashRefreshToken, newRefreshToken } from './tokens';
import { User } from './user.entity';

const WINDOW_SECONDS = 15 * 60;

/** A hash to verify against when the account does not exist, so timing does not reveal which e-mails are registered. */
let decoyHash: Promise<string> | null = null;

export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly config: Config,
  ) {}

  /**
   * Resolves a bearer or cookie token to the caller. The session is checked
   * on every request, so logging out or revoking a session takes effect at once.
   */
  async authenticate(ds: DataSource, token: string | null): Promise<AuthUser | null | 'invalid'> {
    if (token === null) return null;
    const claims = await this.tokens.verify(token);
    if (!claims) return 'invalid';
    const rows: { id: string; email: string; roles: AuthUser['roles']; scope_area_code: string | null }[] = await ds.query(
      `SELECT u.id, u.email, u.roles, u.scope_area_code FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [claims.sessionId, claims.userId],
    );
    const row = rows[0];
    if (!row) return 'invalid';
    return { id: row.id, email: row.email, roles: row.roles, scopeAreaCode: row.scope_area_code, sessionId: claims.sessionId };
  }

  async login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload | InvalidCredentialsError | RateLimitedError> {
    const email = input.email.trim().toLowerCase();
    const accountKey = `login:account:${email}`;
    const ipKey = `login:ip:${ctx.ip}`;
    // Every attempt counts against the address, whether it succeeds or not.
    const ip = await hit(ctx.em, ipKey, WINDOW_SECONDS);
    if (ip.hits > this.config.loginAttemptsPerIp) return RateLimitedError.of(ip.retryAfterSeconds);
    // The attempt is reserved before the password is checked, in one statement, so parallel
    // requests cannot all pass a count read before any of them failed.
    const account = await take(ctx.em, accountKey, WINDOW_SECONDS, 1, this.config.loginFailuresPerAccount);
    if (!account.allowed) return RateLimitedError.of(account.retryAfterSeconds);

    const user = await ctx.em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email AND u.disabled_at IS NULL', { email })
      .getOne();
    decoyHash ??= hashPassword('not-a-real-password');
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
    // A wrong password keeps its reserved attempt; a right one wipes the account's failures.
    if (!user || !ok) return InvalidCredentialsError.of();
    await clear(ctx.em, accountKey);
    return this.startSession(ctx, user);
  }

  /** Every sign-up counts against the address, whether it succeeds or not, before any work is done. */
  async register(ctx: RequestContext, input: RegisterInput): Promise<AuthPayload | EmailTakenError | DuplicateError | RateLimitedError> {
    const ip = await hit(ctx.em, `register:ip:${ctx.ip}`, WINDOW_SECONDS);
    if (ip.hits > this.config.registerAttemptsPerIp) return RateLimitedError.of(ip.retryAfterSeconds);
    const roles = [...(input.cooperative ? ['COOP_MANAGER'] : []), ...(input.business ? ['BUSINESS_REP'] : [])];
    const passwordHash = await hashPassword(input.password);
    try {
      return await inTransaction(ctx, async (tx) => {
        const rows: { id: string }[] = await tx.em.query(
          `INSERT INTO app_user (email, password_hash, display_name, phone, roles, locale) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
          [input.email.trim().toLowerCase(), passwordHash, input.displayName.trim(), input.phone ?? null, roles, input.locale ?? 'vi'],
        );
        const user = await tx.em.getRepository(User).findOneByOrFail({ id: rows[0]!.id });
        const asUser: RequestContext = {
          ...tx,
          user: { id: user.id, email: user.email, roles: user.roles, scopeAreaCode: null, sessionId: '' },
        };
        if (input.cooperative) {
          const coop = await tx.services.cooperatives.create(asUser, input.cooperative);
          if (coop instanceof DuplicateError) throw new RegistrationAborted(coop);
        }
        if (input.business) {
          const business = await tx.services.businesses.create(asUser, input.business);
          if (business instanceof DuplicateError) throw new RegistrationAborted(business);
        }
        return this.startSession(tx, user);
      });
    } catch (err) {
      if (err instanceof RegistrationAborted) return err.result;
      if (sqlState(err) === '23505' && constraintName(err) === 'app_user_email_uq') return EmailTakenError.of();
      throw err;
    }
  }

  /** Rotates the refresh token: the old one stops working the moment a new one is issued. */
  async refresh(ctx: RequestContext, given: string | null | undefined): Promise<AuthPayload | InvalidCredentialsError | RateLimitedError> {
    // Every renewal counts against the address, so guessing refresh tokens is slowed like guessing passwords.
    const ip = await hit(ctx.em, `refresh:ip:${ctx.ip}`, WINDOW_SECONDS);
    if (ip.hits > this.config.refreshAttemptsPerIp) return RateLimitedError.of(ip.retryAfterSeconds);
    const fromCookie = !given;
    const token = given || ctx.request?.cookies?.[REFRESH_COOKIE];
    if (!token) return InvalidCredentialsError.of();
    const presented = hashRefreshToken(token);
    const next = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.refreshTokenDays * 86_400_000);
    const rows: [{ id: string; user_id: string }[], number] = await ctx.em.query(
      `UPDATE auth_session s SET previous_token_hash = s.token_hash, rotated_at = now(), token_hash = $2, last_used_at = now(), expires_at = $3
         FROM app_user u
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.disabled_at IS NULL
        RETURNING s.id, s.user_id`,
      [presented, next.hash, expiresAt],
    );
    const session = rows[0][0];
    if (!session) {
      // A token already replaced: whoever presents it holds a copy the browser gave up, so the session ends
      // (unless it was replaced a moment ago, when this is a second tab renewing alongside the first).
      await ctx.em.query(
        `UPDATE auth_session SET revoked_at = now()
          WHERE previous_token_hash = $1 AND revoked_at IS NULL AND rotated_at <= now() - make_interval(secs => $2)`,
        [presented, this.config.refreshReuseGraceSeconds],
      );
      return InvalidCredentialsError.of();
    }
    const user = await ctx.em.getRepository(User).findOneByOrFail({ id: session.user_id });
    return this.issue(ctx, user, session.id, { token: next.token, expiresAt }, { fromCookie });
  }

  /** Revokes the current session (by access token or refresh cookie) and clears the cookies. */
  async logout(ctx: RequestContext): Promise<boolean> {
    const refresh = ctx.request?.cookies?.[REFRESH_COOKIE];
    if (ctx.user) {
      await ctx.em.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [ctx.user.sessionId]);
    } else if (refresh) {
      await ctx.em.query(`UPDATE auth_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
        hashRefreshToken(refresh),
      ]);
    }
    if (ctx.reply) clearAuthCookies(ctx.reply, this.config);
    return true;
  }

  private async startSession(ctx: RequestContext, user: User): Promise<AuthPayload> {
    const refresh = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.refreshTokenDays * 86_400_000);
    const rows: { id: string }[] = await ctx.em.query(
      `INSERT INTO auth_session (user_id, token_hash, expires_at, user_agent, ip) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
      [user.id, refresh.hash, expiresAt, ctx.request?.headers['user-agent']?.slice(0, 300) ?? null, ctx.ip],
    );
    return this.issue(ctx, user, rows[0]!.id, { token: refresh.token, expiresAt });
  }

  /**
   * Sets the session cookies and answers with the tokens. The refresh token goes in the
   * body only to API clients: a browser keeps it in its HttpOnly cookie, where no script
   * on the page can read it, so the body carries an empty string instead.
   */
  private async issue(
    ctx: RequestContext,
    user: User,
    sessionId: string,
    refresh: { token: string; expiresAt: Date },
    opts: { fromCookie?: boolean } = {},
  ): Promise<AuthPayload> {
    const access = await this.tokens.sign({ userId: user.id, sessionId });
    if (ctx.reply) setAuthCookies(ctx.reply, this.config, access, refresh);
    const refreshToken = opts.fromCookie || fromBrowser(ctx) ? '' : refresh.token;
    return Object.assign(new AuthPayload(), { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, user });
  }
}

/**
 * Whether a page in a browser sent the request: browsers attach Origin to every POST a
 * script sends, and Sec-Fetch-Site to every request, and no script can remove either.
 * (Sec-Fetch-Mode alone says nothing: Node's fetch sends it too.)
 */
function fromBrowser(ctx: RequestContext): boolean {
  const headers = ctx.request?.headers;
  return !!headers && (headers.origin !== undefined || headers['sec-fetch-site'] !== undefined);
}

/** Rolls the registration back when its organisation cannot be created. */
class RegistrationAborted extends Error {
  constructor(readonly result: DuplicateError) {
    super(result.code);
  }
}
