import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/fixtures';
import { startDbProxy, type DbProxy } from '../support/db-proxy';
import { LEAK_PATTERNS } from '../support/security/probe';
import { startTestServer, type TestServer } from '../support/test-server';
import { PNG_1X1 } from '../support/uploads';

/**
 * The routes outside GraphQL (trace pages scanned from a QR code, QR images,
 * EPCIS exports, uploads, the steering committee's exports) answer bad input
 * with 400/404 and a database outage with 503 UNAVAILABLE, never a 500 with
 * database text or an internal address.
 */

let server: TestServer;
let proxy: DbProxy;
let staff: TestUser;
let manager: TestUser;

beforeAll(async () => {
  server = await startTestServer({}, { connectVia: async (url) => (proxy = await startDbProxy(url)).url });
  staff = await createUser(server, ['TRADE_STAFF']);
  manager = await createUser(server, ['COOP_MANAGER']);
});
afterAll(async () => {
  await server?.close();
  await proxy?.close();
});

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

async function get(path: string, token?: string): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function upload(token: string): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG_1X1)], { type: 'image/png' }), 'a.png');
  const res = await fetch(`${server.url}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

function expectNoInternals(a: Answer) {
  for (const pattern of [...LEAK_PATTERNS, /ECONN/, /127\.0\.0\.1/, /22021/, /\bcode":"\d/]) expect(a.text).not.toMatch(pattern);
}

describe('text that cannot be stored in a path or query string', () => {
  it.each([
    '/t/%00',
    '/t/abc%00def',
    '/t/abc%00def/qr.svg',
    '/t/%00/epcis.json',
    '/t/%00/qr.png',
    '/t/%00/labels',
    '/01/12345678901231/10/%00',
    '/t/LOT-1?lang=%00',
  ])('GET %s is refused with 400 BAD_USER_INPUT', async (path) => {
    const a = await get(path);
    expect(a.status, a.text).toBe(400);
    expect(JSON.parse(a.text).code).toBe('BAD_USER_INPUT');
    expectNoInternals(a);
  });

  it('is refused in the exports’ area too, for staff', async () => {
    for (const path of [
      '/exports/cooperatives.csv?area=%00',
      '/exports/cooperatives.xlsx?area=ab%00',
      '/exports/oversight.xlsx?area=%00',
    ]) {
      const a = await get(path, staff.token);
      expect(a.status, a.text).toBe(400);
      expectNoInternals(a);
    }
  });

  it('ordinary unknown lots still get their 404', async () => {
    expect((await get('/t/NO-SUCH-LOT')).status).toBe(404);
    expect((await get('/t/NO-SUCH-LOT/qr.svg')).status).toBe(404);
    expect((await get('/01/12345678901231/10/NO-SUCH-LOT')).status).toBe(404);
  });
});

describe('while PostgreSQL is unreachable', () => {
  it('answers 503 UNAVAILABLE with Retry-After, and recovers once it is back', async () => {
    await proxy.cut();
    try {
      const answers = [
        await get('/t/LOT-ANY'),
        await get('/t/LOT-ANY/qr.svg'),
        await get('/t/LOT-ANY/epcis.json'),
        await get('/t/LOT-ANY/qr.png'),
        await get('/01/12345678901231/10/LOT-ANY'),
        await get('/exports/cooperatives.csv', staff.token),
        await upload(manager.token),
      ];
      for (const a of answers) {
        expect(a.status, a.text).toBe(503);
        expect(JSON.parse(a.text).code).toBe('UNAVAILABLE');
        expect(a.headers.get('retry-after'), a.text).toBeTruthy();
        expectNoInternals(a);
      }
    } finally {
      await proxy.restore();
    }
    let back: Answer | null = null;
    for (let i = 0; i < 20 && back?.status !== 404; i++) {
      back = await get('/t/LOT-ANY');
      if (back.status !== 404) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back?.status).toBe(404);
    expect((await upload(manager.token)).status).toBe(201);
  });
});
