import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { graphql } from '../generated';
import { createUser, tableCounts, type TestUser } from '../support/fixtures';
import { Summary } from '../support/oversight';
import { startTestServer, type TestServer } from '../support/test-server';

const History = graphql(`
  query TOversightHistory($id: ID!) {
    cooperative(id: $id) {
      id
      statusHistory {
        changedOn
        from
        to
        reason
      }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation TOversightAccessChangeStatus($input: RecordStatusChangeInput!) {
    recordStatusChange(input: $input) {
      __typename
      ... on Cooperative {
        id
        status
        version
      }
      ... on InvalidTransitionError {
        code
        from
        to
      }
    }
  }
`);

const Rate = graphql(`
  mutation TOversightAccessRate($input: RecordRatingInput!) {
    recordRating(input: $input) {
      id
    }
  }
`);

const Audit = graphql(`
  query TOversightAudit($filter: AuditFilter, $first: Int) {
    auditLog(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          action
          entity
          entityId
          actorEmail
          data
          at
        }
      }
    }
  }
`);

let server: TestServer;
let staff: TestUser;
let scoped: TestUser;
let manager: TestUser;
let insideId: string;
let outsideId: string;

const download = (path: string, caller: { token?: string; cookie?: string } = {}) =>
  fetch(`${server.url}${path}`, {
    headers: {
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
    },
  });

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 1 });
  staff = await createUser(server, ['TRADE_STAFF']);
  scoped = await createUser(server, ['TRADE_STAFF'], { scopeAreaCode: '845' });
  const [inside] = await server.query<{ id: string }>(
    `SELECT c.id FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845' AND c.status = 'OPERATING' ORDER BY c.id LIMIT 1`,
  );
  const [outside] = await server.query<{ id: string }>(
    `SELECT c.id FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '849' AND c.status = 'SUSPENDED' ORDER BY c.id LIMIT 1`,
  );
  insideId = inside!.id;
  outsideId = outside!.id;
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: insideId });
}, 300_000);
afterAll(async () => {
  await server?.close();
});

