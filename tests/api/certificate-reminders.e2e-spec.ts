import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_LOCK_KEY, runCertificateReminders } from '../../server/src/modules/trace/certificate-reminders';
import { graphql } from '../generated';
import { createCooperative, createUser, type TestUser } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { createProductRow } from '../support/trace';

const Reminders = graphql(`
  query TCertificateReminders {
    myCertificateReminders(first: 10) {
      totalCount
      edges {
        node {
          expiresOn
          daysBefore
          certification {
            number
          }
          product {
            nameVi
          }
        }
      }
    }
  }
`);

let server: TestServer;
let manager: TestUser;
let outsider: TestUser;
const today = '2026-03-01';

async function cert(productId: string, number: string, expiresOn: string) {
  await server.query(
    `INSERT INTO certification (product_id, scheme, number, issuer, issued_on, expires_on) VALUES ($1, 'VIETGAP', $2, 'Sở NN&PTNT', '2024-03-01', $3)`,
    [productId, number, expiresOn],
  );
}

beforeAll(async () => {
  server = await startTestServer();
  const coop = await createCooperative(server);
  const product = await createProductRow(server, coop, 'Bưởi da xanh');
  await cert(product, 'VG-5-DAYS', '2026-03-06');
  await cert(product, 'VG-20-DAYS', '2026-03-21');
  await cert(product, 'VG-LATER', '2026-09-01');
  await cert(product, 'VG-EXPIRED', '2026-02-01');
  manager = await createUser(server, ['COOP_MANAGER'], { cooperativeId: coop });
  outsider = await createUser(server, ['COOP_MANAGER'], { cooperativeId: await createCooperative(server) });
});
afterAll(() => server?.close());

describe('certificate expiry reminders', () => {
  it('do nothing while another replica holds the job’s advisory lock', async () => {
    const other = server.ds.createQueryRunner();
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1)`, [REMINDER_LOCK_KEY]);
      expect(await runCertificateReminders(server.ds, today)).toEqual({ ran: false, created: 0 });
      await other.query(`SELECT pg_advisory_unlock($1)`, [REMINDER_LOCK_KEY]);
    } finally {
      await other.release();
    }
  });

  it('remind once per window of the certificates about to expire, even when replicas run together', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runCertificateReminders(server.ds, today)));
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(2);
    expect(await runCertificateReminders(server.ds, today)).toEqual({ ran: true, created: 0 });
    const res = await server.gql(Reminders, {}, { token: manager.token });
    expect(res.data?.myCertificateReminders.edges.map((e) => [e.node.certification.number, e.node.daysBefore]).sort()).toEqual([
      ['VG-20-DAYS', 30],
      ['VG-5-DAYS', 7],
    ]);
  });

  it('are shown only to the cooperative’s own managers', async () => {
    expect((await server.gql(Reminders, {}, { token: outsider.token })).data?.myCertificateReminders.totalCount).toBe(0);
    expect((await server.gql(Reminders, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const buyer = await createUser(server, ['BUSINESS_REP']);
    expect((await server.gql(Reminders, {}, { token: buyer.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
