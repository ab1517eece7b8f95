import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface PostResult {
  status: number;
  body: unknown;
  /** Real time from sending the request to the end of the answer. */
  ms: number;
}

/**
 * The invoicing system: posts events to the webhook with a Standard Webhooks signature. The
 * signature's timestamp is real time, as the invoicing system does not live in virtual time.
 */
export class WebhookPoster {
  private readonly webhook: Webhook;

  constructor(
    private readonly apiUrl: string,
    secret: string,
    /** Told of every request: each is one invocation of the webhook's Lambda in AWS. */
    private readonly onRequest: () => void = () => {},
  ) {
    this.webhook = new Webhook(secret);
  }

  async post(event: unknown): Promise<PostResult> {
    const id = `msg_${randomUUID()}`;
    const payload = JSON.stringify(event);
    const now = new Date();
    this.onRequest();
    const started = performance.now();
    const response = await fetch(`${this.apiUrl}/webhooks/invoicing`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': this.webhook.sign(id, now, payload),
      },
      body: payload,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, body: text ? JSON.parse(text) : undefined, ms };
  }

  /** Posts and fails on anything but 200: the bench's own events must all be accepted. */
  async accepted(event: unknown): Promise<PostResult> {
    const result = await this.post(event);
    if (result.status !== 200) {
      throw new Error(`webhook answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return result;
  }
}