describe('status changes', () => {
  it('records a suspension with date, reason and who, keeps the history and writes the audit trail', async () => {
    const res = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: insideId, status: 'SUSPENDED', changedOn: '2025-04-01', reason: 'Ngừng sản xuất do hạn mặn' } },
      { token: staff.token },
    );
    expect(res.data?.recordStatusChange).toMatchObject({ __typename: 'Cooperative', status: 'SUSPENDED' });
    const resumed = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: insideId, status: 'OPERATING', changedOn: '2025-09-15', reason: 'Hoạt động trở lại' } },
      { token: staff.token },
    );
    expect(resumed.data?.recordStatusChange).toMatchObject({ __typename: 'Cooperative', status: 'OPERATING' });
    const history = await server.gql(History, { id: insideId }, { token: staff.token });
    expect(history.data?.cooperative?.statusHistory).toEqual([
      { changedOn: '2025-09-15', from: 'SUSPENDED', to: 'OPERATING', reason: 'Hoạt động trở lại' },
      { changedOn: '2025-04-01', from: 'OPERATING', to: 'SUSPENDED', reason: 'Ngừng sản xuất do hạn mặn' },
    ]);
    const [row] = await server.query<{ recorded_by: string }>(
      `SELECT recorded_by FROM cooperative_status_change WHERE cooperative_id = $1 ORDER BY changed_on DESC LIMIT 1`,
      [insideId],
    );
    expect(row!.recorded_by).toBe(staff.id);
    const audit = await server.gql(Audit, { filter: { action: 'cooperative.status_changed', entityId: insideId } }, { token: staff.token });
    expect(audit.data?.auditLog.totalCount).toBe(2);
    expect(audit.data?.auditLog.edges[0]!.node).toMatchObject({ actorEmail: staff.email, entity: 'cooperative' });
    expect(JSON.parse(audit.data!.auditLog.edges[0]!.node.data)).toMatchObject({ from: 'SUSPENDED', to: 'OPERATING' });
  });

  it('answers an impossible step with InvalidTransitionError and refuses future dates, writing nothing', async () => {
    const before = await tableCounts(server, ['cooperative_status_change', 'audit_log']);
    const dissolve = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: insideId, status: 'DISSOLVED', changedOn: '2025-10-01', reason: 'x' } },
      { token: staff.token },
    );
    expect(dissolve.data?.recordStatusChange).toEqual({
      __typename: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'OPERATING',
      to: 'DISSOLVED',
    });
    const future = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: insideId, status: 'SUSPENDED', changedOn: '2099-01-01', reason: 'x' } },
      { token: staff.token },
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.changedOn' }] });
    const blank = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: insideId, status: 'SUSPENDED', changedOn: '2025-10-01', reason: '' } },
      { token: staff.token },
    );
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(server, ['cooperative_status_change', 'audit_log'])).toEqual(before);
  });

  it('refuses anonymous callers, managers and business representatives', async () => {
    const rep = await createUser(server, ['BUSINESS_REP']);
    for (const [caller, code] of [
      [{}, 'UNAUTHENTICATED'],
      [{ token: manager.token }, 'FORBIDDEN'],
      [{ token: rep.token }, 'FORBIDDEN'],
    ] as const) {
      const res = await server.gql(
        ChangeStatus,
        { input: { cooperativeId: insideId, status: 'SUSPENDED', changedOn: '2025-10-01', reason: 'x' } },
        caller,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      const summary = await server.gql(Summary, {}, caller);
      expect(summary.errors?.[0]?.extensions?.code).toBe(code);
      const audit = await server.gql(Audit, {}, caller);
      expect(audit.errors?.[0]?.extensions?.code).toBe(code);
      const history = await server.gql(History, { id: insideId }, caller);
      expect(history.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await server.query(`SELECT status FROM cooperative WHERE id = $1`, [insideId])).toEqual([{ status: 'OPERATING' }]);
  });

  it('keeps the history append-only in the database', async () => {
    await expect(server.query(`UPDATE cooperative_status_change SET reason = 'sửa' WHERE cooperative_id = $1`, [insideId])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('a scoped officer', () => {
  it('sees their district by default and is refused the province and other districts', async () => {
    const own = await server.gql(Summary, {}, { token: scoped.token });
    const [{ n }] = (await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845' AND c.established_on <= make_date($1, 12, 31)`,
      [own.data!.oversightSummary.year],
    )) as [{ n: number }];
    expect(own.data?.oversightSummary).toMatchObject({ area: { code: '845' }, cooperatives: n });
    const ownIds = new Set(
      (
        await server.query<{ id: string }>(`SELECT c.id FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845'`)
      ).map((r) => r.id),
    );
    expect(own.data!.oversightSummary.stopped.every((x) => ownIds.has(x.cooperative.id))).toBe(true);
    expect(own.data!.oversightSummary.pilots.every((x) => ownIds.has(x.cooperative.id))).toBe(true);
    for (const areaCode of ['84', '849', '8490']) {
      const res = await server.gql(Summary, { areaCode }, { token: scoped.token });
      expect(res.errors?.[0]?.extensions?.code, areaCode).toBe(areaCode === '8490' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
    }
    const [commune] = await server.query<{ code: string }>(`SELECT code FROM area WHERE parent_code = '845' ORDER BY code LIMIT 1`);
    const inner = await server.gql(Summary, { areaCode: commune!.code }, { token: scoped.token });
    expect(inner.data?.oversightSummary.area.code).toBe(commune!.code);
  });

  it('cannot reach another district’s cooperative by guessing its id', async () => {
    const before = await tableCounts(server, ['cooperative_status_change', 'cooperative_rating', 'audit_log']);
    const history = await server.gql(History, { id: outsideId }, { token: scoped.token });
    expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const change = await server.gql(
      ChangeStatus,
      { input: { cooperativeId: outsideId, status: 'OPERATING', changedOn: '2025-10-01', reason: 'x' } },
      { token: scoped.token },
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rate = await server.gql(Rate, { input: { cooperativeId: outsideId, year: 2025, score: 90 } }, { token: scoped.token });
    expect(rate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await server.gql(Audit, { filter: { entityId: outsideId }, first: 100 }, { token: scoped.token });
    expect(audit.data?.auditLog.totalCount).toBe(0);
    const all = await server.gql(Audit, { first: 100 }, { token: scoped.token });
    const own = new Set(
      (
        await server.query<{ id: string }>(
          `SELECT c.id::text AS id FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845'`,
        )
      ).map((r) => r.id),
    );
    expect(all.data!.auditLog.edges.length).toBeGreaterThan(0);
    expect(all.data!.auditLog.edges.every((e) => e.node.entity === 'cooperative' && own.has(e.node.entityId))).toBe(true);
    expect(await tableCounts(server, ['cooperative_status_change', 'cooperative_rating', 'audit_log'])).toEqual(before);
    // Provincial staff see it.
    expect((await server.gql(History, { id: outsideId }, { token: staff.token })).data?.cooperative?.statusHistory.length).toBeGreaterThan(
      0,
    );
  });

  it('gets only their district in the exports and is refused others', async () => {
    for (const path of ['/exports/cooperatives.csv?area=849', '/exports/cooperatives.xlsx?area=84', '/exports/oversight.xlsx?area=842']) {
      expect((await download(path, { token: scoped.token })).status, path).toBe(403);
    }
    const csv = await (await download('/exports/cooperatives.csv?year=2025', { token: scoped.token })).text();
    const names = (
      await server.query<{ name: string }>(
        `SELECT c.name FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845'`,
      )
    ).map((r) => r.name);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(names.length);
    expect(lines.every((l) => names.some((n) => l.startsWith(n)))).toBe(true);
  });
});

describe('exports', () => {
  it('refuses anonymous callers and non-staff, and accepts the staff cookie as well as a Bearer token', async () => {
    expect((await download('/exports/cooperatives.csv')).status).toBe(401);
    expect((await download('/exports/cooperatives.csv', { token: manager.token })).status).toBe(403);
    expect((await download('/exports/oversight.xlsx', { token: 'not-a-token' })).status).toBe(401);
    expect((await download('/exports/cooperatives.csv?year=19x', { token: staff.token })).status).toBe(400);
    const byCookie = await download('/exports/cooperatives.csv', { cookie: `cl_access=${staff.token}` });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('content-type')).toContain('text/csv');
  });

  it('writes a UTF-8 CSV register with a byte-order mark and Vietnamese headings', async () => {
    const res = await download('/exports/cooperatives.csv?year=2019', { token: staff.token });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header!.startsWith('Tên hợp tác xã,Mã số đăng ký,Xã/phường')).toBe(true);
    expect(rows).toHaveLength(180);
  });

  it('writes an XLSX register a real reader opens, with typed cells and Vietnamese text intact', async () => {
    const res = await download('/exports/cooperatives.xlsx?area=845&year=2024', { token: staff.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('hop-tac-xa-845-2024.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Hợp tác xã')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên hợp tác xã');
    const db = await server.query<{ name: string; established_on: string; member_count: number; charter_capital: string; area: string }>(
      `SELECT c.name, c.established_on::text AS established_on, c.member_count, c.charter_capital::text AS charter_capital, a.name AS area
         FROM cooperative c JOIN area a ON a.code = c.area_code WHERE a.parent_code = '845' AND c.established_on <= '2024-12-31'`,
    );
    expect(sheet.rowCount - 1).toBe(db.length);
    for (let i = 2; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      const name = row.getCell(1).value as string;
      const match = db.find((d) => d.name === name);
      expect(match, name).toBeDefined();
      expect(row.getCell(3).value).toBe(match!.area);
      const established = row.getCell(7).value;
      expect(established).toBeInstanceOf(Date);
      expect((established as Date).toISOString().slice(0, 10)).toBe(match!.established_on);
      expect(row.getCell(8).value).toBe(match!.member_count);
      expect(row.getCell(9).value).toBe(Number(match!.charter_capital));
      expect(row.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    }
    expect(db.some((d) => /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i.test(d.name))).toBe(true);
  });

  it('writes the dashboard figures as XLSX equal to the API, with shares as numbers', async () => {
    const api = (await server.gql(Summary, { year: 2019 }, { token: staff.token })).data!.oversightSummary;
    const res = await download('/exports/oversight.xlsx?year=2019', { token: staff.token });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const head = wb.getWorksheet('Tổng hợp')!;
    const values = new Map<string, ExcelJS.CellValue>();
    head.eachRow((row, n) => n > 1 && values.set(row.getCell(1).value as string, row.getCell(2).value));
    expect(values.get('Địa bàn')).toBe('Tỉnh Trà Vinh');
    expect(values.get('Số hợp tác xã')).toBe(180);
    expect(values.get('Tỷ lệ tốt, khá')).toBeCloseTo(api.goodOrFairShare, 12);
    expect(values.get('Tỷ lệ yếu kém, ngừng hoạt động')).toBeCloseTo(api.weakOrSuspendedShare, 12);
    const areas = wb.getWorksheet('Theo địa bàn')!;
    expect(areas.getRow(2).getCell(2).value).toBe(
      (await server.query<{ name: string }>(`SELECT name FROM area WHERE code = $1`, [api.byArea[0]!.area.code]))[0]!.name,
    );
    expect(areas.getRow(2).getCell(7).numFmt).toBe('0.0%');
    expect(typeof areas.getRow(2).getCell(7).value).toBe('number');
    expect(wb.getWorksheet('Xu hướng')!.rowCount - 1).toBe(api.trend.length);
  });
});
