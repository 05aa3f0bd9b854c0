import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { inDays, publishedProduct } from '../support/needs';
import { startTestServer, type TestServer } from '../support/test-server';
import { PDF_MINIMAL, PNG_1X1, uploadFile } from '../support/uploads';

const PostNeed = graphql(`
  mutation TAgrPostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
    }
  }
`);

const Propose = graphql(`
  mutation TAgrPropose($input: ProposeLinkageInput!) {
    proposeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
      }
    }
  }
`);

const Move = graphql(`
  mutation TAgrMove($input: MoveLinkageInput!) {
    moveLinkage(input: $input) {
      __typename
      ... on Linkage {
        status
      }
      ... on InvalidTransitionError {
        from
        to
      }
    }
  }
`);

const Agree = graphql(`
  mutation TAgrAgree($input: AgreeLinkageInput!) {
    agreeLinkage(input: $input) {
      __typename
      ... on Linkage {
        status
      }
      ... on InvalidTransitionError {
        from
      }
    }
  }
`);

const Deliver = graphql(`
  mutation TAgrDeliver($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      __typename
      ... on Delivery {
        deliveredOn
        quantity
        note
      }
      ... on InvalidTransitionError {
        from
        to
      }
    }
  }
`);

const View = graphql(`
  query TAgrView($id: ID!) {
    linkage(id: $id) {
      status
      agreement {
        quantity
        unit
        unitPrice
        totalValue
        startsOn
        endsOn
        documentUrl
        signedBy
      }
      deliveries {
        deliveredOn
        quantity
        note
        recordedBy
      }
    }
  }
`);

let server: TestServer;
let rep: TestUser;
let manager: TestUser;
let businessId: string;
let coopId: string;

beforeAll(async () => {
  server = await startTestServer();
  businessId = await createBusiness(server);
  rep = await createUser(server, ['BUSINESS_REP'], { businessId });
  coopId = await createCooperative(server);
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  await publishedProduct(server, coopId, { categoryCode: 'fruit.coconut.wax', capacity: 40 });
  await server.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [manager.id, 'Chị Lan HTX']);
  await server.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [rep.id, 'Anh Minh công ty']);
});
afterAll(async () => {
  await server?.close();
});

/** A fresh linkage moved as far as NEGOTIATING, where an agreement can be recorded. */
async function negotiating(): Promise<string> {
  const need = await server.gql(
    PostNeed,
    {
      input: {
        kind: 'OFFTAKE',
        businessId,
        title: 'Thu mua dừa sáp theo hợp đồng',
        categoryCode: 'fruit.coconut.wax',
        quantity: 12,
        unit: 'TNE',
        frequency: 'MONTHLY',
        deliveryFrom: '2026-10-01',
        deliveryTo: '2027-09-30',
        expiresAt: inDays(30),
      },
    },
    { token: rep.token },
  );
  const proposed = await server.gql(Propose, { input: { needId: need.data!.postNeed.id, cooperativeId: coopId } }, { token: rep.token });
  if (proposed.data?.proposeLinkage.__typename !== 'Linkage') throw new Error(JSON.stringify(proposed));
  const id = proposed.data.proposeLinkage.id;
  await server.gql(Move, { input: { id, to: 'ACCEPTED' } }, { token: manager.token });
  await server.gql(Move, { input: { id, to: 'NEGOTIATING' } }, { token: rep.token });
  return id;
}

const TERM = { startsOn: '2026-11-01', endsOn: '2027-04-30' };

