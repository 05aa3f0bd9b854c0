import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated';
import { createBusiness, createCooperative, createUser, tableCounts, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { createProductRow, decodeQrPng, epcisValidator } from '../support/trace';

const CreateLot = graphql(`
  mutation TTraceCreateLot($input: CreateLotInput!) {
    createLot(input: $input) {
      __typename
      ... on Lot {
        id
        code
        quantity
        unit
        producedOn
        expiresOn
        gtin
        publicPath
        version
      }
      ... on DuplicateError {
        code
        field
      }
    }
  }
`);

const Record = graphql(`
  mutation TTraceRecordEvent($input: RecordTraceEventInput!) {
    recordTraceEvent(input: $input) {
      __typename
      ... on TraceEvent {
        id
        seq
        type
        bizStep
        bizStepUri
        hash
        prevHash
        correctsEventId
        farmInput {
          product
          dose
          doseUnit
        }
        lots {
          role
          quantity
          unit
          lot {
            code
          }
        }
      }
      ... on MassBalanceError {
        code
        excess {
          unit
          inputs
          outputs
        }
      }
    }
  }
`);

const Integrity = graphql(`
  query TTraceIntegrity($code: String!) {
    lotIntegrity(code: $code) {
      valid
      checkedEvents
      firstBrokenEventId
    }
  }
`);

const Recall = graphql(`
  query TTraceRecall($code: String!) {
    lotRecall(code: $code) {
      lot {
        code
      }
      upstream {
        depth
        lot {
          code
        }
      }
      downstream {
        depth
        lot {
          code
        }
      }
      products {
        nameVi
      }
      cooperatives {
        id
      }
      recipients {
        business {
          id
        }
        lot {
          code
        }
      }
    }
  }
`);

const ProductLots = graphql(`
  query TTraceProductLots($id: ID!) {
    product(id: $id) {
      lots(first: 10) {
        totalCount
        edges {
          node {
            code
            events(first: 50) {
              totalCount
            }
          }
        }
      }
    }
  }
`);

let server: TestServer;
let coopId: string;
let productId: string;
let sugarProductId: string;
let manager: TestUser;
let outsider: TestUser;
let business: TestUser;
let staff: TestUser;
let buyerId: string;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function lot(code: string, extra: Record<string, unknown> = {}, product = productId) {
  const res = await server.gql(
    CreateLot,
    { input: { productId: product, code, quantity: 1000, unit: 'KGM', producedOn: '2025-10-01', ...extra } },
    { token: manager.token },
  );
  if (res.data?.createLot.__typename !== 'Lot') throw new Error(JSON.stringify(res));
  return res.data.createLot;
}

async function record(input: Record<string, unknown>, token = manager.token) {
  return server.gql(Record, { input: { type: 'OBJECT', action: 'OBSERVE', eventTime: hoursAgo(5), ...input } as never }, { token });
}

beforeAll(async () => {
  server = await startTestServer();
  coopId = await createCooperative(server);
  productId = await createProductRow(server, coopId);
  sugarProductId = await createProductRow(server, coopId, 'Đường dừa');
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId });
  outsider = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
  buyerId = await createBusiness(server);
  business = await createUser(server, ['BUSINESS_REP'], { businessId: buyerId });
  staff = await createUser(server, ['TRADE_STAFF']);
});
afterAll(() => server?.close());

