import { createServer, request } from 'node:http';
import { boundPort, close, listen, localUrl } from '../ports';

export interface InjectedFault {
  status: number;
  /** The AWS error type the SDK turns into its exception class, e.g. TooManyRequestsException. */
  errorType: string;
  message: string;
}

export interface FaultProxy {
  url: string;
  /** The next `count` requests fail with `fault` instead of reaching the service. */
  failNext(count: number, fault: InjectedFault): void;
  /** Requests that reached the service (not failed by the proxy). */
  readonly forwarded: number;
  stop(): Promise<void>;
}

/**
 * A transparent HTTP proxy in front of a local emulator that can fail the next requests the way
 * an AWS service does under load (429 with x-amzn-ErrorType). It lets tests prove that a
 * throttled SES call is retried by the state machine and ends in exactly one email, with the real
 * SDK, the real handler and the real retry policy of the ASL.
 */
export async function startFaultProxy(target: string, host = '127.0.0.1'): Promise<FaultProxy> {
  const upstream = new URL(target);
  const pending: InjectedFault[] = [];
  let forwarded = 0;
  const server = createServer((req, res) => {
    const fault = pending.shift();
    if (fault) {
      req.resume();
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        'x-amzn-errortype': fault.errorType,
        'x-amzn-requestid': `fault-${Date.now()}`,
      });
      res.end(JSON.stringify({ message: fault.message }));
      return;
    }
    forwarded += 1;
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${error.message}`);
    });
    req.pipe(proxied);
  });
  await listen(server, 0, host);
  return {
    url: localUrl(host, boundPort(server)),
    failNext(count, fault) {
      for (let i = 0; i < count; i++) pending.push(fault);
    },
    get forwarded() {
      return forwarded;
    },
    stop: () => close(server),
  };
}