describe('agreements', () => {
  it('record the contract’s unit, total value, signed document and who recorded it, then its deliveries', async () => {
    const id = await negotiating();
    const upload = await uploadFile(server.url, manager.token, PNG_1X1, 'hop-dong.png', 'image/png');
    expect(upload.status).toBe(201);
    const agreed = await server.gql(
      Agree,
      { input: { id, quantity: 12_000, unit: 'KGM', unitPrice: 18_500, ...TERM, documentUploadId: upload.body.id } },
      { token: manager.token },
    );
    expect(agreed.data!.agreeLinkage).toEqual({ __typename: 'Linkage', status: 'AGREED' });
    const first = await server.gql(
      Deliver,
      { input: { linkageId: id, deliveredOn: '2026-11-10', quantity: 4_000, note: ' Đợt 1, xe tải 5 tấn ' } },
      { token: manager.token },
    );
    expect(first.data!.recordDelivery).toEqual({
      __typename: 'Delivery',
      deliveredOn: '2026-11-10',
      quantity: 4_000,
      note: 'Đợt 1, xe tải 5 tấn',
    });
    await server.gql(Deliver, { input: { linkageId: id, deliveredOn: '2026-11-20', quantity: 4_000 } }, { token: rep.token });
    expect((await server.gql(Move, { input: { id, to: 'COMPLETED' } }, { token: rep.token })).data!.moveLinkage).toEqual({
      __typename: 'Linkage',
      status: 'COMPLETED',
    });

    const view = await server.gql(View, { id }, { token: rep.token });
    expect(view.data!.linkage).toEqual({
      status: 'COMPLETED',
      agreement: {
        quantity: 12_000,
        unit: 'KGM',
        unitPrice: 18_500,
        totalValue: 222_000_000,
        ...TERM,
        documentUrl: upload.body.url,
        signedBy: 'Chị Lan HTX',
      },
      deliveries: [
        { deliveredOn: '2026-11-10', quantity: 4_000, note: 'Đợt 1, xe tải 5 tấn', recordedBy: 'Chị Lan HTX' },
        { deliveredOn: '2026-11-20', quantity: 4_000, note: '', recordedBy: 'Anh Minh công ty' },
      ],
    });
    // A completed linkage takes no more deliveries.
    const late = await server.gql(Deliver, { input: { linkageId: id, deliveredOn: '2026-11-25', quantity: 1 } }, { token: rep.token });
    expect(late.data!.recordDelivery).toEqual({ __typename: 'InvalidTransitionError', from: 'COMPLETED', to: 'DELIVERING' });
  });

  it('count in the need’s unit when the agreement names none', async () => {
    const id = await negotiating();
    await server.gql(Agree, { input: { id, quantity: 12, unitPrice: 18_000_000, ...TERM } }, { token: rep.token });
    const view = await server.gql(View, { id }, { token: rep.token });
    expect(view.data!.linkage.agreement).toMatchObject({
      unit: 'TNE',
      totalValue: 216_000_000,
      documentUrl: null,
      signedBy: 'Anh Minh công ty',
    });
  });

  it('refuse bad agreement input with the field at fault and write nothing', async () => {
    const id = await negotiating();
    const othersUpload = await uploadFile(server.url, rep.token, PNG_1X1, 'khac.png', 'image/png');
    const before = await tableCounts(server, ['agreement', 'linkage_event', 'notification']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startsOn: '2027-05-01', endsOn: '2027-04-30' }, 'input.endsOn'],
      [{ quantity: 1e9, unitPrice: 1_000_000_000_000 }, 'input.unitPrice'],
      [{ unit: 'BARREL' }, 'input.unit'],
      [{ quantity: 0 }, 'input.quantity'],
      [{ unitPrice: -5 }, 'input.unitPrice'],
      [{ documentUploadId: othersUpload.body.id }, 'input.documentUploadId'],
      [{ documentUploadId: '00000000-0000-4000-8000-000000000000' }, 'input.documentUploadId'],
    ];
    for (const [change, path] of cases) {
      const res = await server.gql(
        Agree,
        { input: { id, quantity: 10, unitPrice: 18_000_000, ...TERM, ...change } },
        { token: manager.token },
      );
      expect(res.errors?.[0]?.extensions?.code, path).toBe('BAD_USER_INPUT');
      expect(
        res.errors?.[0]?.extensions?.fields?.map((f) => f.path),
        path,
      ).toContain(path);
    }
    const badDate = await server.gql(
      Agree,
      { input: { id, quantity: 10, unitPrice: 1, startsOn: '2027-02-30', endsOn: '2027-03-01' } },
      {
        token: manager.token,
      },
    );
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badDate.errors)).not.toMatch(/at .*\.ts|SELECT|INSERT/);
    expect(await tableCounts(server, ['agreement', 'linkage_event', 'notification'])).toEqual(before);
    expect((await server.gql(View, { id }, { token: rep.token })).data!.linkage.status).toBe('NEGOTIATING');
  });

  it('refuse a delivery dated in the future or of nothing, and one before the agreement, writing nothing', async () => {
    const id = await negotiating();
    const early = await server.gql(Deliver, { input: { linkageId: id, deliveredOn: '2026-11-10', quantity: 1 } }, { token: manager.token });
    expect(early.data!.recordDelivery).toEqual({ __typename: 'InvalidTransitionError', from: 'NEGOTIATING', to: 'DELIVERING' });
    await server.gql(Agree, { input: { id, quantity: 12, unitPrice: 18_000_000, ...TERM } }, { token: rep.token });
    const before = await tableCounts(server, ['delivery', 'linkage_event']);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    for (const [input, path] of [
      [{ deliveredOn: tomorrow, quantity: 1 }, 'input.deliveredOn'],
      [{ deliveredOn: '2026-11-10', quantity: 0 }, 'input.quantity'],
      [{ deliveredOn: '2026-11-10', quantity: 1, note: 'x'.repeat(1001) }, 'input.note'],
    ] as const) {
      const res = await server.gql(Deliver, { input: { linkageId: id, ...input } }, { token: manager.token });
      expect(res.errors?.[0]?.extensions?.code, path).toBe('BAD_USER_INPUT');
      expect(
        res.errors?.[0]?.extensions?.fields?.map((f) => f.path),
        path,
      ).toContain(path);
    }
    expect(await tableCounts(server, ['delivery', 'linkage_event'])).toEqual(before);
    expect((await server.gql(View, { id }, { token: rep.token })).data!.linkage.status).toBe('AGREED');
  });
});

