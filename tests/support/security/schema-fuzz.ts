import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { deepLiteral, deeplyNested, HOSTILE_NUMBERS, HOSTILE_STRINGS, MALFORMED_IDS, UNKNOWN_ENUM_VALUES } from './hostile-values';

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
}

/** Real values from the database, so that generated requests reach the rules behind the checks. */
export interface RealValues {
  /** IDs by table name. */
  ids: Record<string, string[]>;
  areaCodes: string[];
  categoryCodes: string[];
  lotCodes: string[];
}

/** Which table an ID-typed input field most likely points into. */
function tablesForId(field: string, parent: string): string[] {
  const f = field.toLowerCase();
  if (f.includes('upload')) return ['upload'];
  if (f.includes('cooperative')) return ['cooperative'];
  if (f.includes('business')) return ['business'];
  if (f.includes('organization')) return ['cooperative', 'business'];
  if (f.includes('meeting')) return ['fair_meeting'];
  if (f.includes('registration')) return ['fair_registration'];
  if (f.includes('request')) return ['meeting_request'];
  if (f.includes('lot')) return ['lot'];
  if (f.includes('linkage')) return ['linkage'];
  if (f.includes('fair')) return ['fair'];
  if (f.includes('brand')) return ['brand'];
  if (f.includes('product')) return ['product'];
  if (f.includes('need')) return ['need'];
  if (f.includes('event')) return ['trace_event'];
  if (f === 'ids') return ['notification'];
  const p = parent.toLowerCase();
  for (const t of ['product', 'lot', 'need', 'fair', 'linkage', 'cooperative', 'business', 'meeting', 'registration', 'notification']) {
    if (p.includes(t)) return [t === 'meeting' ? 'fair_meeting' : t === 'registration' ? 'fair_registration' : t];
  }
  return [];
}

const isInt32 = (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.constant({}),
    fc.constant([]),
    fc.constant({ __proto__: { admin: true }, constructor: { prototype: {} } }),
    fc.constant(deeplyNested(2_000, 'object')),
    fc.constant(deeplyNested(2_000, 'array')),
  );

export class InputFuzzer {
  /**
   * `wellTyped` keeps every value of its declared GraphQL type (hostile only in
   * content), so requests get past GraphQL's own checks to the resolvers; the
   * other mode also sends wrong types, nulls and unknown enum values.
   */
  constructor(
    private readonly real: RealValues,
    private readonly wellTyped: boolean,
  ) {}

  private sometimes(weight: number): number {
    return this.wellTyped ? 0 : weight;
  }

  private realisticString(field: string): fc.Arbitrary<string> {
    const f = field.toLowerCase();
    const pick = (xs: string[]) => (xs.length > 0 ? fc.constantFrom(...xs) : fc.constant('x'));
    if (f.includes('areacode') || f === 'parentcode') return pick(this.real.areaCodes);
    if (f.includes('categorycode')) return pick(this.real.categoryCodes);
    if (f === 'code' || f.includes('lotcode')) return pick(this.real.lotCodes);
    if (f.includes('email')) return fc.oneof(fc.emailAddress(), fc.constant('admin@demo.cooplink.vn'));
    if (f.includes('password')) return fc.constantFrom('cooplink-demo', 'a long enough password', 'short');
    if (f.includes('phone')) return fc.constantFrom('0294 3855 123', '+84 294 3855 123', '12');
    if (f.includes('locale')) return fc.constantFrom('vi', 'en', 'fr');
    if (f.includes('taxcode')) return fc.constantFrom('0100109106', '0100109107', '2100274872');
    if (f.includes('gtin')) return fc.constantFrom('08934567890123', '8934567890128', '123');
    if (f.includes('date') || f.endsWith('on')) return fc.constantFrom('2026-12-01', '2026-02-30', '1899-12-31');
    if (f.includes('offset')) return fc.constantFrom('+07:00', '+25:00', 'UTC');
    return fc.constantFrom(
      'Dừa sáp Cầu Kè',
      'dua sap',
      'HTX Nông nghiệp Long Hiệp',
      'Bưởi da xanh',
      'KGM',
      'Túi 500 g',
      'Mô tả sản phẩm cho người mua.',
      'Cocoa',
      'a',
    );
  }

