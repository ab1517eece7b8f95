import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface InvoicingClientOptions {
  /** The API's base URL: events go to POST {apiUrl}/webhooks/invoicing. */
  apiUrl: string;
  /** The webhook's Standard Webhooks secret (`whsec_…`). */
  secret: string;
  /** Told of every request: each is one invocation of the webhook's Lambda in AWS. */
  onRequest?: () => void;
}

export interface SignOptions {
  /** The webhook-id; a fresh one when left out. A redelivery of one event keeps its id. */
  id?: string;
  /** When the sender signed, by the wall clock. Default: now. */
  signedAt?: Date;
}

/** What the webhook answered to one delivery. */
export interface Delivery {
  status: number;
  /** The JSON answer; undefined when the body was empty. */
  body: unknown;
  /** Real time from sending the request to the end of the answer. */
  ms: number;
}

/**
 * The headers of one delivery of `body`, signed as Standard Webhooks prescribes. The timestamp
 * is wall-clock time, never virtual time: the invoicing system does not live in the local
 * cloud's virtual time, and the receiver checks the timestamp against its own wall clock.
 */
export function signedHeaders(
  body: string,
  secret: string,
  { id = `msg_${randomUUID()}`, signedAt = new Date() }: SignOptions = {},
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, signedAt, body),
  };
}

/**
 * The invoicing system as the credit-control API sees it: posts events to the webhook over real
 * HTTP, signed. The one client of the tests, the demo, the bench and `npm run post-event`.
 */
export class InvoicingClient {
  private readonly url: string;

  constructor(private readonly options: InvoicingClientOptions) {
    this.url = `${options.apiUrl}/webhooks/invoicing`;
  }

  /** Signs and posts one event; any answer is returned, a refused connection throws. */
  async post(event: unknown, sign: SignOptions = {}): Promise<Delivery> {
    const body = JSON.stringify(event);
    const headers = signedHeaders(body, this.options.secret, sign);
    this.options.onRequest?.();
    const started = performance.now();
    const response = await fetch(this.url, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      ms: performance.now() - started,
    };
  }

  /** Posts and fails on anything but 200: for senders whose events must all be accepted. */
  async accepted(event: unknown, sign: SignOptions = {}): Promise<Delivery> {
    const delivery = await this.post(event, sign);
    if (delivery.status !== 200) {
      throw new Error(`webhook answered ${delivery.status}: ${JSON.stringify(delivery.body)}`);
    }
    return delivery;
  }
}
