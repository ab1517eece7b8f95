import { setTimeout as delay } from 'node:timers/promises';
import { InvoicingClient } from '../invoicing/invoicing-client';
import type { InvoicingEvent } from '../invoicing/invoicing-events';

export type SendEvent = (event: InvoicingEvent) => Promise<void>;

const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 150;

/**
 * Posts events to POST /webhooks/invoicing with the invoicing client, so that the demo goes
 * through the same intake as production data.
 *
 * The delivery id is derived from the record's id: a re-sent event (after a restart) is a
 * redelivery that the webhook answers once. Busy answers (409, 429, 5xx) and refused
 * connections are retried with backoff, as a webhook sender does; other answers are final.
 */
export function webhookSender(options: { apiUrl: string; secret: string; now: () => Date }): SendEvent {
  const client = new InvoicingClient({ apiUrl: options.apiUrl, secret: options.secret });

  return async (event) => {
    const id = `msg_demo_${event.data.id}`;
    let problem = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await delay(FIRST_BACKOFF_MS * 3 ** (attempt - 2));
      const timestamp = (event.timestamp ?? options.now()).toISOString();
      try {
        const answer = await client.post({ type: event.type, timestamp, data: event.data }, { id });
        if (answer.status >= 200 && answer.status < 300) return;
        problem = `${answer.status} ${JSON.stringify(answer.body)}`;
        if (!(answer.status === 409 || answer.status === 429 || answer.status >= 500)) break;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    throw new Error(`${event.type} ${event.data.id}: ${problem.slice(0, 200)}`);
  };
}
