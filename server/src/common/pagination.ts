import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Page {
  limit: number;
  offset: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^o:(\d{1,9})$/.exec(raw);
  if (!m) throw badInput('after', 'The cursor is not valid.', ['cursor']);
  return Number(m[1]) + 1;
}

/** Validates `first`/`after` once for every list: at most 100, never unbounded. */
export function toPage(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE)
    throw badInput('first', `first must be between 0 and ${MAX_PAGE}.`, ['max']);
  return { limit, offset: after ? decodeCursor(after) : 0 };
}

export interface ConnectionShape<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export function toConnection<T>(rows: T[], page: Page, totalCount: number): ConnectionShape<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  const last = edges[edges.length - 1];
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: page.offset + rows.length < totalCount, endCursor: last ? last.cursor : null },
  };
}

/** Builds `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int) totalCount!: number;
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/**
 * Whether the query asks for `name` directly on the field being resolved,
 * through inline fragments and named fragments too.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === name;
      if (s.kind === 'InlineFragment') return search(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const fragment: FragmentDefinitionNode | undefined = info.fragments[s.name.value];
      return search(fragment?.selectionSet);
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
