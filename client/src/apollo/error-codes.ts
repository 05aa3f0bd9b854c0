/**
 * Every failure code the client can show. Thrown GraphQL errors carry one in
 * `extensions.code`, returned union members in `code`, and the upload endpoint
 * in its JSON body. Each has an `errors.<CODE>` text in both languages.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'VERSION_CONFLICT',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'INVALID_TRANSITION',
  'DUPLICATE',
  'NOT_VERIFIED',
  'MASS_BALANCE',
  'UNSUPPORTED_TYPE',
  'TOO_LARGE',
  'NO_FILE',
  'CAPACITY_FULL',
  'REGISTRATION_CLOSED',
  'REQUEST_EXPIRED',
  'NOT_PARTICIPATING',
  'MEETING_CONFLICT',
  'MEETING_NOT_LINKABLE',
  'SCHEDULE_INPUT_INVALID',
  'SHARES_EXCEED_QUANTITY',
  'NEED_NOT_OPEN',
  'NETWORK',
  'UNKNOWN',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** class-validator constraint names that have their own wording; others read as "invalid". */
export const VALIDATION_KEYS = [
  'required',
  'invalid',
  'isEmail',
  'minLength',
  'maxLength',
  'min',
  'max',
  'isInt',
  'isPositive',
  'isUrl',
  'isPhoneNumber',
  'isTaxCode',
  'priceRange',
  'dateRange',
  'passwordTooShort',
  'passwordMismatch',
  'emailTaken',
  'duplicate',
] as const;

export type ValidationKey = (typeof VALIDATION_KEYS)[number];

const CONSTRAINT_ALIASES: Record<string, ValidationKey> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  arrayNotEmpty: 'required',
  isLength: 'maxLength',
  maxLength: 'maxLength',
  minLength: 'minLength',
  arrayMaxSize: 'maxLength',
  min: 'min',
  max: 'max',
  isInt: 'isInt',
  isPositive: 'isPositive',
  isEmail: 'isEmail',
  isUrl: 'isUrl',
  isPhoneNumber: 'isPhoneNumber',
  isTaxCode: 'isTaxCode',
  taxCode: 'isTaxCode',
  priceRange: 'priceRange',
  dateRange: 'dateRange',
  duplicate: 'duplicate',
  isUnique: 'duplicate',
};

/** The server lists constraint names (`["isNotEmpty"]`); class-validator itself keys them in an object. */
export function validationKeyFor(constraints: unknown): ValidationKey {
  const names = Array.isArray(constraints)
    ? constraints.map(String)
    : constraints && typeof constraints === 'object'
      ? Object.keys(constraints)
      : [];
  for (const name of names) {
    const key = CONSTRAINT_ALIASES[name];
    if (key) return key;
  }
  return 'invalid';
}
