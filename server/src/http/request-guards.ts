import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from 'graphql';
import type { RequestContext } from '../common/context';
import { AppError, type FieldProblem, isDatabaseUnavailable, rateLimited } from '../common/errors';
import { take } from '../common/rate-limit';

const MAX_PROBLEMS = 20;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why a string cannot be stored as it is, or null when it can. */
export function textProblem(value: string): Omit<FieldProblem, 'path'> | null {
  if (value.includes('\u0000'))
    return { message: 'This text contains a NUL character (U+0000), which cannot be stored.', constraints: ['noNulCharacter'] };
  if (LONE_SURROGATE.test(value))
    return { message: 'This text contains a broken character (a lone UTF-16 surrogate).', constraints: ['wellFormedUnicode'] };
  return null;
}

/**
 * Every string a client sends, in variables or written into the query, whatever
 * field it is meant for, before any resolver runs. PostgreSQL cannot store
 * U+0000 in text, and half of a surrogate pair is not a character at all (it
 * would be stored as U+FFFD, and some validators throw on it); refusing such
 * text here gives the client the field path and changes nothing.
 */
/** Strings written into a query, per parsed document: the server keeps parsed documents, so each is walked once. */
const literalChecks = new WeakMap<DocumentNode, FieldProblem[]>();

function literalProblems(document: DocumentNode): FieldProblem[] {
  const cached = literalChecks.get(document);
  if (cached) return cached;
  const problems: FieldProblem[] = [];
  const walkLiteral = (node: ValueNode, path: string) => {
    if (node.kind === Kind.STRING) {
      const problem = problems.length < MAX_PROBLEMS ? textProblem(node.value) : null;
      if (problem) problems.push({ path, ...problem });
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((v, i) => walkLiteral(v, `${path}.${i}`));
    } else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) walkLiteral(f.value, `${path}.${f.name.value}`);
    }
  };
  visit(document, {
    Argument: (node) => walkLiteral(node.value, node.name.value),
    VariableDefinition: (node) => {
      if (node.defaultValue) walkLiteral(node.defaultValue, node.variable.name.value);
    },
  });
  literalChecks.set(document, problems);
  return problems;
}

export function findUnstorableText(variables: Record<string, unknown> | undefined, document: DocumentNode): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (text: string, path: string) => {
    const problem = problems.length < MAX_PROBLEMS ? textProblem(text) : null;
    if (problem) problems.push({ path, ...problem });
  };

  // Variables can nest deeply; walk them without recursion.
  const stack: [unknown, string][] = Object.entries(variables ?? {}).map(([k, v]) => [v, k]);
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      check(value, path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        check(k, `${path}.${k.split('\u0000').join('\\0')}`);
        stack.push([v, `${path}.${k}`]);
      }
    }
  }

  for (const problem of literalProblems(document)) if (problems.length < MAX_PROBLEMS) problems.push(problem);
  return problems;
}

function included(node: FieldNode, variables: Record<string, unknown>): boolean {
  for (const d of node.directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    if (!arg) continue;
    const value =
      arg.value.kind === Kind.BOOLEAN
        ? arg.value.value
        : arg.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value] === true
          : true;
    if (d.name.value === 'skip' ? value : !value) return false;
  }
  return true;
}

/**
 * How many root fields an operation will run: every alias counts, fragments are
 * followed, and fields switched off with @skip/@include do not count.
 */
export function countRootFields(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + (s.name.value !== '__typename' && included(s, variables) ? 1 : 0);
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
      const fragment = fragments[s.name.value];
      if (!fragment || seen.has(s.name.value)) return n;
      seen.add(s.name.value);
      return n + count(fragment.selectionSet);
    }, 0);
  return count(operation.selectionSet);
}

/** The per-user write limit's window: mutation fields and uploads count in it together. */
export const WRITE_WINDOW_SECONDS = 60;

/**
 * Checks made once per GraphQL request, after it is parsed and validated and
 * before anything executes: strings PostgreSQL cannot store, and the per-user
 * budget of writes (each mutation field counts, so aliases cannot multiply it).
 */
export function requestGuards(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue: ctx }) {
          const problems = findUnstorableText(request.variables, document);
          if (problems.length > 0)
            throw new AppError('BAD_USER_INPUT', 'Some fields are not valid.', { fields: problems, http: { status: 400 } });

          const limit = ctx.config.rateLimitWritesPerMinute;
          if (!operation || operation.operation !== 'mutation' || !ctx.user || limit <= 0) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const writes = countRootFields(operation, fragments, request.variables ?? {});
          if (writes === 0) return;
          let bucket: Awaited<ReturnType<typeof take>>;
          try {
            bucket = await take(ctx.em, `writes:user:${ctx.user.id}`, WRITE_WINDOW_SECONDS, writes, limit);
          } catch (err) {
            // Thrown from a plugin hook, a raw driver error would become a 500.
            if (isDatabaseUnavailable(err))
              throw new AppError('UNAVAILABLE', 'The service is temporarily unavailable; try again shortly.', { http: { status: 503 } });
            throw err;
          }
          if (!bucket.allowed)
            throw rateLimited(bucket.retryAfterSeconds, {
              http: { status: 429, headers: new Map([['retry-after', String(bucket.retryAfterSeconds)]]) },
            });
        },
      };
    },
  };
}
