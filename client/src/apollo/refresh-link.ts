import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import { ensureFreshSession, refreshSession } from './session';

const SESSION_OPERATIONS = new Set(['RefreshSession', 'Login', 'Logout', 'Register']);

/** Renews a session that is about to lapse before the request leaves, so it is sent signed in. */
export const freshSessionLink = new ApolloLink((operation, forward) => {
  if (SESSION_OPERATIONS.has(operation.operationName ?? '')) return forward(operation);
  return from(ensureFreshSession()).pipe(switchMap(() => forward(operation)));
});

/** If the server still says UNAUTHENTICATED, the session is renewed once and the operation sent again. */
export const refreshLink = new ErrorLink(({ error, operation, forward }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  if (!error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) return;
  if (SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
  if (operation.getContext()['sessionRefreshed'] === true) return;
  return from(refreshSession()).pipe(
    switchMap((renewed) => {
      if (!renewed) return throwError(() => error);
      operation.setContext({ sessionRefreshed: true });
      return forward(operation);
    }),
  );
});
