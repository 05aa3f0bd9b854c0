import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { lotPublicPath } from '../modules/trace/labels';
import { findLot, loadEpcisDocument, loadTracePage } from '../modules/trace/trace-data';
import { renderLabelSheet, renderNotFound, renderTracePage } from '../modules/trace/trace-page';
import { pickLang } from '../modules/trace/trace-page-text';
import type { Lot } from '../modules/trace/trace.entity';

interface LotParams {
  code: string;
}
interface DigitalLinkParams {
  gtin: string;
  lot: string;
}
type Query = { lang?: string; n?: string; code?: string };

/**
 * The public side of traceability, outside GraphQL so it works from a QR
 * scan on any phone: `/t/<lot>` (HTML, no JavaScript), the GS1 Digital Link
 * form `/01/<gtin>/10/<lot>`, QR images, the EPCIS export and a label sheet.
 */
export function mountTracePages(app: FastifyInstance, ds: DataSource, config: Config): void {
  const base = (req: FastifyRequest) => (config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
  const lang = (req: FastifyRequest<{ Querystring: Query }>) => pickLang(req.query.lang, req.headers['accept-language']);

  const page = async (req: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, lot: Lot | null, code: string, path: string) => {
    const l = lang(req);
    reply.header('Vary', 'Accept-Language').header('Content-Language', l);
    if (!lot) return reply.code(404).type('text/html; charset=utf-8').send(renderNotFound(code, l));
    const html = renderTracePage(await loadTracePage(ds.manager, lot), l, path);
    return reply.header('Cache-Control', 'public, max-age=60').type('text/html; charset=utf-8').send(html);
  };

  app.get<{ Querystring: Query }>('/t', async (req, reply) => {
    const code = (req.query.code ?? '').trim().toUpperCase();
    const l = req.query.lang === 'en' ? '?lang=en' : '';
    return reply.redirect(code ? `/t/${encodeURIComponent(code)}${l}` : `/${l}`, 303);
  });

  app.get<{ Params: LotParams; Querystring: Query }>('/t/:code', async (req, reply) => {
    const lot = await findLot(ds.manager, req.params.code);
    return page(req, reply, lot, req.params.code, `/t/${encodeURIComponent(req.params.code)}`);
  });

  app.get<{ Params: DigitalLinkParams; Querystring: Query }>('/01/:gtin/10/:lot', async (req, reply) => {
    const lot = /^[0-9]{14}$/.test(req.params.gtin) ? await findLot(ds.manager, req.params.lot, req.params.gtin) : null;
    return page(req, reply, lot, req.params.lot, `/01/${req.params.gtin}/10/${encodeURIComponent(req.params.lot)}`);
  });

  const withLot =
    (handler: (lot: Lot, req: FastifyRequest<{ Params: LotParams; Querystring: Query }>, reply: FastifyReply) => Promise<unknown>) =>
    async (req: FastifyRequest<{ Params: LotParams; Querystring: Query }>, reply: FastifyReply) => {
      const lot = await findLot(ds.manager, req.params.code);
      if (!lot) return reply.code(404).send({ code: 'NOT_FOUND' });
      return handler(lot, req, reply);
    };

  app.get<{ Params: LotParams; Querystring: Query }>(
    '/t/:code/qr.svg',
    withLot(async (lot, req, reply) => {
      const svg = await QRCode.toString(base(req) + lotPublicPath(lot), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.header('Cache-Control', 'public, max-age=3600').type('image/svg+xml').send(svg);
    }),
  );

  app.get<{ Params: LotParams; Querystring: Query }>(
    '/t/:code/qr.png',
    withLot(async (lot, req, reply) => {
      const png = await QRCode.toBuffer(base(req) + lotPublicPath(lot), { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
      return reply.header('Cache-Control', 'public, max-age=3600').type('image/png').send(png);
    }),
  );

  app.get<{ Params: LotParams; Querystring: Query }>(
    '/t/:code/epcis.json',
    withLot(async (lot, req, reply) => {
      const doc = await loadEpcisDocument(ds.manager, lot, base(req));
      return reply
        .type('application/ld+json; charset=utf-8')
        .header('Content-Disposition', `inline; filename="${lot.code}.epcis.json"`)
        .send(JSON.stringify(doc));
    }),
  );

  app.get<{ Params: LotParams; Querystring: Query }>(
    '/t/:code/labels',
    withLot(async (lot, req, reply) => {
      const n = Math.min(Math.max(Number.parseInt(req.query.n ?? '12', 10) || 12, 1), 60);
      const url = base(req) + lotPublicPath(lot);
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      const html = renderLabelSheet(await loadTracePage(ds.manager, lot), lang(req), svg, n, url);
      return reply.type('text/html; charset=utf-8').send(html);
    }),
  );
}
