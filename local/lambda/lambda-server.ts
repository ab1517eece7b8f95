import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen, localUrl } from '../ports';

export interface LocalLambdaServer {
  url: string;
  stop(): Promise<void>;
}

const INVOKE = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * Lambda's Invoke API for the functions that invoke another (send-dunning-letter its printer):
 * the SDK's LambdaClient, pointed here by AWS_ENDPOINT_URL_LAMBDA, runs the named function of the
 * local Lambda service and gets its answer, or its error as Lambda reports an unhandled one
 * (status 200, `X-Amz-Function-Error: Unhandled`, the error's type and message as the payload).
 * Only the synchronous invocation is served; the function's name may be given as an ARN.
 */
export async function startLocalLambda(options: {
  port?: number;
  host?: string;
  invoke: (name: string, event: unknown) => Promise<unknown>;
}): Promise<LocalLambdaServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    handle(options.invoke, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: String(error) });
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  return { url: localUrl(host, port), stop: () => close(server) };
}

async function handle(
  invoke: (name: string, event: unknown) => Promise<unknown>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
  const match = request.method === 'POST' ? INVOKE.exec(path) : null;
  if (!match?.[1]) return send(response, 404, { message: `no such operation: ${request.method} ${path}` });
  if ((request.headers['x-amz-invocation-type'] ?? 'RequestResponse') !== 'RequestResponse') {
    return send(response, 400, { message: 'the local Lambda service invokes synchronously only' });
  }
  const name = match[1].split(':function:').pop()?.split(':')[0] ?? match[1];
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  let answer: unknown;
  try {
    answer = await invoke(name, body ? JSON.parse(body) : {});
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return send(
      response,
      200,
      { errorType: failure.name, errorMessage: failure.message },
      { 'X-Amz-Function-Error': 'Unhandled' },
    );
  }
  send(response, 200, answer ?? null);
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