/** Opens a graphql-ws connection and reports whether the server acknowledged it or closed it, and with which code. */
function connectionInit(headers: Record<string, string>, payload?: Record<string, unknown>): Promise<'ack' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws', { headers });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) })));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type: string };
      if (msg.type === 'connection_ack') {
        ws.close();
        resolve('ack');
      }
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('the notification socket', () => {
  it('signs in from the access cookie on a page of this site, or from a token', async () => {
    const host = new URL(server.url).host;
    expect(await connectionInit({ cookie: `cl_access=${manager.token}`, origin: `http://${host}` })).toBe('ack');
    expect(await connectionInit({}, { token: manager.token })).toBe('ack');
  });

  it('refuses a connection without valid credentials, and the cookie when another site opens it', async () => {
    expect(await connectionInit({})).toBe(4403);
    expect(await connectionInit({ cookie: 'cl_access=not-a-token' })).toBe(4403);
    expect(await connectionInit({}, { token: 'not-a-token' })).toBe(4403);
    expect(await connectionInit({ cookie: `cl_access=${manager.token}`, origin: 'https://elsewhere.example' })).toBe(4403);
  });
});

describe('the signed agreement document', () => {
  it('is served only to the two sides and the staff covering them, privately; everyone else gets the 404 of a missing file', async () => {
    const id = await negotiating();
    const upload = await uploadFile(server.url, rep.token, PNG_1X1, 'hop-dong-ky.png', 'image/png');
    expect(upload.status).toBe(201);
    const agreed = await server.gql(
      Agree,
      { input: { id, quantity: 12_000, unit: 'KGM', unitPrice: 18_500, ...TERM, documentUploadId: upload.body.id } },
      { token: rep.token },
    );
    expect(agreed.data!.agreeLinkage).toEqual({ __typename: 'Linkage', status: 'AGREED' });
    // The link the linkage page shows.
    const shown = await server.gql(View, { id }, { token: manager.token });
    const url = shown.data!.linkage!.agreement!.documentUrl!;
    expect(url).toBe(upload.body.url);

    const byCookie = (token: string) => fetch(`${server.url}${url}`, { headers: { cookie: `cl_access=${token}` } });
    const byBearer = (token: string) => fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const coManager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
    const staff = await createUser(server, ['TRADE_STAFF']);
    const cauKeOfficer = await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: '845' });
    for (const [who, res] of [
      ['the company, by cookie', await byCookie(rep.token)],
      ['the cooperative, by cookie', await byCookie(manager.token)],
      ['another manager of the cooperative, by Bearer token', await byBearer(coManager.token)],
      ['province-wide staff', await byCookie(staff.token)],
      ['the officer of the cooperative’s district', await byCookie(cauKeOfficer.token)],
    ] as const) {
      expect(res.status, who).toBe(200);
      expect(res.headers.get('cache-control'), who).toBe('private, no-store');
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1X1), who).toBe(true);
    }

    const missing = await fetch(`${server.url}/uploads/00000000-0000-4000-8000-000000000000.png`);
    expect(missing.status).toBe(404);
    const notFoundBody = await missing.text();
    const outsiderCoop = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
    const otherCompany = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
    const traVinhOfficerElsewhere = await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: '849' });
    for (const [who, res] of [
      ['anonymous', await fetch(`${server.url}${url}`)],
      ['anonymous, HEAD', await fetch(`${server.url}${url}`, { method: 'HEAD' })],
      ['a browser asking for a page', await fetch(`${server.url}${url}`, { headers: { accept: 'text/html' } })],
      ['a manager of another cooperative', await byCookie(outsiderCoop.token)],
      ['another company', await byBearer(otherCompany.token)],
      ['an officer of another district', await byCookie(traVinhOfficerElsewhere.token)],
      ['a forged cookie', await byCookie('not-a-token')],
    ] as const) {
      expect(res.status, who).toBe(404);
      if (!who.includes('HEAD')) expect(await res.text(), who).toBe(notFoundBody);
      expect(res.headers.get('cache-control') ?? '', who).not.toMatch(/public/);
    }

    // Signing out ends access at once, even with the old cookie.
    const logout = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coManager.token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(logout.status).toBe(200);
    expect((await byBearer(coManager.token)).status).toBe(404);

    // Product photos and other images stay public and cacheable.
    const photo = await uploadFile(server.url, manager.token, PNG_1X1, 'san-pham.png', 'image/png');
    const publicPhoto = await fetch(`${server.url}${photo.body.url}`);
    expect(publicPhoto.status).toBe(200);
    expect(publicPhoto.headers.get('cache-control')).toMatch(/^public, max-age=31536000/);
  });
});

describe('a contract of several pages', () => {
  it('is taken as a PDF, served to the two sides as a download that runs nothing, and to nobody else', async () => {
    const id = await negotiating();
    const upload = await uploadFile(server.url, manager.token, PDF_MINIMAL, 'hop-dong-3-trang.pdf', 'application/pdf');
    expect(upload.status).toBe(201);
    expect(upload.body.url).toMatch(/\.pdf$/);
    const agreed = await server.gql(
      Agree,
      { input: { id, quantity: 12_000, unit: 'KGM', unitPrice: 18_500, ...TERM, documentUploadId: upload.body.id } },
      { token: manager.token },
    );
    expect(agreed.data!.agreeLinkage).toEqual({ __typename: 'Linkage', status: 'AGREED' });
    const res = await fetch(`${server.url}${upload.body.url}`, { headers: { cookie: `cl_access=${rep.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF_MINIMAL)).toBe(true);
    const stranger = await createUser(server, ['BUSINESS_REP'], { businessId: await createBusiness(server) });
    expect((await fetch(`${server.url}${upload.body.url}`, { headers: { cookie: `cl_access=${stranger.token}` } })).status).toBe(404);
  });
});
