import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useLocation, useRevalidator, useRouteError } from 'react-router';
import type { ErrorCode } from '../apollo/error-codes';
import { isErrorCode } from '../apollo/error-codes';
import { errorCodeOf } from '../apollo/errors';
import { NotFound } from '../components/NotFound';

function routeErrorCode(error: unknown): ErrorCode {
  if (isRouteErrorResponse(error)) {
    if (isErrorCode(error.data)) return error.data;
    if (error.status === 404) return 'NOT_FOUND';
    if (error.status === 403) return 'FORBIDDEN';
    if (error.status === 401) return 'UNAUTHENTICATED';
    return 'UNKNOWN';
  }
  return errorCodeOf(error);
}

/** Failures that may pass by themselves; only these offer "try again". */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['NETWORK', 'UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED', 'UNKNOWN']);

/** The error boundary of each route tree: translated text, never the server's words. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const location = useLocation();
  const code = routeErrorCode(error);

  // A page query only takes input from the URL, so invalid input means a mistyped address.
  if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NotFound />;

  return (
    <section className="page narrow error-page" role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t(`errors.${code}`)}</p>
      <div className="actions">
        {code === 'UNAUTHENTICATED' && (
          <Link className="button" to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('nav.login')}
          </Link>
        )}
        {TRANSIENT.has(code) && (
          <button type="button" className="button" onClick={() => void revalidator.revalidate()} disabled={revalidator.state !== 'idle'}>
            {t('errors.retry')}
          </button>
        )}
        <Link className="button button-secondary" to="/">
          {t('errors.goHome')}
        </Link>
      </div>
    </section>
  );
}
