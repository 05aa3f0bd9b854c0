import { describe, expect, it } from 'vitest';
import { ERROR_CODES, VALIDATION_KEYS } from '../apollo/error-codes';
import en from './en.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

const enKeys = flatten(en);
const viKeys = flatten(vi);

describe('translations', () => {
  it('vi.json and en.json have identical key sets', () => {
    expect([...viKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('has a text for every error code the client can show', () => {
    for (const code of ERROR_CODES) {
      expect(enKeys.get(`errors.${code}`), `en errors.${code}`).toBeTruthy();
      expect(viKeys.get(`errors.${code}`), `vi errors.${code}`).toBeTruthy();
    }
  });

  it('has a text for every field validation message', () => {
    for (const key of VALIDATION_KEYS) {
      expect(enKeys.get(`validation.${key}`), `validation.${key}`).toBeTruthy();
      expect(viKeys.get(`validation.${key}`), `validation.${key}`).toBeTruthy();
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of enKeys) {
      expect(placeholders(viKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('leaves no text empty', () => {
    for (const [key, text] of [...enKeys, ...viKeys]) expect(text.trim(), key).not.toBe('');
  });
});