  private string(field: string): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 4, arbitrary: this.realisticString(field) },
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(this.realisticString(field), fc.constantFrom('\u0000', '\u0007', '\u202E', '\u0301', "'", '<'))
          .map(([s, c]) => `${s}${c}${s}`),
      },
    );
  }

  private id(field: string, parent: string): fc.Arbitrary<string> {
    const tables = tablesForId(field, parent);
    const likely = tables.flatMap((t) => this.real.ids[t] ?? []);
    const all = Object.values(this.real.ids).flat();
    return fc.oneof(
      { weight: likely.length > 0 ? 6 : 0, arbitrary: fc.constantFrom(...(likely.length > 0 ? likely : ['x'])) },
      { weight: 2, arbitrary: fc.constantFrom(...(all.length > 0 ? all : ['x'])) },
      { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_IDS) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }

  private scalar(name: string, field: string, parent: string): fc.Arbitrary<unknown> {
    switch (name) {
      case 'String':
        return this.string(field);
      case 'ID':
        return this.id(field, parent);
      case 'Int':
        return fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 0, max: 100 }) },
          { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.filter((n) => !this.wellTyped || isInt32(n))) },
        );
      case 'Float':
        return fc.oneof(
          { weight: 5, arbitrary: fc.double({ min: 0, max: 10_000, noNaN: true }) },
          { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
        );
      case 'Boolean':
        return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: this.sometimes(1), arbitrary: fc.constantFrom('true', 0, 1) });
      case 'Money':
        return fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 0, max: 50_000_000 }) },
          { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.filter((n) => Number.isSafeInteger(n))) },
          { weight: this.sometimes(1), arbitrary: fc.constantFrom(1.5, 1e308, '120000', '1e3', '12,000 đ') },
        );
      case 'LocalDate':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom('2026-12-15', '2027-03-01', '2025-01-31', '1900-01-01', '2200-12-31') },
          { weight: this.sometimes(1), arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', 'hôm nay', '') },
        );
      case 'DateTimeISO':
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom(
              '2026-11-28T03:00:00.000Z',
              '2026-12-20T08:30:00+07:00',
              '2025-06-01T00:00:00Z',
              '1970-01-01T00:00:00Z',
            ),
          },
          {
            weight: this.sometimes(1),
            arbitrary: fc.constantFrom(
              '2026-11-28',
              '2026-02-30T00:00:00Z',
              '+275760-09-13T00:00:00.000Z',
              '-000001-01-01T00:00:00Z',
              'yesterday',
              '',
            ),
          },
        );
      default:
        return fc.oneof(this.string(field), fc.integer());
    }
  }

  /** Mostly well-typed values with hostile contents, sometimes the wrong type altogether. */
  value(type: GraphQLInputType, field: string, parent: string, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      return fc.oneof(
        { weight: 14, arbitrary: this.nullable(type.ofType as GraphQLInputType, field, parent, depth) },
        { weight: this.sometimes(1), arbitrary: wrongType() },
      );
    }
    const inner = this.nullable(type, field, parent, depth);
    return fc.oneof(
      { weight: 10, arbitrary: inner },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: this.sometimes(1), arbitrary: wrongType() },
    );
  }

  private nullable(type: GraphQLInputType, field: string, parent: string, depth: number): fc.Arbitrary<unknown> {
    if (isListType(type)) {
      const item = this.value(type.ofType, field, parent, depth + 1);
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }) },
        // Two thousand copies of a small item (a megabyte string would make a 2 GB request).
        { weight: 1, arbitrary: item.map((v) => Array.from({ length: (JSON.stringify(v) ?? '').length < 1_000 ? 2_000 : 3 }, () => v)) },
        { weight: this.sometimes(1), arbitrary: item },
      );
    }
    if (isEnumType(type)) {
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: this.sometimes(1), arbitrary: fc.constantFrom(...UNKNOWN_ENUM_VALUES) },
      );
    }
    if (isScalarType(type)) return this.scalar(type.name, field, parent);
    if (isInputObjectType(type)) {
      if (depth > 4) return fc.constant(null);
      const fields = Object.values(type.getFields());
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields) model[f.name] = this.value(f.type, f.name, type.name, depth + 1);
      const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
      const record = fc.record(model, { requiredKeys: required });
      return fc.oneof(
        { weight: 10, arbitrary: record },
        { weight: this.sometimes(1), arbitrary: record.map((r) => ({ ...r, notAField: "' OR 1=1 --" })) },
        { weight: this.sometimes(1), arbitrary: fc.constant({}) },
      );
    }
    return fc.constant(null);
  }

  /** Arguments for a root field, keyed by argument name; undefined means "left out". */
  args(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const a of field.args) model[a.name] = this.value(a.type, a.name, field.name);
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
    return fc.record(model, { requiredKeys: required });
  }
}

/** The input types of a field's arguments, for writing them inline. */
export function argTypes(field: GraphQLField<unknown, unknown>): Record<string, GraphQLInputType> {
  return Object.fromEntries(field.args.map((a) => [a.name, a.type]));
}

/** A value written as a GraphQL literal, enum values bare where the type calls for one. */
export function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  const deep = deepLiteral(value);
  if (deep !== undefined) return deep;
  if (Array.isArray(value)) {
    const itemType = type && isNonNullType(type) ? type.ofType : type;
    const of = itemType && isListType(itemType) ? itemType.ofType : undefined;
    return `[${value.map((v) => literal(v, of)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`);
    return `{${parts.join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  return String(value);
}

const MAX_FIELDS = 20;

/**
 * A selection that makes the resolvers behind a field run: scalar fields and,
 * one level down, the scalar fields of related objects. Union members share
 * response names only when their types agree, so the document stays valid.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return select(schema, named, 0, new Map());
}

function typeKey(t: GraphQLOutputType): string {
  return String(t);
}

function select(schema: GraphQLSchema, named: GraphQLNamedType, depth: number, seen: Map<string, string>): string {
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isUnionType(named)) {
    const errorResult = schema.getType('ErrorResult');
    const parts = ['__typename'];
    if (errorResult && isInterfaceType(errorResult) && named.getTypes().some((m) => m.getInterfaces().includes(errorResult)))
      parts.push('... on ErrorResult { code message }');
    const shared = new Map<string, string>([
      ['code', 'String!'],
      ['message', 'String!'],
    ]);
    for (const member of named.getTypes()) {
      const inner = select(schema, member, depth, shared);
      if (inner) parts.push(`... on ${member.name} ${inner}`);
    }
    return `{ ${parts.join(' ')} }`;
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (parts.length > MAX_FIELDS) break;
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const key = typeKey(f.type);
    const previous = seen.get(f.name);
    if (previous !== undefined && previous !== key) continue;
    const inner = getNamedType(f.type);
    if (isScalarType(inner) || isEnumType(inner)) {
      seen.set(f.name, key);
      parts.push(f.name);
    } else if (depth < 1 && !isUnionType(inner)) {
      const sub = select(schema, inner, depth + 1, new Map());
      if (sub) {
        seen.set(f.name, key);
        parts.push(`${f.name} ${sub}`);
      }
    }
  }
  return `{ ${parts.join(' ')} }`;
}
