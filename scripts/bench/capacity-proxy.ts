import { createServer, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { boundPort, close, listen, localUrl } from '../../local/ports';
import { type CapacityUnits, consumedUnits, isMetered, operationOf } from './consumed-capacity';

export interface CapacityProxy {
  url: string;
  /** Units reported since the last reset. */
  readonly units: CapacityUnits;
  /** Units by operation since the last reset, e.g. { TransactWriteItems: { read: 0, write: 84 } }. */
  readonly byOperation: Readonly<Record<string, CapacityUnits>>;
  /** Requests not answered yet. */
  readonly inFlight: number;
  /** Real time (ms) of the last request or answer, so that the bench can wait for quiet. */
  readonly lastActivity: number;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A transparent HTTP proxy in front of DynamoDB Local that reads the ConsumedCapacity out of every
 * answer. The store asks for it on every call (ReturnConsumedCapacity TOTAL); reading it on the
 * wire lets the bench count the units of the real handlers without any change to their code.
 */
export async function startCapacityProxy(target: string, host = '127.0.0.1'): Promise<CapacityProxy> {
  const upstream = new URL(target);
  let units: CapacityUnits = { read: 0, write: 0 };
  let byOperation: Record<string, CapacityUnits> = {};
  let inFlight = 0;
  let lastActivity = Date.now();

  const count = (operation: string, body: Buffer, encoding: string | undefined) => {
    const text = (encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');
    const reported = consumedUnits(operation, JSON.parse(text));
    units = { read: units.read + reported.read, write: units.write + reported.write };
    const before = byOperation[operation] ?? { read: 0, write: 0 };
    byOperation[operation] = { read: before.read + reported.read, write: before.write + reported.write };
  };

  const server = createServer((req, res) => {
    inFlight += 1;
    lastActivity = Date.now();
    const done = () => {
      inFlight -= 1;
      lastActivity = Date.now();
    };
    const operation = operationOf(req.headers['x-amz-target'] as string | undefined);
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          // Counted before the answer goes back, so the units are in when the caller moves on.
          if (answer.statusCode === 200 && operation && isMetered(operation)) {
            count(operation, body, answer.headers['content-encoding']);
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
          done();
        });
      },
    );
    proxied.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`capacity proxy: ${error.message}`);
      done();
    });
    req.pipe(proxied);
  });
  await listen(server, 0, host);
  return {
    url: localUrl(host, boundPort(server)),
    get units() {
      return units;
    },
    get byOperation() {
      return byOperation;
    },
    get inFlight() {
      return inFlight;
    },
    get lastActivity() {
      return lastActivity;
    },
    reset() {
      units = { read: 0, write: 0 };
      byOperation = {};
    },
    stop: () => close(server),
  };
}
