import { GraphQLError } from 'graphql';
import { Field, InterfaceType, Int, ObjectType } from 'type-graphql';

/** Codes of exceptional failures, thrown with `extensions.code`. */
export type ThrownCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'UNAVAILABLE';

export interface FieldProblem {
  path: string;
  message: string;
  constraints?: string[];
}

export class AppError extends GraphQLError {
  constructor(code: ThrownCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in to do this.');
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (path: string, message: string, constraints: string[] = []) =>
  new AppError('BAD_USER_INPUT', message, { fields: [{ path, message, constraints }] satisfies FieldProblem[] });
/** `retryAfter` is the name API clients expect; `retryAfterSeconds` is what the web client reads. */
export const rateLimited = (retryAfterSeconds: number, extra: Record<string, unknown> = {}) =>
  new AppError('RATE_LIMITED', 'Too many requests; try again later.', { retryAfter: retryAfterSeconds, retryAfterSeconds, ...extra });
export const unavailable = () => new AppError('UNAVAILABLE', 'The service is temporarily unavailable; try again shortly.');

/** Expected business failures are returned as members of result unions. */
@InterfaceType({ description: 'An expected failure, returned rather than thrown.' })
export abstract class ErrorResult {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ implements: ErrorResult })
export class VersionConflictError extends ErrorResult {
  @Field(() => Int, { description: 'The version now stored; reload and reapply the change.' })
  currentVersion!: number;
  static of(currentVersion: number): VersionConflictError {
    return Object.assign(new VersionConflictError(), {
      code: 'VERSION_CONFLICT',
      message: 'Someone else changed this record; reload it and try again.',
      currentVersion,
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class InvalidTransitionError extends ErrorResult {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  static of(from: string, to: string): InvalidTransitionError {
    return Object.assign(new InvalidTransitionError(), {
      code: 'INVALID_TRANSITION',
      message: `Cannot go from ${from} to ${to}.`,
      from,
      to,
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class DuplicateError extends ErrorResult {
  @Field(() => String, { description: 'The input field whose value is already taken.' })
  field!: string;
  static of(field: string): DuplicateError {
    return Object.assign(new DuplicateError(), { code: 'DUPLICATE', message: `This ${field} is already registered.`, field });
  }
}

@ObjectType({ implements: ErrorResult })
export class NotVerifiedError extends ErrorResult {
  static of(): NotVerifiedError {
    return Object.assign(new NotVerifiedError(), {
      code: 'NOT_VERIFIED',
      message: 'The organisation must be verified by trade-promotion staff first.',
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class RateLimitedError extends ErrorResult {
  @Field(() => Int) retryAfterSeconds!: number;
  static of(retryAfterSeconds: number): RateLimitedError {
    return Object.assign(new RateLimitedError(), {
      code: 'RATE_LIMITED',
      message: 'Too many attempts; wait before trying again.',
      retryAfterSeconds,
    });
  }
}

/** Postgres SQLSTATE classes that mean "the database is not reachable right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53000',
  '53100',
  '53200',
  '53300',
  '57014',
  '55000',
  '3D000',
  '28000',
  '28P01',
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * When a connection dies inside a transaction, TypeORM releases its query
 * runner at once, and the transaction's next statement fails with one of
 * these instead of a driver error.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown };
  if (typeof e.name === 'string' && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))) return true;
  if (
    typeof e.message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated|connection (?:is )?(?:closed|ended)|Client has encountered a connection error/i.test(
      e.message,
    )
  )
    return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/** The SQLSTATE of a Postgres error, looking through TypeORM's wrapper. */
export function sqlState(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  if (e.driverError && typeof e.driverError.code === 'string') return e.driverError.code;
  return undefined;
}

export function constraintName(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const c = e.constraint ?? e.driverError?.constraint;
  return typeof c === 'string' ? c : undefined;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else is refused before it reaches a query. */
export function assertUuid(value: string, path: string): string {
  if (!UUID_RE.test(value)) throw badInput(path, 'This is not a valid ID.', ['uuid']);
  return value.toLowerCase();
}
