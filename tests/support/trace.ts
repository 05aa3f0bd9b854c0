import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { TestServer } from './test-server';

/** A published product of the cooperative, inserted directly. */
export async function createProductRow(server: TestServer, cooperativeId: string, name = 'Dừa sáp Cầu Kè'): Promise<string> {
  const [row] = await server.query<{ id: string }>(
    `INSERT INTO product (cooperative_id, category_code, name_vi, description_vi, unit, available_months, packaging, status, published_at)
     VALUES ($1, (SELECT code FROM category ORDER BY code LIMIT 1), $2, '', 'KGM', '{}', '', 'PUBLISHED', now()) RETURNING id`,
    [cooperativeId, name],
  );
  return row!.id;
}

/** The official EPCIS 2.0 JSON Schema, compiled once per file. */
export function epcisValidator() {
  const schema = JSON.parse(readFileSync(new URL('./epcis/EPCIS-JSON-Schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Decodes a PNG QR code with a real decoder. */
export function decodeQrPng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
