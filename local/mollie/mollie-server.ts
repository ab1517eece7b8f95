import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen, localUrl } from '../ports';
import { checkoutPage, donePage, messagePage } from './checkout-page';
import {
  isAmount,
  mollieId,
  paymentLinkResource,
  paymentResource,
  problem,
  type StoredPayment,
  type StoredPaymentLink,
} from './mollie-objects';

export interface MollieServerOptions {
  port?: number;
  host?: string;
  /** The clock of createdAt and paidAt; the local cloud passes its virtual clock. */
  now?: () => Date;
  /** How long a payment can be paid, as Mollie's payments expire (15 minutes for most methods). */
  paymentMinutes?: number;
  log?: (line: string) => void;
}

export interface MollieServer {
  url: string;
  /** Every payment, oldest first, as GET /v2/payments/{id} shows it. */
  payments(): ReturnType<typeof paymentResource>[];
  /** Every payment link, oldest first. */
  paymentLinks(): ReturnType<typeof paymentLinkResource>[];
  stop(): Promise<void>;
}

/**
 * A local server that speaks the part of Mollie's API v2 the system uses, after Mollie's published
 * documentation: POST/GET /v2/payment-links, POST/GET /v2/payments/{id}, with a bearer API key
 * (`test_…` or `live_…`) and an Idempotency-Key header. For people: a payment link's page
 * (/payment-links/{id}) starts a payment and goes to its checkout (/checkout/{id}), whose "pay" and
 * "cancel" buttons (plain form posts) settle the payment, call its webhook with `id=<payment id>`
 * as Mollie does, and send the debtor to the redirect URL. GET /_local/mollie lists everything.
 */
