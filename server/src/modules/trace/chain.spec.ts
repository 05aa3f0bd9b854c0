import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, verifyChain, type ChainLink } from './chain';

function chain(contents: unknown[]): ChainLink[] {
  const out: ChainLink[] = [];
  let prev: string | null = null;
  contents.forEach((content, i) => {
    const hash = eventHash(prev, content);
    out.push({ id: `e${i}`, prevHash: prev, hash, content });
    prev = hash;
  });
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain and counts its links', () => {
    expect(verifyChain(chain([{ a: 1 }, { a: 2 }, { a: 3 }]))).toEqual({ valid: true, checked: 3, firstBrokenId: null });
  });

  it('reports exactly the link whose content was changed', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 12 }), fc.nat(), (contents, k) => {
        const links = chain(contents);
        const i = k % links.length;
        links[i] = { ...links[i]!, content: { tampered: links[i]!.content } };
        expect(verifyChain(links)).toEqual({ valid: false, checked: i + 1, firstBrokenId: `e${i}` });
      }),
    );
  });

  it('reports the link after a deleted one', () => {
    const links = chain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    links.splice(1, 1);
    expect(verifyChain(links).firstBrokenId).toBe('e2');
  });

  it('an attacker who rewrites one hash still breaks the next link', () => {
    const links = chain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    links[1] = { ...links[1]!, content: { a: 99 }, hash: eventHash(links[0]!.hash, { a: 99 }) };
    expect(verifyChain(links).firstBrokenId).toBe('e2');
  });
});
