import { toStringMethod } from 'fast-check';

/**
 * Values that have broken web applications before: text a cooperative manager
 * might paste from a phone, and text an attacker would send on purpose.
 */

/** A megabyte of text, just under the request body limit on its own. */
export const ONE_MEGABYTE = 'a'.repeat(1_000_000);

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n  ',
  '\u0000',
  'Dừa\u0000sáp',
  '\u0000\u0000\u0000',
  'Tra\u0300 Vinh',
  'Dừa sáp Cầu Kè'.normalize('NFD'),
  'Trà Vinh'.normalize('NFC'),
  '🥥🌾👩🏽‍🌾🇻🇳',
  '\u0007\u0008\u001b[31mred',
  '\u202Eevil.exe\u202C',
  '\u200F\u200E\u200B\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  "' OR 1=1 --",
  "'; DROP TABLE product; --",
  '" OR ""="',
  '1); DELETE FROM app_user; --',
  "\\'; select pg_sleep(5); --",
  '%',
  '_',
  '%_%\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}} ${7*7} #{7*7}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\r\n\r\nHTTP/1.1 200 OK',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e308',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(10_000),
  'ệ'.repeat(5_000),
  ONE_MEGABYTE,
];

/** IDs that are not IDs, or are IDs of nothing. */
export const MALFORMED_IDS: readonly string[] = [
  '',
  'x',
  '1',
  '-1',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '7d3f1c2e-9b1a-4c55-8d2e-000000000000',
  '7D3F1C2E-9B1A-4C55-8D2E-3F4A5B6C7D8E',
  '7d3f1c2e9b1a4c558d2e3f4a5b6c7d8e',
  '{7d3f1c2e-9b1a-4c55-8d2e-3f4a5b6c7d8e}',
  '7d3f1c2e-9b1a-4c55-8d2e-3f4a5b6c7d8e\u0000',
  "7d3f1c2e-9b1a-4c55-8d2e-3f4a5b6c7d8e' OR '1'='1",
  'x'.repeat(5_000),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  -0,
  0,
  1.5,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 53 + 1,
  -(2 ** 53) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  1e308,
  -1e308,
];

export const UNKNOWN_ENUM_VALUES: readonly string[] = ['MOON', 'moon', '', 'ADMIN; DROP', '__proto__', 'constructor', 'A'.repeat(500)];

/** `{ a: { a: … } }` or `[[[…]]]`, `depth` levels down. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  // Reports print a short description instead of recursing two thousand levels down.
  Object.defineProperty(value, toStringMethod, { value: () => `<${kind} nested ${depth} deep>`, enumerable: false });
  Object.defineProperty(value, DEEP, { value: { depth, kind }, enumerable: false });
  return value;
}

/** Marks a value made by `deeplyNested`, so it can be written out without recursion. */
export const DEEP = Symbol('deeply nested');

/** The GraphQL literal of a `deeplyNested` value. */
export function deepLiteral(value: unknown): string | undefined {
  const deep = (value as { [DEEP]?: { depth: number; kind: 'object' | 'array' } } | null)?.[DEEP];
  if (!deep) return undefined;
  return deep.kind === 'object'
    ? `${'{a: '.repeat(deep.depth)}"bottom"${'}'.repeat(deep.depth)}`
    : `${'['.repeat(deep.depth)}"bottom"${']'.repeat(deep.depth)}`;
}
