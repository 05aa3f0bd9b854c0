import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createUser, PASSWORD, type TestUser } from '../support/fixtures';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * A cooperative manager whose phone is lost or whose password leaked: they
 * see where the account is signed in, sign one device or all the others
 * out, and change the password, which signs every other device out too.
 */

const Sessions = graphql(`
  query TMySessions {
    mySessions {
      id
      current
      userAgent
      signedInAt
      lastActiveAt
    }
  }
`);

const Revoke = graphql(`
  mutation TRevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`);

const SignOutOthers = graphql(`
  mutation TSignOutOthers {
    signOutOtherSessions
  }
`);

const ChangePassword = graphql(`
  mutation TChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on PasswordChanged {
        signedOutSessions
      }
      ... on ErrorResult {
        code
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
    }
  }
`);

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;
const REFRESH = `mutation ($t: String) { refreshSession(input: { refreshToken: $t }) { __typename } }`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Signs in as if from another device: its own address and browser name. */
async function device(email: string, password = PASSWORD, userAgent = 'Mozilla/5.0 (Linux; Android 10; Redmi 9A) Chrome/120.0 Mobile') {
  const res = await server.gql<{ login: { __typename: string; accessToken?: string; refreshToken?: string } }, unknown>(
    LOGIN,
    { input: { email, password } },
    { headers: { 'x-forwarded-for': randomBytes(4).join('.'), 'user-agent': userAgent } },
  );
  return res.data?.login;
}

