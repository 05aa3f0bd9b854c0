import { Worker } from 'node:worker_threads';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Request bodies for POST, sent round-robin; omit for GET. */
  bodies?: string[];
  /** Extra request headers, e.g. a bearer token. */
  headers?: Record<string, string>;
}

/**
 * Closed-loop load against 127.0.0.1 only, stopping by itself after
 * `seconds`. autocannon runs on a worker thread; every response time is
 * kept, so percentiles are exact.
 */
export function load(opts: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+/.test(opts.url)) throw new Error('load tests target 127.0.0.1 only');
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: {
      url: opts.url,
      connections: opts.connections,
      seconds: opts.seconds,
      bodies: opts.bodies ?? [],
      headers: opts.headers ?? {},
    },
  });
  return new Promise<LoadResult>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker exited (${code}) without a result`)));
    worker.once('message', (m: { times: Float64Array; errors: number; non2xx: number }) => {
      const at = (p: number) => m.times[Math.min(m.times.length - 1, Math.floor((p / 100) * m.times.length))] ?? 0;
      resolve({
        requests: m.times.length,
        seconds: opts.seconds,
        rps: m.times.length / opts.seconds,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        errors: m.errors,
        non2xx: m.non2xx,
      });
    });
  }).finally(() => worker.terminate());
}
