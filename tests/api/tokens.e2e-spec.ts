import { createHmac } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Access tokens a client might present, from honest mistakes to forgeries.
 * auth.e2e-spec.ts covers a rewritten subject, `alg: none` over a real
 * payload, "garbage" and an empty Bearer; this file covers the rest.
 */

const ME = `query { me { id } }`;
const PROTECTED = `query { notifications(first: 1) { totalCount } }`;
const WRITE = `mutation { markNotificationsRead(input: {}) }`;

let server: TestServer;
let user: TestUser;
let claims: { sub: string; sid: string };

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function secretKey(secret = server.config.jwtSecret): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A token shaped like the server's own, with any part overridden. */
async function forge(
  opts: { alg?: string; secret?: string; payload?: JWTPayload; iss?: string; aud?: string; exp?: number; iat?: number } = {},
): Promise<string> {
  const payload = opts.payload ?? { sid: claims.sid };
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' })
    .setIssuer(opts.iss ?? 'cooplink')
    .setAudience(opts.aud ?? 'cooplink-api')
    .setIssuedAt(opts.iat ?? now())
    .setExpirationTime(opts.exp ?? now() + 600);
  if (typeof payload.sub !== 'string' && !('sub' in payload)) jwt.setSubject(claims.sub);
  return jwt.sign(secretKey(opts.secret));
}

/** A token whose header names one algorithm while it is signed with HMAC-SHA256 over the server secret. */
function confused(alg: string): string {
  const head = b64({ alg, typ: 'JWT' });
  const body = b64({ sub: claims.sub, sid: claims.sid, iss: 'cooplink', aud: 'cooplink-api', iat: now(), exp: now() + 600 });
  const sig = createHmac('sha256', server.config.jwtSecret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** A token signed with the server's own algorithm and secret, with exactly these claims. */
function hs256(body: Record<string, unknown>): string {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const payload = b64(body);
  const sig = createHmac('sha256', server.config.jwtSecret).update(`${head}.${payload}`).digest('base64url');
  return `${head}.${payload}.${sig}`;
}

async function expectRefused(authorization: string, label: string) {
  for (const query of [ME, PROTECTED, WRITE]) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
    });
    expect(res.status, `${label}: ${query}`).toBe(401);
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(
      body.errors?.map((e) => e.extensions?.code),
      label,
    ).toEqual(['UNAUTHENTICATED']);
    expect(body.data ?? null, label).toBeNull();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  user = await createUser(server, ['BUSINESS_REP']);
  const payload = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string };
  claims = { sub: payload.sub, sid: payload.sid };
});
afterAll(async () => {
  await server?.close();
});

