import { createClient } from 'graphql-ws';
import { refreshSession } from '../apollo/session';

/** graphql-ws closes with this code when the access cookie was refused, usually because it lapsed. */
const FORBIDDEN_CLOSE = 4403;
/** The server closes with this code when the access token the socket opened with lapses, or the session ends; graphql-ws does not retry it. */
const SESSION_ENDED_CLOSE = 4401;
const MAX_WAIT_MS = 15_000;
/** A ping goes out this often; a socket that does not answer within PONG_WAIT_MS is treated as dropped. */
const PING_EVERY_MS = 20_000;
const PONG_WAIT_MS = 10_000;

/** Resolves when the browser says it is back online. */
function untilOnline(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

export interface LiveNotificationHandlers<T> {
  /** A notification, as the subscription delivered it. */
  onNotification: (notification: T) => void;
  /** True once the socket is up, false while it is down; `reconnected` says whether anything may have been missed. */
  onState: (live: boolean, reconnected: boolean) => void;
}

/**
 * Keeps one graphql-ws socket open on /graphql for the signed-in user's
 * notifications. A phone that loses its signal often keeps a dead socket
 * open, so the socket is dropped as soon as the browser reports going
 * offline or a ping goes unanswered, and reopened the moment the browser is
 * back online. Otherwise it retries for as long as the page is open, waiting
 * longer after each failure (at most 15 s), and renews the session first
 * when the server refused a lapsed cookie. The server closes the socket when
 * the access token it opened with lapses or the session ends: the session is
 * then renewed and a new socket opened, unless renewing is refused (signed
 * out elsewhere), when the bell is left to its polling. Returns a function
 * that closes it for good.
 */
export function connectNotifications<T>(query: string, handlers: LiveNotificationHandlers<T>): () => void {
  let stopped = false;
  let everConnected = false;
  let close: (() => void) | null = null;
  const open = () => {
    close = openSocket(query, handlers, {
      connected: () => {
        handlers.onState(true, everConnected);
        everConnected = true;
      },
      sessionEnded: () => {
        close?.();
        close = null;
        void refreshSession().then((renewed) => {
          if (renewed && !stopped && !close) open();
        });
      },
    });
  };
  open();
  return () => {
    stopped = true;
    close?.();
    close = null;
  };
}

function openSocket<T>(
  query: string,
  handlers: LiveNotificationHandlers<T>,
  events: { connected: () => void; sessionEnded: () => void },
): () => void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let lastClose = 0;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const client = createClient({
    url,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    keepAlive: PING_EVERY_MS,
    retryWait: async (retries) => {
      if (!navigator.onLine) return untilOnline();
      if (lastClose === FORBIDDEN_CLOSE) await refreshSession();
      const wait = Math.min(MAX_WAIT_MS, 1_000 * 2 ** retries) + Math.floor(Math.random() * 1_000);
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
    on: {
      connected: () => events.connected(),
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => client.terminate(), PONG_WAIT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
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
      // graphql-ws gives up on a socket closed with 4401, so a new one is opened after renewing.
      error: () => {
        handlers.onState(false, false);
        if (lastClose === SESSION_ENDED_CLOSE) events.sessionEnded();
      },
      complete: () => {},
    },
  );
  const dropped = () => client.terminate();
  window.addEventListener('offline', dropped);
  return () => {
    window.removeEventListener('offline', dropped);
    clearTimeout(pongTimer);
    unsubscribe();
    void client.dispose();
  };
}
