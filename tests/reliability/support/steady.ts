import { expect } from 'vitest';
import { GqlClient, loop, needInput, Q, sampleOf, type Sample, sleep } from './load';
import type { Party } from './parties';

/**
 * Steady mixed traffic from signed-in buyers and cooperative managers: the
 * catalogue, their own linkage and inbox, and now and then a write (a posted
 * need or a linkage message), paced well under any per-person write limit.
 */
export function steadyLoad(url: string, parties: Party[], workers: number) {
  const client = new GqlClient(url, workers);
  const samples: Sample[] = [];
  const lastWrite = new Array<number>(workers).fill(0);
  let seq = 0;
  const run = loop(workers, async (w, n) => {
    const party = parties[Math.floor(w / 2) % parties.length]!;
    const asRep = w % 2 === 0;
    const token = asRep ? party.rep.token : party.manager.token;
    let pick = n % 5;
    if (pick === 3 && Date.now() - lastWrite[w]! < 1500) pick = 0;
    const start = Date.now();
    if (pick === 0) samples.push(sampleOf('catalogue', start, await client.post(Q.catalogue)));
    else if (pick === 1) samples.push(sampleOf('me', start, await client.post(Q.me, {}, token)));
    else if (pick === 2) samples.push(sampleOf('linkage', start, await client.post(Q.linkage, { id: party.linkageId }, token)));
    else if (pick === 4) samples.push(sampleOf('needs', start, await client.post(Q.needs, {}, token)));
    else {
      lastWrite[w] = start;
      const key = `steady-${w}-${seq++}`;
      if (asRep)
        samples.push(
          sampleOf('postNeed', start, await client.post(Q.postNeed, { input: needInput(party.businessId, `Thu mua ${key}`) }, token)),
        );
      else
        samples.push(sampleOf('message', start, await client.post(Q.message, { input: { linkageId: party.linkageId, body: key } }, token)));
    }
    await sleep(20);
  });
  return {
    samples,
    async stop() {
      await run.stop();
      client.close();
    },
  };
}

export interface OutageReport {
  requests: number;
  failed: number;
  slowestFailureMs: number;
  /** From `from` until the last failed request ended (0 when nothing failed after it). */
  recoveryMs: number;
  okAfterWindow: number;
  windowRequests: number;
}

/**
 * What an outage may and may not do to requests: a failure is a quick 503
 * with UNAVAILABLE, never a hang, a dropped connection or another 5xx; and
 * from `recoveredBy` on, at least 99% succeed.
 */
export function judgeOutage(samples: Sample[], from: number, recoveredBy: number, windowMs: number, serverLog = ''): OutageReport {
  const failures = samples.filter((s) => !s.ok);
  const hung = samples.filter((s) => s.hung);
  expect(hung, 'requests that hung').toEqual([]);
  const unexpected = failures.filter((s) => s.status !== 503 || s.code !== 'UNAVAILABLE');
  expect(
    unexpected.slice(0, 5).map((s) => ({ op: s.op, status: s.status, code: s.code, net: s.netError })),
    `failures other than 503 UNAVAILABLE; the server logged:\n${serverLog
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l))
      .slice(0, 3)
      .join('\n')}`,
  ).toEqual([]);
  const slowest = Math.max(0, ...failures.map((s) => s.end - s.start));
  expect(slowest, 'slowest failed request, ms').toBeLessThanOrEqual(3000);
  const window = samples.filter((s) => s.start >= recoveredBy && s.start < recoveredBy + windowMs);
  const ok = window.filter((s) => s.ok).length;
  expect(window.length, 'requests in the recovery window').toBeGreaterThan(50);
  expect(ok / window.length, 'share of requests that succeed after recovery').toBeGreaterThanOrEqual(0.99);
  const lastFailure = Math.max(from, ...failures.map((s) => s.end));
  return {
    requests: samples.length,
    failed: failures.length,
    slowestFailureMs: slowest,
    recoveryMs: lastFailure - from,
    okAfterWindow: ok,
    windowRequests: window.length,
  };
}