async function phone(email: string): Promise<{ caller: Caller; refreshToken: string; sid: string }> {
  const login = await device(email);
  if (!login?.accessToken) throw new Error(`sign-in failed: ${JSON.stringify(login)}`);
  const sid = (JSON.parse(Buffer.from(login.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
  return { caller: { token: login.accessToken }, refreshToken: login.refreshToken!, sid };
}

async function works(caller: Caller): Promise<boolean> {
  const res = await server.gql<{ me: { id: string } | null }, unknown>(`query { me { id } }`, {}, caller);
  if (res.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED') return false;
  return Boolean(res.data?.me?.id);
}

async function passwordHash(user: TestUser): Promise<string> {
  const [row] = await server.query<{ h: string }>(`SELECT password_hash AS h FROM app_user WHERE id = $1`, [user.id]);
  return row!.h;
}

describe('the devices of an account', () => {
  it('lists the caller’s live sessions, this one first, and none of another user’s', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const other = await createUser(server, ['COOP_MANAGER']);
    const second = await phone(user.email);
    const res = await server.gql(Sessions, {}, { token: user.token });
    const list = res.data!.mySessions;
    expect(list).toHaveLength(2);
    expect(list[0]!.current).toBe(true);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.map((s) => s.id)).toContain(second.sid);
    expect(list.find((s) => s.id === second.sid)!.userAgent).toContain('Android');
    const theirs = await server.gql(Sessions, {}, { token: other.token });
    expect(theirs.data!.mySessions.map((s) => s.id)).not.toContain(second.sid);
    expect(theirs.data!.mySessions).toHaveLength(1);
  });

  it('signs one lost phone out: its access and its refresh token stop working, and a second tap changes nothing', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const lost = await phone(user.email);
    expect(await works(lost.caller)).toBe(true);

    const first = await server.gql(Revoke, { input: { id: lost.sid } }, { token: user.token });
    expect(first.data?.revokeSession).toBe(true);
    expect(await works(lost.caller)).toBe(false);
    const renewed = await server.gql<{ refreshSession: { __typename: string } }, unknown>(REFRESH, { t: lost.refreshToken });
    expect(renewed.data?.refreshSession.__typename).toBe('InvalidCredentialsError');

    const [{ at }] = (await server.query<{ at: Date }>(`SELECT revoked_at AS at FROM auth_session WHERE id = $1`, [lost.sid])) as [
      { at: Date },
    ];
    const again = await server.gql(Revoke, { input: { id: lost.sid } }, { token: user.token });
    expect(again.data?.revokeSession).toBe(true);
    const [{ at: later }] = (await server.query<{ at: Date }>(`SELECT revoked_at AS at FROM auth_session WHERE id = $1`, [lost.sid])) as [
      { at: Date },
    ];
    expect(later.getTime()).toBe(at.getTime());
    expect(await works({ token: user.token })).toBe(true);
    const list = await server.gql(Sessions, {}, { token: user.token });
    expect(list.data!.mySessions.map((s) => s.id)).not.toContain(lost.sid);
  });

  it('answers NOT_FOUND for another user’s session and for one that never existed, and leaves both alone', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const victim = await createUser(server, ['COOP_MANAGER']);
    const theirs = await phone(victim.email);
    for (const id of [theirs.sid, randomUUID()]) {
      const res = await server.gql(Revoke, { input: { id } }, { token: user.token });
      expect(res.errors?.[0]?.extensions?.['code'], id).toBe('NOT_FOUND');
    }
    expect(await works(theirs.caller)).toBe(true);
    const malformed = await server.gql(Revoke, { input: { id: 'not-a-session' } }, { token: user.token });
    expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const anonymous = await server.gql(Revoke, { input: { id: theirs.sid } });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await works(theirs.caller)).toBe(true);
  });

  it('signs out every other device at once and keeps this one', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const others = [await phone(user.email), await phone(user.email), await phone(user.email)];
    const res = await server.gql(SignOutOthers, {}, { token: user.token });
    expect(res.data?.signOutOtherSessions).toBe(3);
    for (const o of others) expect(await works(o.caller)).toBe(false);
    expect(await works({ token: user.token })).toBe(true);
    const again = await server.gql(SignOutOthers, {}, { token: user.token });
    expect(again.data?.signOutOtherSessions).toBe(0);
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password and a too-short new one, and changes nothing', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const other = await phone(user.email);
    const before = await passwordHash(user);

    const wrong = await server.gql(
      ChangePassword,
      { input: { currentPassword: 'not my password', newPassword: 'mật khẩu mới đủ dài' } },
      { token: user.token },
    );
    expect(wrong.data?.changePassword).toMatchObject({ __typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' });

    const short = await server.gql(ChangePassword, { input: { currentPassword: PASSWORD, newPassword: 'ngắn' } }, { token: user.token });
    expect(short.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(short.errors)).not.toContain(PASSWORD);

    expect(await passwordHash(user)).toBe(before);
    expect(await works(other.caller)).toBe(true);
    expect((await device(user.email))?.__typename).toBe('AuthPayload');
  });

  it('stores the new password, signs every other device out, and keeps this one', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const others = [await phone(user.email), await phone(user.email)];
    const next = 'Dừa sáp Cầu Kè 2026';
    const res = await server.gql(ChangePassword, { input: { currentPassword: PASSWORD, newPassword: next } }, { token: user.token });
    expect(res.data?.changePassword).toEqual({ __typename: 'PasswordChanged', signedOutSessions: 2 });

    for (const o of others) expect(await works(o.caller)).toBe(false);
    expect(await works({ token: user.token })).toBe(true);
    expect((await device(user.email, PASSWORD))?.__typename).toBe('InvalidCredentialsError');
    expect((await device(user.email, next))?.__typename).toBe('AuthPayload');
  });

  it('lets only one of two changes made at once win, and the winner’s password is the one that works', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const second = await phone(user.email);
    const candidates = ['first new passphrase', 'second new passphrase'];
    const results = await Promise.all(
      [user.token, second.caller.token!].map((token, i) =>
        server.gql(ChangePassword, { input: { currentPassword: PASSWORD, newPassword: candidates[i]! } }, { token }),
      ),
    );
    const kinds = results.map((r) => r.data?.changePassword.__typename);
    expect(kinds.filter((k) => k === 'PasswordChanged')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'InvalidCredentialsError')).toHaveLength(1);
    const winner = candidates[kinds.indexOf('PasswordChanged')]!;
    const loser = candidates[kinds.indexOf('InvalidCredentialsError')]!;
    expect((await device(user.email, winner))?.__typename).toBe('AuthPayload');
    expect((await device(user.email, loser))?.__typename).toBe('InvalidCredentialsError');
  });

  it('counts wrong current passwords against the account’s sign-in limit, so it cannot be used to guess', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const limit = server.config.loginFailuresPerAccount;
    const kinds: string[] = [];
    for (let i = 0; i <= limit; i++) {
      const res = await server.gql(
        ChangePassword,
        { input: { currentPassword: `guess ${i}`, newPassword: 'a long new passphrase' } },
        { token: user.token },
      );
      kinds.push(res.data!.changePassword.__typename);
    }
    expect(kinds.slice(0, limit).every((k) => k === 'InvalidCredentialsError')).toBe(true);
    expect(kinds[limit]).toBe('RateLimitedError');
    // The limit holds for the right password too, and for signing in.
    const right = await server.gql(
      ChangePassword,
      { input: { currentPassword: PASSWORD, newPassword: 'a long new passphrase' } },
      { token: user.token },
    );
    expect(right.data?.changePassword.__typename).toBe('RateLimitedError');
    expect((await device(user.email))?.__typename).toBe('RateLimitedError');
  });

  it('checks at most the limit of current passwords when 12 wrong guesses arrive together', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const limit = server.config.loginFailuresPerAccount;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.gql(
          ChangePassword,
          { input: { currentPassword: `parallel guess ${i}`, newPassword: 'a long new passphrase' } },
          { token: user.token },
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.changePassword.__typename);
    // Each InvalidCredentialsError is one password checked; the rest were refused before any check.
    expect(kinds.filter((k) => k === 'InvalidCredentialsError')).toHaveLength(limit);
    expect(kinds.filter((k) => k === 'RateLimitedError')).toHaveLength(12 - limit);
  });

  it('gives the attempt back when the current password was right, so a change does not count as a failure', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const key = `login:account:${user.email}`;
    await server.gql(ChangePassword, { input: { currentPassword: 'not it', newPassword: 'a long new passphrase' } }, { token: user.token });
    const ok = await server.gql(
      ChangePassword,
      { input: { currentPassword: PASSWORD, newPassword: 'a long new passphrase' } },
      { token: user.token },
    );
    expect(ok.data?.changePassword.__typename).toBe('PasswordChanged');
    const [bucket] = await server.query<{ hits: number }>(`SELECT hits FROM rate_limit_bucket WHERE key = $1`, [key]);
    expect(bucket?.hits).toBe(1);
  });
});
