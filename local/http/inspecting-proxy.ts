import { createServer, type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';
import { boundPort, close, listen, localUrl } from '../ports';

export interface Exchange {
  method: string;
  path: string;
  requestHeaders: IncomingHttpHeaders;
  requestBody: Buffer;
  status: number;
  responseHeaders: IncomingHttpHeaders;
  responseBody: Buffer;
  /** From the whole request received to the whole answer received from upstream. */
  upstreamMs: number;
}

/** What a proxy may answer itself instead of forwarding (a fault it injects). */
export interface OwnAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface InspectingProxyOptions {
  target: string;
  /** Answers the request itself when it returns an answer (the request is not forwarded). */
  intercept?: (request: IncomingMessage) => OwnAnswer | undefined;
  /** Sees every forwarded exchange before its answer goes back to the caller. */
  inspect?: (exchange: Exchange) => void;
  /** Called when a forwarded request has been answered (or failed). */
  settled?: () => void;
  name: string;
  host?: string;
}

/**
 * A small HTTP proxy in front of a local emulator that sees each request and answer whole. The
 * local cloud and the benchmark put one in front of an emulator to add what the emulator lacks:
 * faults (a throttled SES), events (SES's event destination), metering (consumed capacity).
 */
export async function startInspectingProxy(
  options: InspectingProxyOptions,
): Promise<{ url: string; stop(): Promise<void> }> {
  const upstream = new URL(options.target);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const own = options.intercept?.(req);
    if (own) {
      req.resume();
      res.writeHead(own.status, own.headers);
      res.end(own.body);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const sentAt = performance.now();
      const proxied = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            const responseBody = Buffer.concat(answerChunks);
            const status = answer.statusCode ?? 502;
            options.inspect?.({
              method: req.method ?? 'GET',
              path: req.url ?? '/',
              requestHeaders: req.headers,
              requestBody,
              status,
              responseHeaders: answer.headers,
              responseBody,
              upstreamMs: performance.now() - sentAt,
            });
            res.writeHead(status, answer.headers);
            res.end(responseBody);
            options.settled?.();
          });
        },
      );
      proxied.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`${options.name}: ${error.message}`);
        options.settled?.();
      });
      proxied.end(requestBody);
    });
  });
  await listen(server, 0, host);
  return { url: localUrl(host, boundPort(server)), stop: () => close(server) };
}
