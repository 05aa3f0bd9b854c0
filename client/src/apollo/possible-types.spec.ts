import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { possibleTypes } from './possible-types';

describe('possibleTypes', () => {
  it('names every type that implements an interface in the schema, and no other', () => {
    const schema = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
    const fromSchema: Record<string, string[]> = {};
    for (const [, type, interfaces] of schema.matchAll(/^type (\w+) implements ([\w &]+?)\s*\{/gm))
      for (const name of interfaces!.split('&').map((s) => s.trim())) (fromSchema[name] ??= []).push(type!);
    for (const list of Object.values(fromSchema)) list.sort();
    expect(Object.keys(fromSchema).length).toBeGreaterThan(0);
    expect(possibleTypes).toEqual(fromSchema);
  });
});
