import pg from 'pg';

export const NOTIFY_CHANNEL = 'cooplink_notification';
/** Announced by database triggers when a session is revoked or deleted, or its account disabled. */
export const SESSION_ENDED_CHANNEL = 'cooplink_session_ended';

export interface NotificationSignal {
  userId: string;
  id: string;
}

type Listener = (signal: NotificationSignal) => void;

/** A session that ended (sessionId set), or every session of a disabled account (userId only). */
export interface SessionEnded {
  sessionId?: string;
  userId?: string;
}

/**
 * The process's one LISTEN connection. Notifications are announced with
 * pg_notify in the transaction that stores them, so Postgres delivers them
 * to every process on the database after commit, and each process hands
 * them to its own WebSocket subscribers.
 */
export class NotificationHub {
  private client: pg.Client | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private lost = false;
  private readonly sessionEndedListeners = new Set<(ended: SessionEnded) => void>();
  private readonly reconnectListeners = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel === SESSION_ENDED_CHANNEL) {
        try {
          const ended = JSON.parse(msg.payload) as SessionEnded;
          for (const l of this.sessionEndedListeners) l(ended);
        } catch {
          // Not ours; ignore it.
        }
        return;
      }
      if (msg.channel !== NOTIFY_CHANNEL) return;
      try {
        const signal = JSON.parse(msg.payload) as NotificationSignal;
        for (const l of this.listeners.get(signal.userId) ?? []) l(signal);
      } catch {
        // A malformed payload is not ours; ignore it.
      }
    });
    client.on('error', (err) => {
      // Only the live listener matters; an attempt that never connected is retried by its caller.
      if (this.client !== client) return;
      this.log(`notification listener lost its connection: ${err.message}`);
      this.reconnectLater();
    });
    client.on('end', () => {
      if (this.client === client) this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
    } catch (err) {
      void client.end().catch(() => {});
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    if (this.lost) {
      this.lost = false;
      this.log('notification listener reconnected');
      // Sessions may have ended while nobody was listening.
      for (const l of this.reconnectListeners) l();
    }
  }

  /** Calls `listener` whenever a session ends anywhere on the database. */
  onSessionEnded(listener: (ended: SessionEnded) => void): void {
    this.sessionEndedListeners.add(listener);
  }

  /** Calls `listener` after the listening connection was lost and came back. */
  onReconnected(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  /** Signals for one user, as an async iterator a GraphQL subscription can return. */
  subscribe(userId: string): AsyncIterableIterator<NotificationSignal> {
    const queue: NotificationSignal[] = [];
    let wake: ((r: IteratorResult<NotificationSignal>) => void) | null = null;
    let done = false;
    const listener: Listener = (s) => {
      if (wake) {
        const w = wake;
        wake = null;
        w({ value: s, done: false });
      } else queue.push(s);
    };
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    const finish = (): Promise<IteratorResult<NotificationSignal>> => {
      done = true;
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
      if (wake) wake({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (done) return Promise.resolve({ value: undefined, done: true });
        const s = queue.shift();
        if (s) return Promise.resolve({ value: s, done: false });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: (err) => {
        void finish();
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => {});
  }

  private reconnectLater(): void {
    const old = this.client;
    this.client = null;
    this.lost = true;
    if (old) void old.end().catch(() => {});
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.start().catch(() => this.reconnectLater());
    }, 1_000);
    this.retry.unref();
  }
}
