import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';

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
  const body = JSON.stringify(event);
  const id = `msg_${randomUUID()}`;
  const now = new Date();
  const response = await fetch(`${endpoints.api}/webhooks/invoicing`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(endpoints.webhookSecret).sign(id, now, body),
    },
    body,
  });
  console.log(`${response.status} ${await response.text()}`);
  if (!response.ok) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
