import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen, localUrl } from '../ports';
import { deliverOverHttp } from './http-delivery';
import { errorXml, successXml } from './query-xml';
import { runAction } from './sns-actions';
import { type PublishedMessage, type PublishedText, SnsBroker } from './sns-broker';
import { SnsError } from './sns-error';

export type { PublishedMessage, PublishedText } from './sns-broker';

export interface SnsServerOptions {
  /** A free port is chosen when omitted. */
  port?: number;
  host?: string;
  /** Used in topic ARNs: arn:aws:sns:<region>:<accountId>:<name>. */
  region?: string;
  accountId?: string;
  /** Source of message timestamps; the local cloud passes its virtual clock. */
  now?: () => Date;
}

export interface SnsServer {
  url: string;
  port: number;
  /** Every published message, oldest first. */
  messages(): PublishedMessage[];
  /** Every text published to a phone number, oldest first. */
  texts(): PublishedText[];
  stop(): Promise<void>;
}

/**
 * A local SNS that the real `@aws-sdk/client-sns` talks to (the Query protocol: form-encoded
 * POST /, XML answers), plus a JSON view for people and tests:
 * GET /messages[?topic=name], GET /messages?phoneNumber=+31612345678 (the texts to that number),
 * GET /texts (every text), DELETE /messages (messages and texts), GET /topics.
 */
export async function startSnsServer(options: SnsServerOptions = {}): Promise<SnsServer> {
  const host = options.host ?? '127.0.0.1';
  const shutdown = new AbortController();
  const broker = new SnsBroker({
    region: options.region ?? process.env.AWS_REGION ?? 'eu-west-1',
    accountId: options.accountId ?? '000000000000',
    now: options.now ?? (() => new Date()),
    deliver: (subscription, message) => void deliverOverHttp(subscription, message, shutdown.signal),
  });

  const server = createServer((request, response) => {
    route(broker, request, response).catch((error: unknown) => {
      console.error('local SNS: request failed', error);
      if (!response.headersSent) sendXml(response, 500, errorXml(internalError(), randomUUID()));
    });
  });
  const port = await listen(server, options.port ?? 0, host);

  return {
    url: localUrl(host, port),
    port,
    messages: () => broker.messages(),
    texts: () => broker.textMessages(),
    stop: async () => {
      shutdown.abort();
      await close(server);
    },
  };
}

async function route(broker: SnsBroker, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  const endpoint = `${request.method} ${url.pathname}`;
  if (endpoint === 'POST /') return answerQuery(broker, await readBody(request), response);
  const phoneNumber = url.searchParams.get('phoneNumber');
  if (endpoint === 'GET /messages' && phoneNumber !== null)
    return sendJson(response, 200, broker.textMessages(phoneNumber));
  if (endpoint === 'GET /messages')
    return sendJson(response, 200, broker.messages(url.searchParams.get('topic') ?? undefined));
  if (endpoint === 'GET /texts') return sendJson(response, 200, broker.textMessages());
  if (endpoint === 'DELETE /messages') {
    broker.clearMessages();
    return sendJson(response, 200, { cleared: true });
  }
  if (endpoint === 'GET /topics') {
    const subscriptions = broker.listSubscriptions();
    const topics = broker.listTopics().map((topic) => ({
      ...topic,
      subscriptions: subscriptions.filter((s) => s.topicArn === topic.topicArn),
    }));
    return sendJson(response, 200, topics);
  }
  sendJson(response, 404, {
    message: `no route for ${endpoint}; try GET /messages, GET /texts or GET /topics`,
  });
}

function answerQuery(broker: SnsBroker, body: string, response: ServerResponse): void {
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const requestId = randomUUID();
  try {
    sendXml(response, 200, successXml(action, runAction(broker, action, params), requestId));
  } catch (error) {
    if (!(error instanceof SnsError)) throw error;
    sendXml(response, error.status, errorXml(error, requestId));
  }
}

function internalError(): SnsError {
  return new SnsError('InternalError', 500, 'The local SNS failed; see its log', 'Receiver');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendXml(response: ServerResponse, status: number, xml: string): void {
  response.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body, null, 2));
}
