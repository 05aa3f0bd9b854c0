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

// The session itself lives in httpOnly cookies. This flag only remembers that
// this browser signed in, so anonymous visitors never pay for a refresh call.
const HINT_KEY = 'cooplink.signedIn';

export function markSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Private mode may refuse storage; the session still works for this tab.
  }
}

export function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
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
    const ok = body.data?.refreshSession.__typename === 'AuthPayload';
    markSignedIn(ok);
    return ok;
  } catch {
    return false;
  }
}
