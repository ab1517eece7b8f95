import { readFileSync } from 'node:fs';
import { InvoicingClient } from '../local/invoicing/invoicing-client';

/**
 * Posts one invoicing event to the local cloud's webhook, signed as the invoicing system would:
 *   npm run --silent post-event -- scripts/examples/invoice-created.json
 * The event's `timestamp` is filled in when missing. Reads the URL and secret from
 * .local/endpoints.json (written by `npm start`).
 */
async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run --silent post-event -- <event.json>');
    process.exit(2);
  }
  const endpoints = JSON.parse(readFileSync('.local/endpoints.json', 'utf8')) as {
    api: string;
    webhookSecret: string;
  };
  const event = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  event.timestamp ??= new Date().toISOString();
  const client = new InvoicingClient({ apiUrl: endpoints.api, secret: endpoints.webhookSecret });
  const answer = await client.post(event);
  console.log(`${answer.status} ${answer.body === undefined ? '' : JSON.stringify(answer.body)}`);
  if (answer.status < 200 || answer.status >= 300) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
