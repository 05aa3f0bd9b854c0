import autocannon from 'autocannon';

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
 * `seconds`. Every response time is kept, so percentiles are exact.
 */
export function load(opts: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+/.test(opts.url)) throw new Error('load tests target 127.0.0.1 only');
  const bodies = opts.bodies ?? [];
  let next = 0;
  const times: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        method: bodies.length ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', ...opts.headers },
        requests: bodies.length
          ? [
              {
                setupRequest: (req) => {
                  req.body = bodies[next++ % bodies.length];
                  return req;
                },
              },
            ]
          : undefined,
      },
      (err, result) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
        resolve({
          requests: times.length,
          seconds: opts.seconds,
          rps: times.length / opts.seconds,
          p50: at(50),
          p95: at(95),
          p99: at(99),
          errors: result.errors + result.timeouts,
          non2xx,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
}
