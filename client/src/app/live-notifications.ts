import { createClient } from 'graphql-ws';
import { refreshSession } from '../apollo/session';

/** graphql-ws closes with this code when the access cookie was refused, usually because it lapsed. */
const FORBIDDEN_CLOSE = 4403;
const MAX_WAIT_MS = 15_000;

export interface LiveNotificationHandlers<T> {
  /** A notification, as the subscription delivered it. */
  onNotification: (notification: T) => void;
  /** True once the socket is up, false while it is down; `reconnected` says whether anything may have been missed. */
  onState: (live: boolean, reconnected: boolean) => void;
}

/**
 * Keeps one graphql-ws socket open on /graphql for the signed-in user's
 * notifications. It retries for as long as the page is open, waiting longer
 * after each failure (at most 15 s), and renews the session first when the
 * server refused a lapsed cookie. Returns a function that closes it for good.
 */
export function connectNotifications<T>(query: string, handlers: LiveNotificationHandlers<T>): () => void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let lastClose = 0;
  let everConnected = false;
  const client = createClient({
    url,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    keepAlive: 20_000,
    retryWait: async (retries) => {
      if (lastClose === FORBIDDEN_CLOSE) await refreshSession();
      const wait = Math.min(MAX_WAIT_MS, 1_000 * 2 ** retries) + Math.floor(Math.random() * 1_000);
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
    on: {
      connected: () => {
        handlers.onState(true, everConnected);
        everConnected = true;
      },
      closed: (event) => {
        lastClose = typeof event === 'object' && event && 'code' in event ? Number((event as { code: unknown }).code) : 0;
        handlers.onState(false, false);
      },
    },
  });
  const unsubscribe = client.subscribe<{ notificationAdded: T }>(
    { query },
    {
      next: (result) => {
        if (result.data?.notificationAdded) handlers.onNotification(result.data.notificationAdded);
      },
      // The bell falls back to polling; a broken socket is not worth an error on screen.
      error: () => handlers.onState(false, false),
      complete: () => {},
    },
  );
  return () => {
    unsubscribe();
    void client.dispose();
  };
}
