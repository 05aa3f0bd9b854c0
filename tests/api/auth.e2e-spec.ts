import { graphql } from '../generated';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyCommune, createUser, PASSWORD } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

const Register = graphql(`
  mutation TRegister($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        user {
          id
          email
          roles
          memberships {
            organizationId
            organizationKind
            organizationName
            role
          }
        }
      }
      ... on ErrorResult {
        code
        message
      }
      ... on DuplicateError {
        field
      }
    }
  }
`);

const Login = graphql(`
  mutation TLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        expiresAt
        user {
          id
          email
          roles
        }
      }
      ... on ErrorResult {
        code
        message
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
    }
  }
`);

const Me = graphql(`
  query TMe {
    me {
      id
      email
      displayName
      roles
      memberships {
        organizationId
        organizationKind
        organizationName
        role
      }
    }
  }
`);

const Refresh = graphql(`
  mutation TRefresh($input: RefreshInput) {
    refreshSession(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const Logout = graphql(`
  mutation TLogout {
    logout
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('registration', () => {
  it('creates a cooperative manager who owns the new, unverified cooperative', async () => {
    const areaCode = await anyCommune(server, '849');
    const res = await server.gql(Register, {
      input: {
        email: 'Manager.Long@Example.vn',
        password: 'mật khẩu an toàn 2026',
        displayName: 'Nguyễn Văn Long',
        cooperative: {
          name: 'HTX Nông nghiệp Thử Nghiệm',
          registrationNumber: '5805000123',
          sector: 'AGRICULTURE',
          subsector: 'Trồng lúa',
          areaCode,
          memberCount: 12,
          establishedOn: '2020-05-01',
        },
      },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data?.register;
    expect(payload?.__typename).toBe('AuthPayload');
    if (payload?.__typename !== 'AuthPayload') return;
    expect(payload.user.email).toBe('manager.long@example.vn');
    expect(payload.user.roles).toEqual(['COOP_MANAGER']);
    expect(payload.user.memberships).toEqual([
      {
        organizationId: expect.any(String),
        organizationKind: 'COOPERATIVE',
        organizationName: 'HTX Nông nghiệp Thử Nghiệm',
        role: 'OWNER',
      },
    ]);
    const [coop] = await server.query<{ verified_at: Date | null }>(
      `SELECT verified_at FROM cooperative WHERE registration_number = '5805000123'`,
    );
    expect(coop?.verified_at).toBeNull();
    const [hash] = await server.query<{ password_hash: string }>(
      `SELECT password_hash FROM app_user WHERE email = 'manager.long@example.vn'`,
    );
    expect(hash?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('refuses a second account with the same e-mail, in any letter case', async () => {
    const res = await server.gql(Register, {
      input: { email: 'MANAGER.LONG@example.vn', password: 'another long pass', displayName: 'Ai đó' },
    });
    expect(res.data?.register).toMatchObject({ __typename: 'EmailTakenError', code: 'EMAIL_TAKEN' });
  });

  it('rolls the whole registration back when the cooperative number is taken', async () => {
    const before = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
    const res = await server.gql(Register, {
      input: {
        email: 'second@example.vn',
        password: 'long enough password',
        displayName: 'Trần Thị B',
        cooperative: {
          name: 'HTX Trùng số',
          registrationNumber: '5805000123',
          sector: 'AGRICULTURE',
          subsector: 'Trồng lúa',
          areaCode: await anyCommune(server, '849'),
          memberCount: 7,
          establishedOn: '2021-01-01',
        },
      },
    });
    expect(res.data?.register).toMatchObject({ __typename: 'DuplicateError', code: 'DUPLICATE', field: 'registrationNumber' });
    const after = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('reports invalid fields with their paths and writes nothing', async () => {
    const res = await server.gql(Register, {
      input: {
        email: 'not-an-email',
        password: 'short',
        displayName: 'x'.repeat(5000),
        business: { name: 'Công ty A', taxCode: '0100109107', kinds: ['PROCESSOR'], areaCode: '29236' },
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (res.errors?.[0]?.extensions?.fields ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(['input.displayName', 'input.email', 'input.password']);
    const [row] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email = 'not-an-email'`);
    expect(row!.n).toBe(0);
  });

  it('refuses a business whose tax code fails its check digit', async () => {
    const res = await server.gql(Register, {
      input: {
        email: 'buyer@example.vn',
        password: 'long enough password',
        displayName: 'Lê Văn C',
        business: { name: 'Công ty A', taxCode: '0100109107', kinds: ['PROCESSOR'], areaCode: '29236' },
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.taxCode' }] });
    const [row] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email = 'buyer@example.vn'`);
    expect(row!.n).toBe(0);
  });
});

describe('login and sessions', () => {
  it('signs in with the right password and returns a pinned, short-lived token', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const res = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    const payload = res.data?.login;
    expect(payload?.__typename).toBe('AuthPayload');
    if (payload?.__typename !== 'AuthPayload') return;
    const [header, claims] = payload.accessToken
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(claims).toMatchObject({ iss: 'cooplink', aud: 'cooplink-api', sub: user.id });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('cl_access='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('cl_access='))).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('cl_refresh='))).toMatch(/SameSite=Strict/i);
  });

  it('answers a wrong password with InvalidCredentialsError', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const res = await server.gql(Login, { input: { email: user.email, password: 'wrong password' } });
    expect(res.data?.login).toEqual({ __typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS', message: expect.any(String) });
  });

  it('rate-limits repeated failures for one account, even with the right password afterwards', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    for (let i = 0; i < 5; i++) await server.gql(Login, { input: { email: user.email, password: `wrong ${i}` } });
    const res = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    expect(res.data?.login).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    if (res.data?.login.__typename === 'RateLimitedError') expect(res.data.login.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('returns the user, roles and memberships from me, by Bearer token and by cookie', async () => {
    const coopId = (await server.query<{ id: string }>(`SELECT id FROM cooperative LIMIT 1`))[0]!.id;
    const user = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
    const byBearer = await server.gql(Me, {}, { token: user.token });
    expect(byBearer.data?.me).toMatchObject({
      id: user.id,
      roles: ['COOP_MANAGER'],
      memberships: [{ organizationId: coopId, organizationKind: 'COOPERATIVE', role: 'OWNER' }],
    });
    const byCookie = await server.gql(Me, {}, { cookie: `cl_access=${user.token}` });
    expect(byCookie.data?.me?.id).toBe(user.id);
    const anonymous = await server.gql(Me, {});
    expect(anonymous.data?.me).toBeNull();
  });

  it('refuses a tampered, foreign or malformed Bearer token with UNAUTHENTICATED', async () => {
    const user = await createUser(server, ['ADMIN']);
    const [h, p, s] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${s}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    for (const token of [tampered, none, 'garbage', '']) {
      const res = await server.gql(Me, {}, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rotates the refresh token and revokes the session at logout', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const login = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    if (login.data?.login.__typename !== 'AuthPayload') throw new Error('login failed');
    const { refreshToken, accessToken } = login.data.login;
    const refreshed = await server.gql(Refresh, { input: { refreshToken } });
    expect(refreshed.data?.refreshSession.__typename).toBe('AuthPayload');
    const reused = await server.gql(Refresh, { input: { refreshToken } });
    expect(reused.data?.refreshSession).toMatchObject({ __typename: 'InvalidCredentialsError' });
    if (refreshed.data?.refreshSession.__typename !== 'AuthPayload') return;
    const newToken = refreshed.data.refreshSession.accessToken;
    expect((await server.gql(Logout, {}, { token: newToken })).data?.logout).toBe(true);
    const after = await server.gql(Me, {}, { token: newToken });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const old = await server.gql(Me, {}, { token: accessToken });
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the refresh token and page scripts', () => {
  /** Sends a mutation as a browser page would: with its Origin, Sec-Fetch headers and cookies. */
  async function asBrowser(query: string, variables: unknown, cookie?: string) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'cors',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const cookies = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
    return { body: (await res.json()) as { data: Record<string, Record<string, string>> }, cookies };
  }
  const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;
  const REFRESH = `mutation ($input: RefreshInput) { refreshSession(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;

  it('keeps it out of the body for a browser, in its HttpOnly cookie only, and renewing by cookie works', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const login = await asBrowser(LOGIN, { input: { email: user.email, password: PASSWORD } });
    expect(login.body.data.login!.__typename).toBe('AuthPayload');
    expect(login.body.data.login!.refreshToken).toBe('');
    const first = login.cookies.cl_refresh!;
    expect(first.length).toBeGreaterThan(20);

    // Renewing with only the cookie: a new token in the cookie, none in the body.
    const renewed = await asBrowser(REFRESH, {}, `cl_refresh=${first}`);
    expect(renewed.body.data.refreshSession!.__typename).toBe('AuthPayload');
    expect(renewed.body.data.refreshSession!.refreshToken).toBe('');
    const second = renewed.cookies.cl_refresh!;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    // Even a request without browser headers, when it renews by cookie, gets no token in the body.
    const byCookie = await server.gql(Refresh, {}, { cookie: `cl_refresh=${second}` });
    expect(byCookie.data?.refreshSession).toMatchObject({ __typename: 'AuthPayload', refreshToken: '' });
  });

  it('still gives it to API clients that sign in and renew without cookies', async () => {
    const user = await createUser(server, ['BUSINESS_REP']);
    const login = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    if (login.data?.login.__typename !== 'AuthPayload') throw new Error('login failed');
    expect(login.data.login.refreshToken.length).toBeGreaterThan(20);
    const renewed = await server.gql(Refresh, { input: { refreshToken: login.data.login.refreshToken } });
    if (renewed.data?.refreshSession.__typename !== 'AuthPayload') throw new Error('refresh failed');
    expect(renewed.data.refreshSession.refreshToken.length).toBeGreaterThan(20);
  });
});

describe('a refresh token that was already replaced', () => {
  async function apiLogin() {
    const user = await createUser(server, ['COOP_MANAGER']);
    const login = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    if (login.data?.login.__typename !== 'AuthPayload') throw new Error('login failed');
    return login.data.login;
  }
  const renew = async (refreshToken: string) => {
    const res = await server.gql(Refresh, { input: { refreshToken } });
    return res.data?.refreshSession;
  };

  it('ends the session when it comes back: the thief and the rightful holder are both signed out', async () => {
    const login = await apiLogin();
    const stolen = login.refreshToken;
    const renewed = await renew(stolen);
    if (renewed?.__typename !== 'AuthPayload') throw new Error('refresh failed');
    // Time passes (beyond the moment two tabs renew together) before the copy is used.
    await server.query(`UPDATE auth_session SET rotated_at = rotated_at - interval '5 minutes' WHERE user_id = $1`, [login.user.id]);
    expect((await renew(stolen))?.__typename).toBe('InvalidCredentialsError');
    const [row] = await server.query<{ revoked: boolean }>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM auth_session WHERE user_id = $1 AND rotated_at IS NOT NULL`,
      [login.user.id],
    );
    expect(row?.revoked).toBe(true);
    // The newest refresh token and access token stop working too.
    expect((await renew(renewed.refreshToken))?.__typename).toBe('InvalidCredentialsError');
    const me = await server.gql(Me, {}, { token: renewed.accessToken });
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is only refused, without ending the session, right after it was replaced (two tabs renewing at once)', async () => {
    const login = await apiLogin();
    const results = await Promise.all([renew(login.refreshToken), renew(login.refreshToken)]);
    const kinds = results.map((r) => r?.__typename).sort();
    expect(kinds).toEqual(['AuthPayload', 'InvalidCredentialsError']);
    const winner = results.find((r) => r?.__typename === 'AuthPayload');
    if (winner?.__typename !== 'AuthPayload') throw new Error('no renewal');
    expect((await renew(winner.refreshToken))?.__typename).toBe('AuthPayload');
  });

  it('leaves other sessions of the same person alone', async () => {
    const user = await createUser(server, ['COOP_MANAGER']);
    const a = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    const b = await server.gql(Login, { input: { email: user.email, password: PASSWORD } });
    if (a.data?.login.__typename !== 'AuthPayload' || b.data?.login.__typename !== 'AuthPayload') throw new Error('login failed');
    await renew(a.data.login.refreshToken);
    await server.query(`UPDATE auth_session SET rotated_at = rotated_at - interval '5 minutes' WHERE user_id = $1`, [user.id]);
    await renew(a.data.login.refreshToken);
    expect((await renew(b.data.login.refreshToken))?.__typename).toBe('AuthPayload');
  });
});