export async function startMollieServer(options: MollieServerOptions = {}): Promise<MollieServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const payments = new Map<string, StoredPayment>();
  const links = new Map<string, StoredPaymentLink>();
  const answered = new Map<string, { status: number; body: unknown }>();
  let base = '';

  const newPayment = (fields: Omit<StoredPayment, 'id' | 'createdAt' | 'status' | 'expiresAt'>) => {
    const createdAt = now();
    const payment: StoredPayment = {
      id: mollieId('tr'),
      createdAt: createdAt.toISOString(),
      status: 'open',
      expiresAt: new Date(createdAt.getTime() + (options.paymentMinutes ?? 15) * 60_000).toISOString(),
      ...fields,
    };
    payments.set(payment.id, payment);
    return payment;
  };

  const api = async (request: IncomingMessage, path: string): Promise<{ status: number; body: unknown }> => {
    if (!/^Bearer (test|live)_\w+$/.test(request.headers.authorization ?? '')) {
      return {
        status: 401,
        body: problem(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate'),
      };
    }
    const method = request.method ?? 'GET';
    const key = request.headers['idempotency-key'];
    const remembered = typeof key === 'string' ? `${method} ${path} ${key}` : undefined;
    if (method === 'POST' && remembered && answered.has(remembered)) return answered.get(remembered)!;
    const answer = await apiAnswer(method, path, request);
    if (method === 'POST' && remembered && answer.status < 500) answered.set(remembered, answer);
    return answer;
  };

  const apiAnswer = async (method: string, path: string, request: IncomingMessage) => {
    const [, collection, id] = /^\/v2\/(payments|payment-links)(?:\/([^/]+))?$/.exec(path) ?? [];
    if (!collection) return { status: 404, body: problem(404, 'Not Found', 'The resource does not exist') };
    if (method === 'GET' && id) {
      const found = collection === 'payments' ? payments.get(id) : links.get(id);
      if (!found) {
        const what = collection === 'payments' ? 'payment' : 'payment link';
        return { status: 404, body: problem(404, 'Not Found', `No ${what} exists with token ${id}.`) };
      }
      return {
        status: 200,
        body:
          collection === 'payments'
            ? paymentResource(found as StoredPayment, base)
            : paymentLinkResource(found as StoredPaymentLink, base),
      };
    }
    if (method !== 'POST' || id)
      return { status: 405, body: problem(405, 'Method Not Allowed', `${method} is not allowed here`) };
    const body = (await readJson(request)) as Record<string, unknown> | undefined;
    if (!body) return { status: 400, body: problem(400, 'Bad Request', 'The body is not valid JSON') };
    const invalid = (field: string, detail: string) => ({
      status: 422,
      body: problem(422, 'Unprocessable Entity', detail, field),
    });
    if (typeof body.description !== 'string' || body.description.trim() === '') {
      return invalid('description', 'The description is invalid');
    }
    if (!isAmount(body.amount)) return invalid('amount', 'The amount is invalid');
    const url = (field: 'redirectUrl' | 'webhookUrl') =>
      typeof body[field] === 'string' ? { [field]: body[field] as string } : {};
    if (collection === 'payments') {
      if (typeof body.redirectUrl !== 'string') return invalid('redirectUrl', 'The redirect URL is missing');
      if (JSON.stringify(body.metadata ?? null).length > 1024)
        return invalid('metadata', 'The metadata is too large');
      const payment = newPayment({
        amount: body.amount,
        description: body.description,
        metadata: body.metadata ?? null,
        ...url('redirectUrl'),
        ...url('webhookUrl'),
      });
      log(`Mollie: payment ${payment.id} of ${payment.amount.value} ${payment.amount.currency} created`);
      return { status: 201, body: paymentResource(payment, base) };
    }
    const link: StoredPaymentLink = {
      id: mollieId('pl'),
      createdAt: now().toISOString(),
      description: body.description,
      amount: body.amount,
      reusable: body.reusable === true,
      ...url('redirectUrl'),
      ...url('webhookUrl'),
    };
    links.set(link.id, link);
    log(`Mollie: payment link ${link.id} of ${link.amount.value} ${link.amount.currency} created`);
    return { status: 201, body: paymentLinkResource(link, base) };
  };

  /** Calls the payment's webhook as Mollie does: a form post with its id, whatever the answer. */
  const callWebhook = async (payment: StoredPayment) => {
    if (!payment.webhookUrl) return;
    const at = now().toISOString();
    try {
      const response = await fetch(payment.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id: payment.id }).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      payment.webhook = { status: response.status, at };
    } catch {
      payment.webhook = { status: 'unreachable', at };
    }
    log(`Mollie: webhook for ${payment.id} answered ${payment.webhook.status}`);
  };

  const pages = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const linkPage = /^\/payment-links\/([^/]+)$/.exec(path);
    if (linkPage && request.method === 'GET') {
      const link = links.get(linkPage[1] ?? '');
      if (!link)
        return sendHtml(
          response,
          404,
          messagePage('Unknown payment link', 'This payment link does not exist.'),
        );
      if (link.paidAt && !link.reusable) {
        return sendHtml(
          response,
          410,
          messagePage('Already paid', `${link.description} has been paid. Thank you.`),
        );
      }
      // As Mollie does: the link's page starts a payment with the link's description and amount.
      const payment = newPayment({
        amount: link.amount,
        description: link.description,
        metadata: null,
        paymentLinkId: link.id,
        ...(link.redirectUrl ? { redirectUrl: link.redirectUrl } : {}),
        ...(link.webhookUrl ? { webhookUrl: link.webhookUrl } : {}),
      });
      response.writeHead(303, { location: `/checkout/${payment.id}` }).end();
      return;
    }
    const checkout = /^\/checkout\/([^/]+)$/.exec(path);
    if (!checkout) return sendHtml(response, 404, messagePage('Not found', 'There is nothing here.'));
    const payment = payments.get(checkout[1] ?? '');
    if (!payment)
      return sendHtml(response, 404, messagePage('Unknown payment', 'This payment does not exist.'));
    if (payment.status === 'open' && now().toISOString() > payment.expiresAt) payment.status = 'expired';
    if (request.method === 'GET') {
      if (payment.status !== 'open') return sendHtml(response, 409, donePage(payment));
      return sendHtml(response, 200, checkoutPage(payment));
    }
    if (request.method !== 'POST')
      return sendHtml(response, 405, messagePage('Not allowed', 'Use the buttons.'));
    if (payment.status !== 'open') return sendHtml(response, 409, donePage(payment));
    const action = new URLSearchParams(await readText(request)).get('action');
    if (action !== 'pay' && action !== 'cancel') {
      return sendHtml(response, 400, messagePage('Choose', 'Choose pay or cancel.'));
    }
    const at = now().toISOString();
    if (action === 'pay') {
      payment.status = 'paid';
      payment.paidAt = at;
      const link = payment.paymentLinkId ? links.get(payment.paymentLinkId) : undefined;
      if (link) link.paidAt ??= at;
    } else {
      payment.status = 'canceled';
      payment.canceledAt = at;
    }
    log(`Mollie: payment ${payment.id} ${payment.status}`);
    // The webhook is called before the debtor is sent back, so the return finds it booked.
    await callWebhook(payment);
    if (payment.redirectUrl) response.writeHead(303, { location: payment.redirectUrl }).end();
    else sendHtml(response, 200, donePage(payment));
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    const handle = async () => {
      if (path.startsWith('/v2/')) {
        const { status, body } = await api(request, path);
        response.writeHead(status, { 'content-type': 'application/hal+json' }).end(JSON.stringify(body));
        return;
      }
      if (path === '/_local/mollie' && request.method === 'GET') {
        const view = {
          payments: [...payments.values()].map((payment) => ({
            ...paymentResource(payment, base),
            webhook: payment.webhook,
          })),
          paymentLinks: [...links.values()].map((link) => paymentLinkResource(link, base)),
        };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(view, null, 2));
        return;
      }
      await pages(request, response, path);
    };
    handle().catch((error: unknown) => {
      log(`Mollie: request failed: ${String(error)}`);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/hal+json' });
        response.end(JSON.stringify(problem(500, 'Internal Server Error', 'The local Mollie failed')));
      }
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  base = localUrl(host, port);

  return {
    url: base,
    payments: () => [...payments.values()].map((payment) => paymentResource(payment, base)),
    paymentLinks: () => [...links.values()].map((link) => paymentLinkResource(link, base)),
    stop: () => close(server),
  };
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('request body over 64 KB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readText(request)) as unknown;
  } catch {
    return undefined;
  }
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}
