import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { type FieldProblem, isDatabaseUnavailable, sqlState } from './errors';

/** Codes whose messages we wrote ourselves and may show as they are. */
const OWN_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'RATE_LIMITED', 'UNAVAILABLE']);
/** Codes from GraphQL itself: they describe the request, never the server. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

function flatten(errors: ValidationError[], prefix: string[]): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = [...prefix, e.property];
    const own = e.constraints
      ? [{ path: path.join('.'), message: Object.values(e.constraints).join('; '), constraints: Object.keys(e.constraints) }]
      : [];
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Every error leaving the API passes here. It keeps the code, our own messages
 * and the field paths of invalid input; it drops stack traces, and it turns
 * anything unexpected — SQL errors included — into a bare code, so no query text,
 * table name or stack reaches a client. Unexpected errors are logged with `log`.
 */
export function createFormatError(log: (err: unknown) => void, opts: { hideSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // GraphQL suggests names ("Did you mean …?") in validation and in variable errors
    // alike; with introspection off, neither may hint at the schema.
    const message = opts.hideSuggestions ? formatted.message.replace(/ ?Did you mean .*?\?(?= |$)/g, '') : formatted.message;
    const base = { message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ArgumentValidationError) {
      // type-graphql wraps whatever a validator throws, not only its findings.
      const found: unknown = original.extensions.validationErrors;
      if (!Array.isArray(found)) {
        log(found);
        return { ...base, message: 'Some fields are not valid.', extensions: { code: 'BAD_USER_INPUT' } };
      }
      const fields = flatten(found as ValidationError[], ['input']).map((f) => ({
        ...f,
        path: f.path.replace(/^input\.input\./, 'input.'),
      }));
      return { ...base, message: 'Some fields are not valid.', extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    if (isDatabaseUnavailable(original)) {
      return { ...base, message: 'The service is temporarily unavailable; try again shortly.', extensions: { code: 'UNAVAILABLE' } };
    }
    const state = sqlState(original);
    if (state?.startsWith('22') || state?.startsWith('23')) {
      // A value the database refused (bad format, out of range, broken rule).
      return { ...base, message: 'A value is not valid.', extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (state === '40001' || state === '40P01') {
      return { ...base, message: 'The request collided with another; try again.', extensions: { code: 'UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (OWN_CODES.has(code) || REQUEST_CODES.has(code)) && !state) {
      const ext: Record<string, unknown> = { code };
      for (const key of ['fields', 'retryAfter', 'retryAfterSeconds']) {
        if (formatted.extensions?.[key] !== undefined) ext[key] = formatted.extensions[key];
      }
      return { ...base, extensions: ext };
    }
    log(original);
    return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
