/**
 * Bounds how many API requests work on the database at once and queues the
 * rest in arrival order. Under a burst (a fair opening, a price announcement)
 * people wait a little instead of being refused: without it, every request
 * would grab for the database pool and those that waited past the pool's
 * short connect limit would fail as if the database were down.
 */
export class AdmissionGate {
  private active = 0;
  private readonly queue: { grant(): void }[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
  ) {}

  get inUse(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves true once admitted, or false when the wait ran out (the caller answers "busy"). */
  enter(): Promise<boolean> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        resolve(false);
      }, this.maxWaitMs);
      timer.unref();
      this.queue.push(entry);
    });
  }

  /** Hands the place to the longest-waiting request, if any. */
  leave(): void {
    const next = this.queue.shift();
    if (next) next.grant();
    else this.active = Math.max(0, this.active - 1);
  }
}
