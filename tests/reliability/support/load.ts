import http from 'node:http';
import { inDays } from '../../support/needs';

/** One request as the load saw it. Times are Date.now() milliseconds. */
export interface Sample {
  op: string;
  start: number;
  end: number;
  /** HTTP status, or 0 when the connection failed or the client gave up. */
  status: number;
  /** The first GraphQL error code, if any. */
  code?: string;
  /** The mutation answered with its success type (or the query with data and no errors). */
  ok: boolean;
  /** The client waited longer than its limit: the request hung. */
  hung?: boolean;
  netError?: string;
}

export interface Reply {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  hung: boolean;
  netError?: string;
}

/** A small keep-alive HTTP client, as a browser tab or mobile app keeps its connection. */
export class GqlClient {
  readonly agent: http.Agent;
  constructor(
    readonly url: string,
    maxSockets: number,
    private readonly limitMs = 10_000,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Reply> {
    const body = JSON.stringify({ query, variables });
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: Reply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const req = http.request(`${this.url}/graphql`, { method: 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let parsed: Reply['body'];
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['body'];
          } catch {
            parsed = null;
          }
          done({ status: res.statusCode ?? 0, body: parsed, hung: false });
        });
        res.on('error', (err) => done({ status: 0, body: null, hung: false, netError: err.message }));
      });
      const timer = setTimeout(() => {
        req.destroy();
        done({ status: 0, body: null, hung: true });
      }, this.limitMs);
      req.on('error', (err) => done({ status: 0, body: null, hung: false, netError: (err as NodeJS.ErrnoException).code ?? err.message }));
      req.end(body);
    });
  }

  get(pathname: string): Promise<number> {
    return new Promise((resolve) => {
      const req = http.get(`${this.url}${pathname}`, { agent: false, timeout: this.limitMs }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export const Q = {
  catalogue: `query { products(first: 5) { totalCount edges { node { id nameVi cooperative { name } } } } }`,
  needs: `query { needs(first: 5) { totalCount edges { node { id title } } } }`,
  me: `query { me { id } unreadNotificationCount }`,
  linkage: `query($id: ID!) { linkage(id: $id) { status messages { body } } }`,
  postNeed: `mutation($input: PostNeedInput!) { postNeed(input: $input) { id title } }`,
  message: `mutation($input: PostLinkageMessageInput!) { postLinkageMessage(input: $input) { body } }`,
  updateProduct: `mutation($input: UpdateProductInput!) {
    updateProduct(input: $input) { __typename ... on Product { id version nameVi } ... on VersionConflictError { code currentVersion } } }`,
  propose: `mutation($input: ProposeLinkageInput!) { proposeLinkage(input: $input) { __typename ... on Linkage { id } ... on ErrorResult { code } } }`,
};

export function needInput(businessId: string, title: string, quantity = 20) {
  return {
    kind: 'OFFTAKE',
    businessId,
    title,
    categoryCode: 'fruit.coconut.wax',
    quantity,
    unit: 'TNE',
    frequency: 'MONTHLY',
    deliveryFrom: '2027-01-01',
    deliveryTo: '2027-12-31',
    expiresAt: inDays(60),
  };
}

/** Turns a reply into a sample; `okType` is the success __typename of a union result. */
export function sampleOf(op: string, start: number, reply: Reply, field?: string, okType?: string): Sample {
  const end = Date.now();
  const code = reply.body?.errors?.[0]?.extensions?.code;
  let ok = reply.status === 200 && !reply.body?.errors && !!reply.body?.data;
  if (ok && field && okType) ok = (reply.body!.data![field] as { __typename?: string } | null)?.__typename === okType;
  return { op, start, end, status: reply.status, code, ok, hung: reply.hung || undefined, netError: reply.netError };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step` in `workers` loops until stopped; each loop is one client. */
export function loop(workers: number, step: (worker: number, n: number) => Promise<void>): { stop(): Promise<void> } {
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let n = 0; running; n++) await step(w, n);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
