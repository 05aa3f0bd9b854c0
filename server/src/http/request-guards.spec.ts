import 'reflect-metadata';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countRootFields, findUnstorableText } from './request-guards';

function count(source: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(source);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return countRootFields(operation, fragments, variables);
}

describe('findUnstorableText', () => {
  it('reports the path of every NUL in variables, however deep, and in literals', () => {
    const doc = parse(`mutation($input: X) { a(input: $input, note: "ok\\u0000", list: ["a", "b\\u0000"]) { id } }`);
    const problems = findUnstorableText({ input: { name: 'Dừa\u0000', items: [{ unit: 'kg' }, { unit: '\u0000' }] } }, doc);
    expect(problems.map((p) => p.path).sort()).toEqual(['input.items.1.unit', 'input.name', 'list.1', 'note']);
    expect(problems[0]!.constraints).toEqual(['noNulCharacter']);
  });

  it('reports half of a surrogate pair, in values and in keys', () => {
    const doc = parse(`{ __typename }`);
    const problems = findUnstorableText({ input: { email: 'a\ud800@x.vn', ['k\udfff']: 'v', ok: '🥥' } }, doc);
    expect(problems.map((p) => [p.path, p.constraints])).toEqual(
      expect.arrayContaining([
        ['input.email', ['wellFormedUnicode']],
        ['input.k\udfff', ['wellFormedUnicode']],
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('finds nothing in clean text, including other control characters and decomposed Vietnamese', () => {
    const doc = parse(`query($s: String) { products(search: $s) { totalCount } }`);
    expect(findUnstorableText({ s: 'Tra\u0300 Vinh \u0007 \u202E 🥥' }, doc)).toEqual([]);
  });

  it('stops at twenty problems and walks very deep values without recursion', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const doc = parse(`{ __typename }`);
    expect(findUnstorableText({ deep }, doc)).toHaveLength(1);
    expect(findUnstorableText({ many: Array(50).fill('\u0000') }, doc)).toHaveLength(20);
  });
});

describe('countRootFields', () => {
  it('counts every alias, follows fragments once each, and leaves out skipped fields and __typename', () => {
    expect(count(`mutation { a: logout b: logout c: logout __typename }`)).toBe(3);
    expect(count(`mutation { ...F ... on Mutation { d: logout } } fragment F on Mutation { a: logout b: logout }`)).toBe(3);
    expect(count(`mutation($no: Boolean!) { a: logout @skip(if: true) b: logout @include(if: $no) c: logout }`, { no: false })).toBe(1);
  });
});
