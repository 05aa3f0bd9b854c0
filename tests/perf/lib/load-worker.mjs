// Runs autocannon on its own thread, so generating the load does not take
// turns on the event loop of the server being measured (the API and the raw
// handler run in the bench's main thread).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, seconds, bodies, headers } = workerData;
let next = 0;
let non2xx = 0;
const times = [];
const instance = autocannon(
  {
    url,
    connections,
    duration: seconds,
    method: bodies.length ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...headers },
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
    if (err) throw err;
    const sorted = Float64Array.from(times).sort();
    parentPort.postMessage({ times: sorted, errors: result.errors + result.timeouts, non2xx }, [sorted.buffer]);
  },
);
instance.on('response', (_client, status, _bytes, responseTime) => {
  times.push(responseTime);
  if (status < 200 || status >= 300) non2xx++;
});
