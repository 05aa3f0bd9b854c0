import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCodeOf, fieldErrorsOf, normaliseFieldPath, retryAfterOf } from './errors';

const graphQLError = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'server words the user never sees', extensions }] });

describe('server errors as the client shows them', () => {
  it('keeps the code of a thrown GraphQL error', () => {
    expect(errorCodeOf(graphQLError({ code: 'FORBIDDEN' }))).toBe('FORBIDDEN');
  });

  it('treats an unknown code as an internal error rather than repeating it', () => {
    expect(errorCodeOf(graphQLError({ code: 'SOMETHING_NEW' }))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reads gateway failures as the service being unavailable', () => {
    const error = new ServerError('bad gateway', { response: new Response('', { status: 502 }), bodyText: '' });
    expect(errorCodeOf(error)).toBe('UNAVAILABLE');
  });

  it('reads a failed fetch as a lost connection', () => {
    expect(errorCodeOf(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });

  it('places BAD_USER_INPUT fields on form paths, with the constraint as the message key', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'input.nameVi', message: 'x', constraints: ['isLength'] },
        { path: 'input.certifications.0.number', message: 'x', constraints: ['duplicate'] },
        { path: 'input.cooperative.areaCode', message: 'x', constraints: ['somethingElse'] },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      nameVi: 'maxLength',
      'certifications.0.number': 'duplicate',
      'cooperative.areaCode': 'invalid',
    });
  });

  it('accepts paths written as arrays or with brackets', () => {
    expect(normaliseFieldPath(['input', 'certifications', 1, 'issuer'])).toBe('certifications.1.issuer');
    expect(normaliseFieldPath('input.certifications[1].issuer')).toBe('certifications.1.issuer');
  });

  it('carries the wait of a thrown RATE_LIMITED error', () => {
    expect(retryAfterOf(graphQLError({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }))).toBe(42);
  });
});
