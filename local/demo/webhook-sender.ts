import { setTimeout as delay } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import type { InvoicingEvent } from './invoicing-events';

export type SendEvent = (event: InvoicingEvent) => Promise<void>;

const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 150;

/**
 * Posts events to POST /webhooks/invoicing over real HTTP, signed as the invoicing system signs
 * them (Standard Webhooks), so that the demo goes through the same intake as production data.
 *
 * The delivery id is derived from the record's id: a re-sent event (after a restart) is a
 * redelivery that the webhook answers once. Busy answers (409, 429, 5xx) and refused
 * connections are retried with backoff, as a webhook sender does; other answers are final.
 */
export function webhookSender(options: { apiUrl: string; secret: string; now: () => Date }): SendEvent {
  const signer = new Webhook(options.secret);
  const url = `${options.apiUrl}/webhooks/invoicing`;

  return async (event) => {
    const deliveryId = `msg_demo_${event.data.id}`;
    let problem = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await delay(FIRST_BACKOFF_MS * 3 ** (attempt - 2));
      const timestamp = (event.timestamp ?? options.now()).toISOString();
      const body = JSON.stringify({ type: event.type, timestamp, data: event.data });
      // The signature's timestamp is real time: the receiver checks it against its own wall clock.
      const sentAt = new Date();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': deliveryId,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signer.sign(deliveryId, sentAt, body),
          },
          body,
        });
        if (response.ok) return;
        problem = `${response.status} ${await response.text()}`;
        if (!(response.status === 409 || response.status === 429 || response.status >= 500)) break;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    throw new Error(`${event.type} ${event.data.id}: ${problem.slice(0, 200)}`);
  };
}
