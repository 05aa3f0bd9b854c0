import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) that must exist, e.g. no 2026-02-30. */
export function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('LocalDate must be a string YYYY-MM-DD');
  const m = DATE_RE.exec(value);
  if (!m) throw new GraphQLError('LocalDate must look like YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2200 || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) throw new GraphQLError('LocalDate is not a real date');
  return value;
}

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD, as in Asia/Ho_Chi_Minh.',
  serialize: (v) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return parseLocalDate(v);
  },
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('LocalDate must be a string YYYY-MM-DD');
    return parseLocalDate(ast.value);
  },
});

function toSafeInt(v: unknown): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw new GraphQLError('Money must be a whole number of VND within the safe integer range');
  return n;
}

/** Whole VND. Stored as bigint, exchanged as a JSON number that stays exact. */
export const MoneyScalar = new GraphQLScalarType<number, number>({
  name: 'Money',
  description: 'An amount of whole Vietnamese đồng (VND), a safe integer.',
  serialize: toSafeInt,
  parseValue: toSafeInt,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Money must be an integer literal');
    return toSafeInt(Number(ast.value));
  },
});

/** TypeORM hands bigint and numeric columns over as strings; we want numbers. */
export const numericTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null | undefined) => (v === null || v === undefined ? v : Number(v)),
};
