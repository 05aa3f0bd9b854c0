import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertRows } from './bulk';
import { CATEGORIES } from './data/categories';
import type { Queryable } from './queryable';

export type { Queryable } from './queryable';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The project's shared folder (facts, area codes, standards); SHARED_DIR overrides it. */
export function sharedDir(): string {
  return path.resolve(REPO_ROOT, process.env.SHARED_DIR ?? '../shared');
}

export type AreaKind = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'TOWN' | 'WARD' | 'COMMUNE' | 'TOWNLET';

export interface AreaEntry {
  code: string;
  name: string;
  type: AreaKind;
  parent?: string;
}

export interface AreaFile {
  validUntil: string;
  province: AreaEntry;
  districts: AreaEntry[];
  communes: AreaEntry[];
}

let cached: AreaFile | undefined;

/** data/tra-vinh-areas.json: the province, its 9 districts and 105 communes as coded 2020–2025. */
export function readAreaFile(): AreaFile {
  cached ??= JSON.parse(readFileSync(path.join(sharedDir(), 'data', 'tra-vinh-areas.json'), 'utf8')) as AreaFile;
  return cached;
}

const AREA_COLUMNS = { code: 'text', name: 'text', kind: 'text', level: 'smallint', parent_code: 'text', valid_to: 'date' } as const;

/**
 * Upserts the area tree and the product taxonomy; safe to run on every start.
 *
 * The areas are the units in force until the 2025 reorganisation, so they close
 * on the file's `validUntil`. They open at the schema's default (1900-01-01):
 * the directive's 2019 figures and older founding dates must still resolve to
 * a district. The merged Vĩnh Long units are not added here: a second root with
 * no cooperatives under it would only confuse pickers that list provinces.
 */
export async function loadReferenceData(q: Queryable): Promise<void> {
  const file = readAreaFile();
  const levels: Array<[AreaEntry[], number]> = [
    [[file.province], 1],
    [file.districts, 2],
    [file.communes, 3],
  ];
  for (const [entries, level] of levels) {
    await insertRows(
      q,
      'area',
      AREA_COLUMNS,
      entries.map((a) => ({ code: a.code, name: a.name, kind: a.type, level, parent_code: a.parent ?? null, valid_to: file.validUntil })),
      `ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, level = EXCLUDED.level,
         parent_code = EXCLUDED.parent_code, valid_to = EXCLUDED.valid_to`,
    );
  }

  const position = new Map<string, number>();
  const categories = CATEGORIES.map((c) => {
    const dot = c.code.lastIndexOf('.');
    const parent = dot < 0 ? null : c.code.slice(0, dot);
    const key = parent ?? '';
    const pos = position.get(key) ?? 0;
    position.set(key, pos + 1);
    return { code: c.code, parent_code: parent, depth: c.code.split('.').length - 1, name_vi: c.vi, name_en: c.en, position: pos };
  });
  // Parents first, so each row's foreign key already resolves.
  for (let depth = 0; depth <= Math.max(...categories.map((c) => c.depth)); depth++) {
    await insertRows(
      q,
      'category',
      { code: 'text', parent_code: 'text', depth: 'smallint', name_vi: 'text', name_en: 'text', position: 'smallint' },
      categories.filter((c) => c.depth === depth),
      `ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, depth = EXCLUDED.depth,
         name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, position = EXCLUDED.position`,
    );
  }
}
