import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/db/seed/demo';
import { graphql } from '../generated';
import { createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { epcisValidator } from '../support/trace';

const Recall = graphql(`
  query TTraceDemoRecall($code: String!) {
    lotRecall(code: $code) {
      upstream {
        lot {
          code
          product {
            nameVi
          }
        }
      }
      downstream {
        lot {
          code
          product {
            nameVi
          }
        }
      }
      recipients {
        business {
          name
        }
      }
    }
  }
`);

const Integrity = graphql(`
  query TTraceDemoIntegrity($code: String!) {
    lotIntegrity(code: $code) {
      valid
      checkedEvents
    }
  }
`);

let server: TestServer;
let staff: TestUser;
let lots: { code: string; events: number }[];

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ds, { seed: 753, scale: 1 });
  staff = await createUser(server, ['TRADE_STAFF']);
  lots = await server.query<{ code: string; events: number }>(
    `SELECT l.code, count(DISTINCT el.event_id)::int AS events FROM lot l JOIN trace_event_lot el ON el.lot_id = l.id GROUP BY l.code ORDER BY l.code`,
  );
});
afterAll(() => server?.close());

describe('demo traceability data', () => {
  it('has at least 50 lots with three or more events each, and one corrected event', async () => {
    expect(lots.length).toBeGreaterThanOrEqual(50);
    expect(lots.filter((l) => l.events < 3)).toEqual([]);
    const [row] = await server.query<{ n: number }>(`SELECT count(*)::int AS n FROM trace_event WHERE corrects_event_id IS NOT NULL`);
    expect(row!.n).toBe(1);
  });

  it('every demo chain verifies', async () => {
    for (const { code } of lots) {
      const res = await server.gql(Integrity, { code });
      expect(res.data?.lotIntegrity.valid, code).toBe(true);
    }
  });

  it('every demo lot’s EPCIS export validates against the official schema', async () => {
    const validate = epcisValidator();
    let events = 0;
    const failures: string[] = [];
    for (const { code } of lots) {
      const doc = (await (await fetch(`${server.url}/t/${code}/epcis.json`)).json()) as { epcisBody: { eventList: unknown[] } };
      if (!validate(doc)) failures.push(`${code}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      events += doc.epcisBody.eventList.length;
    }
    console.log(`EPCIS: ${lots.length} demo lot exports, ${events} events, ${failures.length} invalid`);
    expect(failures).toEqual([]);
  });

  it('every demo trace page stays under 30 kB', async () => {
    const sizes: number[] = [];
    for (const { code } of lots) {
      for (const lang of ['vi', 'en']) {
        const res = await fetch(`${server.url}/t/${code}?lang=${lang}`);
        expect(res.status).toBe(200);
        sizes.push(Buffer.byteLength(await res.text()));
      }
    }
    sizes.sort((a, b) => a - b);
    console.log(`Trace page bytes over ${sizes.length} pages: min ${sizes[0]}, median ${sizes[sizes.length >> 1]}, max ${sizes.at(-1)}`);
    expect(sizes.at(-1)!).toBeLessThanOrEqual(30 * 1024);
  });

  it('traces coconut sugar back to the raw coconuts and the coconuts forward to the buyer', async () => {
    const [t] = await server.query<{ input: string; output: string }>(
      `SELECT i.code AS input, o.code AS output FROM trace_event e
         JOIN trace_event_lot ei ON ei.event_id = e.id AND ei.role = 'INPUT' JOIN lot i ON i.id = ei.lot_id
         JOIN trace_event_lot eo ON eo.event_id = e.id AND eo.role = 'OUTPUT' JOIN lot o ON o.id = eo.lot_id
        WHERE e.type = 'TRANSFORMATION'`,
    );
    const back = await server.gql(Recall, { code: t!.output }, { token: staff.token });
    expect(back.data?.lotRecall.upstream).toEqual([{ lot: { code: t!.input, product: { nameVi: expect.stringMatching(/^Dừa khô/) } } }]);
    const forward = await server.gql(Recall, { code: t!.input }, { token: staff.token });
    expect(forward.data?.lotRecall.downstream).toEqual([
      { lot: { code: t!.output, product: { nameVi: expect.stringMatching(/^Đường dừa/) } } },
    ]);
    expect(forward.data?.lotRecall.recipients).toEqual([{ business: { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Trà Vinh' } }]);
  });
});
