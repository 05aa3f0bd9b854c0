import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
import { AppError, isDatabaseUnavailable } from '../common/errors';
import { createLoaders } from '../common/loaders';
import type { Config } from '../config';
import { accessTokenFrom } from '../modules/auth/auth.cookies';
import type { OversightData } from '../modules/oversight/oversight.service';
import type { Services } from '../services';
import { oversightWorkbook, registerColumns, registerRows } from './export-sheets';

const EXPORT_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNAVAILABLE: 503,
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Downloads for the steering committee: the cooperative register as CSV and
 * XLSX, and the dashboard figures as XLSX. Same rules as the API: staff only,
 * by cookie or Bearer token, and a scoped officer gets only their area.
 */
export function mountExports(app: FastifyInstance, ds: DataSource, services: Services, config: Config): void {
  const load = async (request: FastifyRequest, reply: FastifyReply): Promise<OversightData | null> => {
    let user;
    try {
      user = await services.auth.authenticate(ds, accessTokenFrom(request));
    } catch (err) {
      if (isDatabaseUnavailable(err)) return refuse(reply.code(503).header('retry-after', '2').send({ code: 'UNAVAILABLE' }));
      throw err;
    }
    if (!user || user === 'invalid') return refuse(reply.code(401).send({ code: 'UNAUTHENTICATED' }));
    if (!user.roles.some((r) => r === 'TRADE_STAFF' || r === 'ADMIN')) return refuse(reply.code(403).send({ code: 'FORBIDDEN' }));
    const query = request.query as { area?: string; year?: string };
    const year = query.year ? Number(query.year) : null;
    if (query.year && !/^\d{4}$/.test(query.year))
      return refuse(reply.code(400).send({ code: 'BAD_USER_INPUT', fields: [{ path: 'year' }] }));
    const ctx: RequestContext = {
      user,
      ip: request.ip,
      em: ds.manager,
      ds,
      loaders: createLoaders(ds.manager),
      services,
      config,
      request,
      reply,
    };
    try {
      return await services.oversight.data(ctx, query.area ?? null, year);
    } catch (err) {
      if (err instanceof AppError) {
        const code = err.extensions.code as string;
        const status = EXPORT_STATUS[code] ?? 500;
        return refuse(reply.code(status).send({ code, fields: err.extensions.fields }));
      }
      throw err;
    }
  };

  const fileName = (data: OversightData, base: string, ext: string) => `${base}-${data.scope.area.code}-${data.year}.${ext}`;
  const attach = (reply: FastifyReply, name: string, type: string) =>
    reply.header('Content-Type', type).header('Content-Disposition', `attachment; filename="${name}"`).header('Cache-Control', 'no-store');

  app.get('/exports/cooperatives.csv', async (request, reply) => {
    const data = await load(request, reply);
    if (!data) return reply;
    const columns = registerColumns(data.year);
    const lines = [columns.map((c) => csvCell(c.header)).join(',')];
    for (const row of registerRows(data)) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
    // The byte-order mark makes spreadsheet programs read the file as UTF-8, so Vietnamese survives.
    return attach(reply, fileName(data, 'hop-tac-xa', 'csv'), 'text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  app.get('/exports/cooperatives.xlsx', async (request, reply) => {
    const data = await load(request, reply);
    if (!data) return reply;
    const wb = new ExcelJS.Workbook();
    wb.creator = 'CoopLink';
    const sheet = wb.addWorksheet('Hợp tác xã', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = registerColumns(data.year);
    sheet.getRow(1).font = { bold: true };
    for (const row of registerRows(data)) sheet.addRow(row);
    return attach(reply, fileName(data, 'hop-tac-xa', 'xlsx'), XLSX).send(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  app.get('/exports/oversight.xlsx', async (request, reply) => {
    const data = await load(request, reply);
    if (!data) return reply;
    const wb = oversightWorkbook(data);
    return attach(reply, fileName(data, 'giam-sat', 'xlsx'), XLSX).send(Buffer.from(await wb.xlsx.writeBuffer()));
  });
}

/** The reply is sent; the caller has nothing more to do. */
function refuse(_sent: unknown): null {
  return null;
}

/** Quotes a CSV cell, and defuses text a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
