import { createBusiness, createCooperative, createUser, type TestUser } from '../../support/fixtures';
import { publishedProduct } from '../../support/needs';
import type { TestServer } from '../../support/test-server';
import { needInput, Q, type GqlClient } from './load';
import type { Stack } from './stack';

/**
 * The shared fixture helpers only need SQL and GraphQL calls; this gives
 * them both against the server child process.
 */
export function fixtureServer(stack: Stack, client: GqlClient): TestServer {
  const shim: Pick<TestServer, 'url' | 'query' | 'gql'> = {
    url: stack.url,
    query: (text, params) => stack.sql(text, params),
    async gql(doc, variables, caller = {}) {
      if (typeof doc !== 'string') throw new Error('plain query strings only');
      const reply = await client.post(doc, (variables ?? {}) as Record<string, unknown>, caller.token);
      return { status: reply.status, data: reply.body?.data as never, errors: reply.body?.errors, headers: new Headers() };
    },
  };
  return shim as TestServer;
}

/** A buyer and a cooperative already talking: a posted need and a proposed linkage between them. */
export interface Party {
  businessId: string;
  rep: TestUser;
  coopId: string;
  manager: TestUser;
  productId: string;
  linkageId: string;
}

export async function createParty(stack: Stack, client: GqlClient, i: number): Promise<Party> {
  const server = fixtureServer(stack, client);
  const businessId = await createBusiness(server);
  const coopId = await createCooperative(server, { name: `HTX Dừa sáp tải ${i}` });
  const [rep, manager] = await Promise.all([
    createUser(server, ['BUSINESS_REP'], { businessId }),
    createUser(server, ['COOP_MANAGER'], { cooperativeId: coopId }),
  ]);
  const productId = await publishedProduct(server, coopId, { categoryCode: 'fruit.coconut.wax', capacity: 40 });
  const need = await client.post(Q.postNeed, { input: needInput(businessId, `Thu mua dừa sáp ${i}`) }, rep.token);
  const needId = (need.body?.data?.postNeed as { id: string } | undefined)?.id;
  if (!needId) throw new Error(`could not post the fixture need: ${JSON.stringify(need.body)}`);
  const linkage = await client.post(Q.propose, { input: { needId, cooperativeId: coopId, productId } }, rep.token);
  const linkageId = (linkage.body?.data?.proposeLinkage as { id?: string } | undefined)?.id;
  if (!linkageId) throw new Error(`could not propose the fixture linkage: ${JSON.stringify(linkage.body)}`);
  return { businessId, rep, coopId, manager, productId, linkageId };
}

/** `n` parties, a few at a time (signing in is deliberately slow). */
export async function createParties(stack: Stack, client: GqlClient, n: number, parallel = 4): Promise<Party[]> {
  const out: Party[] = new Array<Party>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await createParty(stack, client, i);
      }
    }),
  );
  return out;
}
