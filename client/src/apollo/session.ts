import { graphql } from '@cooplink/schema/graphql';
import type { RefreshSessionMutation } from '@cooplink/schema/types';
import { print } from '@apollo/client/utilities';

const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      __typename
      ... on AuthPayload {
        expiresAt
      }
    }
  }
`);

// The session itself lives in httpOnly cookies that scripts cannot read. The
// browser only remembers *when* the access cookie lapses, never a token, so
// anonymous visitors never pay for a refresh call and signed-in ones renew in time.
const EXPIRY_KEY = 'cooplink.sessionExpiresAt';
/** Renew this long before the access cookie lapses, to cover clock skew and slow links. */
const MARGIN_MS = 60_000;

function readExpiry(): number | null {
  try {
    const value = Number(localStorage.getItem(EXPIRY_KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(expiresAt: number): void {
  clearTimeout(timer);
  const wait = expiresAt - Date.now() - MARGIN_MS;
  // Background tabs throttle timers; `visibilitychange` below catches up when the tab returns.
  if (wait > 0) timer = setTimeout(() => void refreshSession(), Math.min(wait, 2 ** 31 - 1));
}

/** Records a new or ended session; `expiresAt` comes from login, register or refresh. */
export function markSignedIn(expiresAt: string | null): void {
  clearTimeout(timer);
  try {
    if (expiresAt) localStorage.setItem(EXPIRY_KEY, String(Date.parse(expiresAt)));
    else localStorage.removeItem(EXPIRY_KEY);
  } catch {
    // Private mode may refuse storage; the session still works for this tab.
  }
  if (expiresAt) schedule(Date.parse(expiresAt));
}

export function wasSignedIn(): boolean {
  return readExpiry() !== null;
}

let inFlight: Promise<boolean> | null = null;

/**
 * Renews the access cookie with the refresh cookie. Concurrent callers share
 * one request, because several queries usually expire at the same moment.
 * It goes around the Apollo link chain so a failing refresh cannot recurse.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= requestRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function requestRefresh(): Promise<boolean> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionDocument), variables: {} }),
    });
    const body = (await response.json()) as { data?: RefreshSessionMutation | null };
    const result = body.data?.refreshSession;
    if (result?.__typename === 'AuthPayload') {
      markSignedIn(result.expiresAt);
      return true;
    }
    // Only a clear refusal ends the session here; a dropped connection may recover.
    if (result?.__typename === 'InvalidCredentialsError') markSignedIn(null);
    return false;
  } catch {
    return false;
  }
}

/**
 * Resolves once the access cookie is good for a while, renewing it first when
 * it is about to lapse. Without this, a draft opened after a coffee break
 * would load as "not found", because an anonymous request cannot see drafts.
 */
export function ensureFreshSession(): Promise<unknown> {
  const expiresAt = readExpiry();
  if (expiresAt === null || expiresAt - Date.now() > MARGIN_MS) return Promise.resolve();
  return refreshSession();
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void ensureFreshSession();
  });
  const expiresAt = readExpiry();
  if (expiresAt !== null) schedule(expiresAt);
}
