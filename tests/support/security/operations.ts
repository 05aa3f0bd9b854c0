import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { TestServer } from '../test-server';

/** The schema the running server answers with, read by introspection. */
export async function introspect(server: TestServer): Promise<GraphQLSchema> {
  const res = await server.gql<IntrospectionQuery, unknown>(getIntrospectionQuery());
  if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}

const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * The selection for a result type: `__typename`, the `id` wherever there is
 * one, the nodes of connections, and the `code` of ErrorResult members. Ids
 * are what tell whether a private record came back.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth = 0): string {
  if (isUnionType(type)) {
    const errorResult = schema.getType('ErrorResult');
    const members = type.getTypes().map((m) => `... on ${m.name} { ${objectSelection(schema, m, depth)} }`);
    const errors = isInterfaceType(errorResult) && type.getTypes().some((m) => m.getInterfaces().includes(errorResult));
    return `__typename ${members.join(' ')}${errors ? ' ... on ErrorResult { code }' : ''}`;
  }
  if (isObjectType(type) || isInterfaceType(type)) return objectSelection(schema, type, depth);
  return '';
}

function objectSelection(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLNamedType, depth: number): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = type.getFields() as Record<string, GraphQLField<unknown, unknown>>;
  const parts = ['__typename'];
  const plain = (name: string) => fields[name] && fields[name].args.every((a) => !isNonNullType(a.type));
  for (const name of ['id', 'organizationId']) if (plain(name)) parts.push(name);
  if (depth < 3)
    for (const name of ['edges', 'node', 'lot']) {
      if (!plain(name)) continue;
      const inner = selectionFor(schema, getNamedType(fields[name]!.type), depth + 1);
      if (inner) parts.push(`${name} { ${inner} }`);
    }
  return parts.join(' ');
}

/** A document calling one root field with the given argument names as variables. */
export function operationFor(schema: GraphQLSchema, kind: 'query' | 'mutation' | 'subscription', fieldName: string, argNames: string[]) {
  const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const field = root?.getFields()[fieldName];
  if (!field) throw new Error(`${kind} ${fieldName} does not exist`);
  const args = argNames.map((name) => {
    const arg = field.args.find((a) => a.name === name);
    if (!arg) throw new Error(`${fieldName} has no argument ${name}`);
    return arg;
  });
  const vars = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = selectionFor(schema, getNamedType(field.type));
  return `${kind} Authz_${fieldName}${vars ? `(${vars})` : ''} { ${fieldName}${call ? `(${call})` : ''}${selection ? ` { ${selection} }` : ''} }`;
}

/** Every `id` (and `organizationId`) value anywhere in an answer. */
export function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === 'organizationId') && typeof v === 'string') out.add(v);
      else idsIn(v, out);
    }
  return out;
}

export type Verdict = { outcome: 'ALLOW' | 'DENY'; detail: string } | { outcome: 'INCONCLUSIVE'; detail: string };

/** Classifies one answer by the rule written at the top of authz-matrix.ts. */
export function classify(
  res: { status: number; data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] },
  field: string,
  opts: { probe?: string[]; reached?: (data: unknown) => boolean },
): Verdict {
  const error = res.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'NO_CODE';
    if (ACCESS_CODES.has(code)) return { outcome: 'DENY', detail: code };
    return { outcome: 'INCONCLUSIVE', detail: `${code}: ${error.message}` };
  }
  if (res.status !== 200) return { outcome: 'INCONCLUSIVE', detail: `HTTP ${res.status}` };
  const value = res.data?.[field];
  if (value === null || value === undefined) return { outcome: 'DENY', detail: 'null' };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    const typename = (value as { __typename?: unknown }).__typename;
    if (typeof code === 'string' && ACCESS_CODES.has(code)) return { outcome: 'DENY', detail: `${String(typename)} ${code}` };
    if (typeof code === 'string') return { outcome: 'ALLOW', detail: `${String(typename)} ${code}` };
  }
  if (opts.reached)
    return opts.reached(value)
      ? { outcome: 'ALLOW', detail: JSON.stringify(value) }
      : { outcome: 'DENY', detail: `no effect (${JSON.stringify(value)})` };
  if (opts.probe) {
    const seen = idsIn(value);
    return opts.probe.some((id) => seen.has(id))
      ? { outcome: 'ALLOW', detail: 'private record returned' }
      : { outcome: 'DENY', detail: 'private record left out' };
  }
  const typename = typeof value === 'object' ? (value as { __typename?: string }).__typename : typeof value;
  return { outcome: 'ALLOW', detail: String(typename) };
}
