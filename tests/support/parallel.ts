import http from 'node:http';

export interface RawGql<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/**
 * One GraphQL POST over a connection of its own (no keep-alive pool), so a
 * batch of these reaches the server as truly parallel clients would.
 */
export function gqlOwnConnection<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<RawGql<T>> {
  const body = JSON.stringify({ query, variables });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<RawGql<T>, 'status'>;
          resolve({ status: res.statusCode ?? 0, data: parsed.data, errors: parsed.errors });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts every call at the same moment and waits for all of them. */
export async function together<T>(n: number, call: (i: number) => Promise<T>): Promise<T[]> {
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  const runs = Array.from({ length: n }, (_, i) => gate.then(() => call(i)));
  go();
  return Promise.all(runs);
}