describe('lots', () => {
  it('a manager creates a lot for their product, with a unique code', async () => {
    const created = await lot('DS-2025-001', { expiresOn: '2025-12-01', gtin: '08936123000011' });
    expect(created).toMatchObject({
      code: 'DS-2025-001',
      quantity: 1000,
      unit: 'KGM',
      gtin: '08936123000011',
      publicPath: '/01/08936123000011/10/DS-2025-001',
    });
    const again = await server.gql(
      CreateLot,
      { input: { productId, code: 'ds-2025-001', quantity: 5, unit: 'KGM', producedOn: '2025-10-02' } },
      { token: manager.token },
    );
    expect(again.data?.createLot).toEqual({ __typename: 'DuplicateError', code: 'DUPLICATE', field: 'code' });
  });

  it('anonymous callers, other roles and other cooperatives cannot create lots', async () => {
    const input = { productId, code: 'NOPE-1', quantity: 5, unit: 'KGM', producedOn: '2025-10-02' };
    expect((await server.gql(CreateLot, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(CreateLot, { input }, { token: business.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(CreateLot, { input }, { token: outsider.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableCounts(server, ['lot'])).toEqual({ lot: 1 });
  });

  it('refuses absurd quantities, unknown units and a bad GTIN, writing nothing', async () => {
    const base = { productId, code: 'BAD-1', quantity: 5, unit: 'KGM', producedOn: '2025-10-02' };
    for (const [patch, path] of [
      [{ quantity: -3 }, 'input.quantity'],
      [{ quantity: 5e12 }, 'input.quantity'],
      [{ unit: 'BUSHEL' }, 'input.unit'],
      [{ gtin: '08936123000012' }, 'input.gtin'],
      [{ expiresOn: '2025-01-01' }, 'input.expiresOn'],
    ] as const) {
      const res = await server.gql(CreateLot, { input: { ...base, ...patch } }, { token: manager.token });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields?.[0]?.path).toBe(path);
    }
    expect(await tableCounts(server, ['lot'])).toEqual({ lot: 1 });
  });
});

describe('trace events and the hash chain', () => {
  let coconut: { id: string; code: string };
  let sugar: { id: string; code: string };
  const eventIds: string[] = [];

  beforeAll(async () => {
    coconut = await lot('DUA-001');
    sugar = await lot('DUONG-001', { quantity: 150 }, sugarProductId);
  });

  it('chains each event to the previous one of its lot', async () => {
    const planted = await record({ lotId: coconut.id, bizStep: 'PLANTING', action: 'ADD', eventTime: hoursAgo(90) });
    const fert = await record({
      lotId: coconut.id,
      bizStep: 'FERTILISING',
      eventTime: hoursAgo(60),
      farmInput: { product: 'Phân hữu cơ vi sinh', dose: 500, doseUnit: 'KGM/HAR' },
    });
    const harvest = await record({ lotId: coconut.id, bizStep: 'HARVESTING', quantity: 1000, unit: 'KGM', eventTime: hoursAgo(30) });
    const events = [planted, fert, harvest].map((r) => r.data?.recordTraceEvent);
    for (const e of events) if (e?.__typename === 'TraceEvent') eventIds.push(e.id);
    expect(events.map((e) => e?.__typename === 'TraceEvent' && [e.seq, e.bizStep])).toEqual([
      [1, 'PLANTING'],
      [2, 'FERTILISING'],
      [3, 'HARVESTING'],
    ]);
    const [a, b] = events as { hash: string; prevHash: string | null; bizStepUri: string }[];
    expect(a!.prevHash).toBeNull();
    expect(b!.prevHash).toBe(a!.hash);
    expect(b!.bizStepUri).toBe('https://cooplink.vn/voc/bizstep/fertilising');
    expect(await server.gql(Integrity, { code: 'DUA-001' })).toMatchObject({
      data: { lotIntegrity: { valid: true, checkedEvents: 3, firstBrokenEventId: null } },
    });
  });

  it('refuses a transformation whose outputs exceed its inputs without a reason, and accepts it with one', async () => {
    const input = {
      lotId: sugar.id,
      type: 'TRANSFORMATION',
      action: null,
      bizStep: 'PROCESSING',
      eventTime: hoursAgo(20),
      inputs: [{ lotId: coconut.id, quantity: 100, unit: 'KGM' }],
      outputs: [{ lotId: sugar.id, quantity: 120, unit: 'KGM' }],
    };
    const before = await tableCounts(server, ['trace_event', 'trace_event_lot']);
    const refused = await record(input);
    expect(refused.data?.recordTraceEvent).toEqual({
      __typename: 'MassBalanceError',
      code: 'MASS_BALANCE',
      excess: [{ unit: 'KGM', inputs: 100, outputs: 120 }],
    });
    expect(await tableCounts(server, ['trace_event', 'trace_event_lot'])).toEqual(before);
    const ok = await record({
      ...input,
      outputs: [{ lotId: sugar.id, quantity: 150, unit: 'KGM' }],
      inputs: [{ lotId: coconut.id, quantity: 1000, unit: 'KGM' }],
    });
    expect(ok.data?.recordTraceEvent).toMatchObject({ __typename: 'TraceEvent', type: 'TRANSFORMATION', seq: 1 });
  });

  it('refuses bad input with typed errors and leaves no row behind', async () => {
    const before = await tableCounts(server, ['trace_event', 'trace_event_lot']);
    const cases: [Record<string, unknown>, string][] = [
      [{ lotId: coconut.id, bizStep: 'HARVESTING', quantity: -1, unit: 'KGM' }, 'input.quantity'],
      [{ lotId: coconut.id, bizStep: 'HARVESTING', quantity: 1e15, unit: 'KGM' }, 'input.quantity'],
      [{ lotId: coconut.id, bizStep: 'HARVESTING', quantity: 5, unit: 'XYZ' }, 'input.unit'],
      [{ lotId: coconut.id, bizStep: 'INSPECTING', eventTime: new Date(Date.now() + 86_400_000).toISOString() }, 'input.eventTime'],
      [{ lotId: coconut.id, bizStep: 'SPRAYING' }, 'input.farmInput.product'],
      [{ lotId: coconut.id, type: 'TRANSACTION', bizStep: 'SHIPPING' }, 'input.bizTransaction'],
    ];
    for (const [input, path] of cases) {
      const res = await record(input);
      expect(res.errors?.[0]?.extensions?.code, path).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields?.[0]?.path).toBe(path);
    }
    expect(await tableCounts(server, ['trace_event', 'trace_event_lot'])).toEqual(before);
  });

  it('refuses events on another cooperative’s lot, from other roles and from anonymous callers', async () => {
    const before = await tableCounts(server, ['trace_event']);
    expect((await record({ lotId: coconut.id, bizStep: 'INSPECTING' }, outsider.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await record({ lotId: coconut.id, bizStep: 'INSPECTING' }, business.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await record({ lotId: coconut.id, bizStep: 'INSPECTING' }, '')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await tableCounts(server, ['trace_event'])).toEqual(before);
  });

  it('a correction is a new event that names the one it corrects', async () => {
    const res = await record({
      lotId: coconut.id,
      bizStep: 'FERTILISING',
      eventTime: hoursAgo(60),
      farmInput: { product: 'Phân hữu cơ vi sinh', dose: 300, doseUnit: 'KGM/HAR' },
      correctsEventId: eventIds[1],
      correctionReason: 'Nhập nhầm liều lượng',
    });
    expect(res.data?.recordTraceEvent).toMatchObject({ __typename: 'TraceEvent', correctsEventId: eventIds[1], seq: 4 });
  });

  it('the database refuses UPDATE and DELETE of events, whatever the role', async () => {
    await expect(server.query(`UPDATE trace_event SET place = 'x' WHERE id = $1`, [eventIds[0]])).rejects.toThrow(/append-only/);
    await expect(server.query(`DELETE FROM trace_event WHERE id = $1`, [eventIds[0]])).rejects.toThrow(/append-only/);
    await expect(server.query(`DELETE FROM trace_event_lot WHERE event_id = $1`, [eventIds[0]])).rejects.toThrow(/append-only/);
    await expect(server.query(`TRUNCATE trace_event CASCADE`)).rejects.toThrow(/append-only/);
    const [row] = await server.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`);
    expect(row!.superuser).toBe(true);
  });

  it('lotIntegrity reports exactly the event an attacker changed with direct SQL', async () => {
    // An attacker with superuser rights can switch the triggers off; the hash chain still shows the edit.
    const runner = server.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL session_replication_role = replica`);
      await runner.query(`UPDATE trace_event SET details = jsonb_set(details, '{farmInput,dose}', '50') WHERE id = $1`, [eventIds[1]]);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect((await server.gql(Integrity, { code: 'DUA-001' })).data?.lotIntegrity).toEqual({
      valid: false,
      checkedEvents: 2,
      firstBrokenEventId: eventIds[1],
    });
    expect((await server.gql(Integrity, { code: 'DUONG-001' })).data?.lotIntegrity).toEqual({
      valid: true,
      checkedEvents: 1,
      firstBrokenEventId: null,
    });
  });

  it('recall walks one step back and one step forward to the businesses that received the goods', async () => {
    const shipped = await record({
      lotId: sugar.id,
      type: 'TRANSACTION',
      action: 'ADD',
      bizStep: 'SHIPPING',
      disposition: 'IN_TRANSIT',
      bizTransaction: 'HD-0042',
      destinationBusinessId: buyerId,
      quantity: 150,
      unit: 'KGM',
      eventTime: hoursAgo(2),
    });
    expect(shipped.data?.recordTraceEvent.__typename).toBe('TraceEvent');
    const res = await server.gql(Recall, { code: 'DUA-001' }, { token: staff.token });
    expect(res.data?.lotRecall).toEqual({
      lot: { code: 'DUA-001' },
      upstream: [],
      downstream: [{ depth: 1, lot: { code: 'DUONG-001' } }],
      products: [{ nameVi: 'Dừa sáp Cầu Kè' }, { nameVi: 'Đường dừa' }].sort((a, b) => a.nameVi.localeCompare(b.nameVi)),
      cooperatives: [{ id: coopId }],
      recipients: [{ business: { id: buyerId }, lot: { code: 'DUONG-001' } }],
    });
    const back = await server.gql(Recall, { code: 'DUONG-001' }, { token: manager.token });
    expect(back.data?.lotRecall.upstream).toEqual([{ depth: 1, lot: { code: 'DUA-001' } }]);
    expect((await server.gql(Recall, { code: 'DUA-001' }, { token: outsider.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(Recall, { code: 'DUA-001' }, { token: business.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(Recall, { code: 'DUA-001' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the product lists its lots publicly', async () => {
    const res = await server.gql(ProductLots, { id: productId });
    expect(res.data?.product?.lots.totalCount).toBe(2);
    expect(res.data?.product?.lots.edges.find((e) => e.node.code === 'DUA-001')?.node.events.totalCount).toBe(5);
  });
});

describe('public trace page, QR codes and EPCIS export', () => {
  it('serves a small page in Vietnamese by default and in English on request', async () => {
    const vi = await fetch(`${server.url}/t/DUONG-001`, { headers: { accept: 'text/html' } });
    const html = await vi.text();
    expect(vi.status).toBe(200);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(30 * 1024);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Đường dừa');
    expect(html).toContain('Nhật ký sản xuất');
    expect(html).toContain('DUA-001');
    expect(html).not.toContain('<script');
    const en = await (await fetch(`${server.url}/t/DUONG-001?lang=en`)).text();
    expect(en).toContain('Production timeline');
    const accept = await (await fetch(`${server.url}/t/DUONG-001`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    expect(accept).toContain('<html lang="en"');
  });

  it('stays under 30 kB for a lot with a long history of verbose events and several certificates', async () => {
    const busy = await lot('BUSY-001');
    for (let i = 0; i < 4; i++)
      await server.query(
        `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on) VALUES ($1, 'VIETGAP', $2, 'Trung tâm Chứng nhận Phù hợp QUACERT chi nhánh Cần Thơ', '2024-01-01', '2026-01-01')`,
        [productId, `VG-${i}-${'9'.repeat(12)}`],
      );
    for (let i = 0; i < 50; i++) {
      const res = await record({
        lotId: busy.id,
        bizStep: 'FERTILISING',
        eventTime: hoursAgo(100 - i),
        place: 'Vườn dừa số 12, ấp Ô Chích, xã Châu Điền, huyện Cầu Kè',
        notes: 'Bón thúc đợt hai sau khi tưới, trời nắng, đất đủ ẩm; '.repeat(8),
        farmInput: { product: 'Phân hữu cơ vi sinh Sông Gianh loại đặc biệt', dose: 512.5, doseUnit: 'KGM/HAR' },
      });
      expect(res.data?.recordTraceEvent.__typename).toBe('TraceEvent');
    }
    for (const lang of ['vi', 'en']) {
      const html = await (await fetch(`${server.url}/t/BUSY-001?lang=${lang}`)).text();
      console.log(
        `Trace page of a 50-event lot (${lang}): ${Buffer.byteLength(html)} bytes, ${html.match(/class="e/g)?.length} events shown`,
      );
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(30 * 1024);
      expect(html).toMatch(lang === 'vi' ? /sự kiện trước đó/ : /earlier events/);
    }
  });

  it('answers an unknown code with a helpful 404 page', async () => {
    const res = await fetch(`${server.url}/t/KHONG-CO`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Không tìm thấy lô hàng');
  });

  it('resolves the GS1 Digital Link path and encodes it in the QR code', async () => {
    const page = await fetch(`${server.url}/01/08936123000011/10/DS-2025-001`);
    expect(page.status).toBe(200);
    expect((await fetch(`${server.url}/01/08936123000099/10/DS-2025-001`)).status).toBe(404);
    const png = Buffer.from(await (await fetch(`${server.url}/t/DS-2025-001/qr.png`)).arrayBuffer());
    expect(decodeQrPng(png)).toBe(`${server.url}/01/08936123000011/10/DS-2025-001`);
    const plain = Buffer.from(await (await fetch(`${server.url}/t/DUA-001/qr.png`)).arrayBuffer());
    expect(decodeQrPng(plain)).toBe(`${server.url}/t/DUA-001`);
    const svg = await fetch(`${server.url}/t/DUA-001/qr.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it('prints a sheet of N labels', async () => {
    const html = await (await fetch(`${server.url}/t/DUA-001/labels?n=6`)).text();
    expect(html.match(/class="l"/g)).toHaveLength(6);
    expect(html).toContain('@media print');
  });

  it('exports the lot with its upstream lineage as a valid EPCIS 2.0 document', async () => {
    const validate = epcisValidator();
    const res = await fetch(`${server.url}/t/DUONG-001/epcis.json`);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    const doc = (await res.json()) as { id: string; epcisBody: { eventList: { type: string; errorDeclaration?: unknown }[] } };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.id).toMatch(/^urn:uuid:/);
    expect(doc.epcisBody.eventList.map((e) => e.type).sort()).toEqual(
      ['ObjectEvent', 'ObjectEvent', 'ObjectEvent', 'ObjectEvent', 'TransformationEvent', 'TransactionEvent'].sort(),
    );
    expect(doc.epcisBody.eventList.filter((e) => e.errorDeclaration)).toHaveLength(1);
  });
});

describe('the public page of a lot whose product is not published', () => {
  it('shows the lot without the draft product’s name, certificates or labels text, and the product once it is published', async () => {
    const [draft] = await server.query<{ id: string }>(
      `INSERT INTO product (cooperative_id, category_code, name_vi, name_en, description_vi, unit, available_months, packaging, status)
       VALUES ($1, (SELECT code FROM category ORDER BY code LIMIT 1), 'Mứt dừa công thức mới', 'New-recipe coconut jam', '', 'KGM', '{}', '', 'DRAFT')
       RETURNING id`,
      [coopId],
    );
    await server.query(
      `INSERT INTO certification (product_id, scheme, number, issuer, issued_on) VALUES ($1, 'VIETGAP', 'VG-NHAP-777', 'Chi cục Thử nghiệm', '2025-01-01')`,
      [draft!.id],
    );
    await lot('NHAP-001', { gtin: '08936123000028' }, draft!.id);
    const [coop] = await server.query<{ name: string }>(`SELECT name FROM cooperative WHERE id = $1`, [coopId]);
    const secrets = ['Mứt dừa công thức mới', 'New-recipe coconut jam', 'VG-NHAP-777'];
    const pages = async () => ({
      vi: await fetch(`${server.url}/t/NHAP-001`),
      en: await fetch(`${server.url}/t/NHAP-001?lang=en`),
      link: await fetch(`${server.url}/01/08936123000028/10/NHAP-001`),
      labels: await fetch(`${server.url}/t/NHAP-001/labels?n=2`),
    });

    const hidden = await pages();
    const texts: Record<string, string> = {};
    for (const [k, res] of Object.entries(hidden)) {
      expect(res.status, k).toBe(200);
      texts[k] = await res.text();
      for (const s of secrets) expect(texts[k], `${k} shows ${s}`).not.toContain(s);
      expect(texts[k]).toContain('NHAP-001');
      expect(texts[k]).toContain(coop!.name);
    }
    expect(texts.vi).toContain('Lô hàng NHAP-001');
    expect(texts.vi).toContain('Thông tin sản phẩm chưa được công bố.');
    expect(texts.en).toContain('Lot NHAP-001');
    expect(texts.en).toContain('The product details have not been published yet.');

    // The API says the same: the lot is public, its unpublished product only to the cooperative and staff.
    const LOT = `query($code: String!) { lot(code: $code) { code product { nameVi } } }`;
    const asked = (token?: string) =>
      server.gql<{ lot: { code: string; product: { nameVi: string } | null } }, unknown>(LOT, { code: 'NHAP-001' }, token ? { token } : {});
    expect((await asked()).data!.lot).toEqual({ code: 'NHAP-001', product: null });
    expect((await asked(outsider.token)).data!.lot).toEqual({ code: 'NHAP-001', product: null });
    expect((await asked(business.token)).data!.lot).toEqual({ code: 'NHAP-001', product: null });
    expect((await asked(manager.token)).data!.lot.product).toEqual({ nameVi: 'Mứt dừa công thức mới' });
    expect((await asked(staff.token)).data!.lot.product).toEqual({ nameVi: 'Mứt dừa công thức mới' });

    await server.query(`UPDATE product SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [draft!.id]);
    expect((await asked()).data!.lot.product).toEqual({ nameVi: 'Mứt dừa công thức mới' });
    const shown = await pages();
    expect(await shown.vi.text()).toContain('Mứt dừa công thức mới');
    const en = await shown.en.text();
    expect(en).toContain('New-recipe coconut jam');
    expect(en).toContain('VG-NHAP-777');
    expect(await shown.labels.text()).toContain('Mứt dừa công thức mới');
  });
});
