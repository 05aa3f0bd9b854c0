import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import { refreshSession } from './session';

const NO_RETRY = new Set(['RefreshSession', 'Login', 'Logout', 'Register']);

/** An expired access cookie is renewed once, then the operation is sent again. */
export const refreshLink = new ErrorLink(({ error, operation, forward }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  if (!error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) return;
  if (NO_RETRY.has(operation.operationName ?? '')) return;
  if (operation.getContext()['sessionRefreshed'] === true) return;
  return from(refreshSession()).pipe(
    switchMap((renewed) => {
      if (!renewed) return throwError(() => error);
      operation.setContext({ sessionRefreshed: true });
      return forward(operation);
    }),
  );
});
