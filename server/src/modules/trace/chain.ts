import { createHash } from 'node:crypto';

/** A JSON value as it is hashed: no undefined, no functions, no non-finite numbers. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as
 * JavaScript prints them. The same content always gives the same bytes, so
 * the hash does not depend on the order columns come back from the database.
 * Keys whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/**
 * The hash of one event: SHA-256 over the previous event's hash and the
 * event's canonical content. Chaining means changing any stored event also
 * breaks every later link, and the first mismatch points at the edited row.
 */
export function eventHash(prevHash: string | null, content: unknown): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

export interface ChainLink {
  id: string;
  prevHash: string | null;
  hash: string;
  content: unknown;
}

export interface ChainVerdict {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
}

/**
 * Walks a lot's chain in order. A link is broken when its stored hash does
 * not match its content, or when it does not point at the hash of the link
 * before it (a row deleted or reordered).
 */
export function verifyChain(links: readonly ChainLink[]): ChainVerdict {
  let prev: string | null = null;
  let checked = 0;
  for (const link of links) {
    checked++;
    if (link.prevHash !== prev || eventHash(link.prevHash, link.content) !== link.hash)
      return { valid: false, checked, firstBrokenId: link.id };
    prev = link.hash;
  }
  return { valid: true, checked, firstBrokenId: null };
}
