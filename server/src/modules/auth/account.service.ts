import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { RateLimitedError, assertUuid, notFound, unauthenticated } from '../../common/errors';
import { giveBack, take } from '../../common/rate-limit';
import type { Config } from '../../config';
import { InvalidCredentialsError } from './auth.types';
import { DeviceSession, PasswordChanged, type ChangePasswordInput } from './account.types';
import { hashPassword, verifyPassword } from './password';

const WINDOW_SECONDS = 15 * 60;

/**
 * What a signed-in person does to their own account: see where it is signed
 * in, sign a lost phone out, change the password. Every call acts on the
 * caller's own account only; there is no id of another user to pass.
 */
export class AccountService {
  constructor(private readonly config: Config) {}

  async sessions(ctx: RequestContext): Promise<DeviceSession[]> {
    const user = signedIn(ctx);
    const rows: { id: string; created_at: Date; last_used_at: Date; expires_at: Date; user_agent: string | null; ip: string | null }[] =
      await ctx.em.query(
        `SELECT id, created_at, last_used_at, expires_at, user_agent, ip FROM auth_session
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          ORDER BY (id = $2) DESC, last_used_at DESC, id`,
        [user.id, user.sessionId],
      );
    return rows.map((r) =>
      Object.assign(new DeviceSession(), {
        id: r.id,
        signedInAt: r.created_at,
        lastActiveAt: r.last_used_at,
        expiresAt: r.expires_at,
        userAgent: r.user_agent,
        ip: r.ip,
        current: r.id === user.sessionId,
      }),
    );
  }

  /**
   * Signs one of the caller's devices out. Asking again for a device already
   * signed out is answered the same way, so a second tap does no harm; a
   * session of someone else is NOT_FOUND, exactly like one that never existed.
   */
  async revoke(ctx: RequestContext, id: string): Promise<boolean> {
    const user = signedIn(ctx);
    const sessionId = assertUuid(id, 'id');
    const rows: { id: string }[] = await ctx.em.query(
      `WITH ended AS (
         UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM ended UNION ALL SELECT id FROM auth_session WHERE id = $1 AND user_id = $2`,
      [sessionId, user.id],
    );
    if (!rows.length) throw notFound('Session');
    return true;
  }

  /** Signs out every device of the account but the one asking; returns how many were signed out. */
  async revokeOthers(ctx: RequestContext): Promise<number> {
    const user = signedIn(ctx);
    return this.endOtherSessions(ctx, user.id, user.sessionId);
  }

  /**
   * Checks the current password the way sign-in does (wrong guesses count
   * against the account's sign-in limit), stores the new one, and signs out
   * every other device, since whoever knew the old password may be on one.
   */
  async changePassword(
    ctx: RequestContext,
    input: ChangePasswordInput,
  ): Promise<PasswordChanged | InvalidCredentialsError | RateLimitedError> {
    const user = signedIn(ctx);
    const accountKey = `login:account:${user.email.trim().toLowerCase()}`;
    // Reserved before the check, like sign-in, so parallel guesses cannot exceed the limit; given back if it passes.
    const attempt = await take(ctx.em, accountKey, WINDOW_SECONDS, 1, this.config.loginFailuresPerAccount);
    if (!attempt.allowed) return RateLimitedError.of(attempt.retryAfterSeconds);
    const result = await inTransaction(ctx, async (tx) => {
      // The row lock makes two changes at once run one after the other: the second checks against the first's new password.
      const rows: { password_hash: string }[] = await tx.em.query(`SELECT password_hash FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      const stored = rows[0]?.password_hash;
      if (!stored || !(await verifyPassword(stored, input.currentPassword))) return null;
      await tx.em.query(`UPDATE app_user SET password_hash = $2, version = version + 1 WHERE id = $1`, [
        user.id,
        await hashPassword(input.newPassword),
      ]);
      const signedOutSessions = await this.endOtherSessions(tx, user.id, user.sessionId);
      return Object.assign(new PasswordChanged(), { signedOutSessions });
    });
    if (!result) return InvalidCredentialsError.of();
    await giveBack(ctx.em, accountKey, WINDOW_SECONDS);
    return result;
  }

  private async endOtherSessions(ctx: RequestContext, userId: string, keep: string): Promise<number> {
    const rows: [unknown[], number] = await ctx.em.query(
      `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL AND expires_at > now()`,
      [userId, keep],
    );
    return rows[1];
  }
}

function signedIn(ctx: RequestContext) {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}
