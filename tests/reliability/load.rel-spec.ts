import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GqlClient, loop, needInput, percentile, Q, sampleOf, type Sample } from './support/load';
import { createParties, type Party } from './support/parties';
import { startStack, type Stack } from './support/stack';

// Sustained mixed traffic from many people at once: buyers post needs and
// write on their linkages, cooperative managers edit their products and
// answer, everyone browses. Nothing may fail with a server error, every
// write the server acknowledged must be stored, and no refused write may be.

const CONNECTIONS = 200;
const DURATION_MS = 60_000;
/** Each person writes at most once per this many milliseconds: 40 a minute, well under a per-person limit. */
const WRITE_EVERY_MS = 1500;

let stack: Stack;
let parties: Party[];

beforeAll(async () => {
  stack = await startStack('load');
  const setup = new GqlClient(stack.url, 8);
  parties = await createParties(stack, setup, CONNECTIONS / 2);
  setup.close();
});
afterAll(async () => {
  await stack?.close();
});

interface Write {
  kind: 'need' | 'message' | 'product';
  key: string;
  /** The stored row the server answered with (need id, product id). */
  id?: string;
  version?: number;
  ackedAt: number;
}

describe('sustained load', () => {
  it(`serves ${CONNECTIONS} connections of mixed reads and writes for ${DURATION_MS / 1000} s without a 5xx or a lost write`, async () => {
    const client = new GqlClient(stack.url, CONNECTIONS, 30_000);
    const samples: Sample[] = [];
    const acked: Write[] = [];
    const refused: (Write & { code?: string })[] = [];
    const versions = new Map<string, number>();
    for (const p of parties) {
      const [row] = await stack.sql<{ version: number }>(`SELECT version FROM product WHERE id = $1`, [p.productId]);
      versions.set(p.productId, row!.version);
    }
    const startVersions = new Map(versions);
    // Staggered, so the first writes do not all land in the same instant.
    const lastWrite = Array.from({ length: CONNECTIONS }, (_, w) => Date.now() - (w % 15) * 100);
    const started = Date.now();

    const run = loop(CONNECTIONS, async (w, n) => {
      if (Date.now() - started > DURATION_MS) return new Promise<void>((r) => setTimeout(r, 50));
      const party = parties[w >> 1]!;
      const asRep = w % 2 === 0;
      const token = asRep ? party.rep.token : party.manager.token;
      const start = Date.now();
      // One step in three is a write, as long as this person's pace allows it.
      if (n % 3 === 0 && start - lastWrite[w]! >= WRITE_EVERY_MS) {
        lastWrite[w] = start;
        const key = `load-${w}-${n}`;
        if ((n / 3) % 2 === 0) {
          const reply = await client.post(Q.message, { input: { linkageId: party.linkageId, body: key } }, token);
          const s = sampleOf('message', start, reply);
          samples.push(s);
          (s.ok ? acked : refused).push({ kind: 'message', key, ackedAt: s.end, ...(s.ok ? {} : { code: s.code }) });
        } else if (asRep) {
          const reply = await client.post(Q.postNeed, { input: needInput(party.businessId, `Thu mua lô ${key}`) }, token);
          const s = sampleOf('postNeed', start, reply);
          samples.push(s);
          const id = (reply.body?.data?.postNeed as { id?: string } | undefined)?.id;
          (s.ok ? acked : refused).push({ kind: 'need', key: `Thu mua lô ${key}`, id, ackedAt: s.end, ...(s.ok ? {} : { code: s.code }) });
        } else {
          const version = versions.get(party.productId)!;
          const reply = await client.post(Q.updateProduct, { input: { id: party.productId, version, nameVi: `Dừa sáp ${key}` } }, token);
          const s = sampleOf('updateProduct', start, reply, 'updateProduct', 'Product');
          samples.push(s);
          const result = reply.body?.data?.updateProduct as { version?: number; currentVersion?: number } | undefined;
          if (s.ok) {
            versions.set(party.productId, result!.version!);
            acked.push({ kind: 'product', key: `Dừa sáp ${key}`, id: party.productId, version: result!.version, ackedAt: s.end });
          } else {
            if (result?.currentVersion) versions.set(party.productId, result.currentVersion);
            refused.push({ kind: 'product', key: `Dừa sáp ${key}`, id: party.productId, ackedAt: s.end, code: s.code });
          }
        }
        return;
      }
      const pick = n % 4;
      if (pick === 0) samples.push(sampleOf('catalogue', start, await client.post(Q.catalogue)));
      else if (pick === 1) samples.push(sampleOf('needs', start, await client.post(Q.needs, {}, token)));
      else if (pick === 2) samples.push(sampleOf('linkage', start, await client.post(Q.linkage, { id: party.linkageId }, token)));
      else samples.push(sampleOf('me', start, await client.post(Q.me, {}, token)));
    });
    await new Promise((r) => setTimeout(r, DURATION_MS));
    await run.stop();
    const elapsed = (Date.now() - started) / 1000;
    client.close();

    const count = (kind: Write['kind']) => acked.filter((a) => a.kind === kind).length;
    const latencies = samples.map((s) => s.end - s.start);
    const writes = samples.filter((s) => ['message', 'postNeed', 'updateProduct'].includes(s.op));
    console.log(
      `load: ${CONNECTIONS} connections, ${elapsed.toFixed(0)} s: ${samples.length} requests served (${(samples.length / elapsed).toFixed(0)}/s), ` +
        `${acked.length} writes acknowledged (${count('need')} needs, ${count('message')} messages, ${count('product')} product edits), ` +
        `${refused.length} refused; p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms ` +
        `(writes p99 ${percentile(
          writes.map((s) => s.end - s.start),
          99,
        )} ms)`,
    );
    // Nothing hung, no connection dropped, no server error.
    expect(samples.filter((s) => s.hung || s.status === 0).slice(0, 5), 'hung or dropped requests').toEqual([]);
    const serverErrors = samples.filter((s) => s.status >= 500 || s.code === 'INTERNAL_SERVER_ERROR');
    expect(
      serverErrors.slice(0, 5).map((s) => ({ op: s.op, status: s.status, code: s.code })),
      `${serverErrors.length} server errors`,
    ).toEqual([]);
    expect(stack.child.exitCode).toBeNull();
    // A refusal is a typed answer the client can act on.
    for (const r of refused) expect(['RATE_LIMITED', 'VERSION_CONFLICT', undefined]).toContain(r.code);

    // Every acknowledged write is stored, exactly once; no refused one is.
    const needs = await stack.sql<{ id: string; title: string }>(`SELECT id, title FROM need WHERE title LIKE 'Thu mua lô load-%'`);
    const storedNeeds = new Map(needs.map((r) => [r.title, r.id]));
    const ackedNeeds = acked.filter((a) => a.kind === 'need');
    expect(needs.length).toBe(ackedNeeds.length);
    for (const a of ackedNeeds) expect(storedNeeds.get(a.key), a.key).toBe(a.id);
    for (const r of refused.filter((x) => x.kind === 'need')) expect(storedNeeds.has(r.key), r.key).toBe(false);

    const messages = await stack.sql<{ body: string; n: number }>(
      `SELECT body, count(*)::int AS n FROM linkage_message WHERE body LIKE 'load-%' GROUP BY body`,
    );
    const storedMessages = new Map(messages.map((m) => [m.body, m.n]));
    const ackedMessages = acked.filter((a) => a.kind === 'message');
    expect(messages.length).toBe(ackedMessages.length);
    for (const a of ackedMessages) expect(storedMessages.get(a.key), a.key).toBe(1);
    for (const r of refused.filter((x) => x.kind === 'message')) expect(storedMessages.has(r.key), r.key).toBe(false);

    // Product edits overwrite one another: the version counts them, the name is the last one acknowledged.
    const products = await stack.sql<{ id: string; version: number; name_vi: string }>(
      `SELECT id, version, name_vi FROM product WHERE id = ANY($1)`,
      [parties.map((p) => p.productId)],
    );
    const ackedEdits = acked.filter((a) => a.kind === 'product');
    for (const p of products) {
      const mine = ackedEdits.filter((a) => a.id === p.id);
      expect(p.version, p.id).toBe(startVersions.get(p.id)! + mine.length);
      if (mine.length > 0) expect(p.name_vi).toBe(mine[mine.length - 1]!.key);
    }

    expect(acked.length).toBeGreaterThan(CONNECTIONS);
  });
});