describe('a request without a token', () => {
  it('may read public data but gets UNAUTHENTICATED on a protected field and on a write', async () => {
    expect((await server.gql(ME, {})).data).toEqual({ me: null });
    for (const query of [PROTECTED, WRITE]) {
      const res = await server.gql(query, {});
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('a forged or broken Bearer token', () => {
  it('is accepted when it is exactly what the server would sign (the forging here is faithful)', async () => {
    const res = await server.gql(ME, {}, { token: await forge() });
    expect(res.data).toEqual({ me: { id: user.id } });
  });

  it('is refused when signed with another algorithm', async () => {
    await expectRefused(`Bearer ${await forge({ alg: 'HS512' })}`, 'HS512 with the right secret');
    await expectRefused(`Bearer ${await forge({ alg: 'HS384' })}`, 'HS384 with the right secret');
    const { privateKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer('cooplink')
      .setAudience('cooplink-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    await expectRefused(`Bearer ${rs256}`, 'RS256 with a key of its own');
    await expectRefused(`Bearer ${confused('RS256')}`, 'RS256 header over an HMAC signature');
    await expectRefused(`Bearer ${confused('HS512')}`, 'HS512 header over an HS256 signature');
  });

  it('is refused with alg none in any spelling, signed or not', async () => {
    const body = b64({ sub: claims.sub, sid: claims.sid, iss: 'cooplink', aud: 'cooplink-api', iat: now(), exp: now() + 600 });
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      await expectRefused(`Bearer ${b64({ alg, typ: 'JWT' })}.${body}.`, `alg ${alg}`);
      await expectRefused(`Bearer ${b64({ alg, typ: 'JWT' })}.${body}`, `alg ${alg} without a signature part`);
    }
    await expectRefused(`Bearer ${confused('none')}`, 'alg none with a signature');
  });

  it('is refused once expired, or when issued for another audience or by another issuer', async () => {
    await expectRefused(`Bearer ${await forge({ iat: now() - 3600, exp: now() - 60 })}`, 'expired a minute ago');
    await expectRefused(`Bearer ${await forge({ aud: 'cooplink-admin' })}`, 'wrong audience');
    await expectRefused(`Bearer ${await forge({ aud: '' })}`, 'empty audience');
    await expectRefused(`Bearer ${await forge({ iss: 'someone-else' })}`, 'wrong issuer');
  });

  it('is refused without an expiry or an issue time, or when meant to live longer than the access lifetime', async () => {
    const lifetime = server.config.accessTokenSeconds;
    const base = { sub: claims.sub, sid: claims.sid, iss: 'cooplink', aud: 'cooplink-api' };
    await expectRefused(`Bearer ${hs256({ ...base, iat: now() })}`, 'no exp');
    await expectRefused(`Bearer ${hs256({ ...base, exp: now() + 600 })}`, 'no iat');
    await expectRefused(`Bearer ${await forge({ exp: now() + 86_400 })}`, 'exp a day ahead');
    await expectRefused(`Bearer ${await forge({ exp: now() + 10 * 365 * 86_400 })}`, 'exp ten years ahead');
    await expectRefused(`Bearer ${await forge({ exp: now() + lifetime + 60 })}`, 'a minute longer than the access lifetime');
    await expectRefused(`Bearer ${await forge({ iat: now() - lifetime - 60, exp: now() + 60 })}`, 'issued longer ago than the lifetime');
    await expectRefused(`Bearer ${await forge({ iat: now() + 3600, exp: now() + 3600 + 60 })}`, 'issued in the future');
    // Exactly the configured lifetime is what the server itself signs, and is accepted.
    const t = now();
    const res = await server.gql(ME, {}, { token: await forge({ iat: t, exp: t + lifetime }) });
    expect(res.data).toEqual({ me: { id: claims.sub } });
  });

  it('is refused when signed with another secret', async () => {
    await expectRefused(`Bearer ${await forge({ secret: 'another secret that is also long enough!!' })}`, 'another secret');
    await expectRefused(`Bearer ${await forge({ secret: `${server.config.jwtSecret}x` })}`, 'the secret plus one character');
  });

  it('is refused when its payload was changed after signing', async () => {
    const [h, p, s] = user.token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const variants = [
      { ...payload, exp: payload.exp + 86_400 },
      { ...payload, sid: '00000000-0000-4000-8000-000000000000' },
      { ...payload, roles: ['ADMIN'] },
    ];
    for (const v of variants) await expectRefused(`Bearer ${h}.${b64(v)}.${s}`, `tampered ${JSON.stringify(v).slice(0, 60)}`);
    const flipped = `${s.slice(0, -2)}${s.endsWith('AA') ? 'AB' : 'AA'}`;
    await expectRefused(`Bearer ${h}.${p}.${flipped}`, 'signature changed');
  });

  it('is refused when correctly signed but naming no live session or a malformed one', async () => {
    await expectRefused(`Bearer ${await forge({ payload: { sid: '00000000-0000-4000-8000-000000000000' } })}`, 'unknown session');
    await expectRefused(`Bearer ${await forge({ payload: { sid: "x' OR '1'='1" } })}`, 'session id that is not a UUID');
    await expectRefused(`Bearer ${await forge({ payload: { sid: claims.sid, sub: 'not-a-uuid' } })}`, 'subject that is not a UUID');
    await expectRefused(`Bearer ${await forge({ payload: {} })}`, 'no session claim');
  });

  it('is refused after the session is ended by logging out', async () => {
    const other = await createUser(server, ['COOP_MANAGER']);
    expect((await server.gql(ME, {}, { token: other.token })).data).toMatchObject({ me: { id: other.id } });
    expect((await server.gql(`mutation { logout }`, {}, { token: other.token })).data).toEqual({ logout: true });
    await expectRefused(`Bearer ${other.token}`, 'after logout');
  });

  it('is refused when it is not a token at all', async () => {
    const garbage = [
      'a.b.c',
      '...',
      `${b64('{')}.${b64('{')}.${b64('x')}`,
      `${b64({ alg: 'HS256' })}.${b64('[]')}.x`,
      'x'.repeat(8_000),
      // UTF-8 bytes as they arrive on the wire.
      Buffer.from('Dừa.sáp.🥥').toString('latin1'),
      'null',
    ];
    for (const token of garbage) await expectRefused(`Bearer ${token}`, `garbage ${token.slice(0, 30)}`);
    // Beyond Node's header size limit the request is turned away before it reaches the API.
    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(20_000)}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(huge.status).toBe(431);
    for (const header of ['Bearer', 'Basic dXNlcjpwYXNz', 'Token abc', `bearer  ${user.token} extra`])
      await expectRefused(header, header.slice(0, 30));
  });

  it('in a cookie is ignored rather than trusted, so a protected field still needs a sign-in', async () => {
    const forged = await forge({ secret: 'another secret that is also long enough!!' });
    const res = await server.gql(PROTECTED, {}, { cookie: `cl_access=${forged}` });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
