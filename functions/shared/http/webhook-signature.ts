import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { HttpError } from './errors';

class InvalidSignatureError extends HttpError {
  readonly status = 401;
  constructor() {
    super(
      'invalid_signature',
      'The webhook signature is missing or wrong, or its timestamp is over 5 minutes off.',
    );
  }
}

/**
 * The delivery id of a request whose Standard Webhooks signature holds with `secret`; a 401 otherwise.
 * The tolerance of five minutes is checked against the wall clock, not the clock port: the
 * invoicing system signs in real time, also while the local cloud runs on virtual time.
 */
export function verifiedDeliveryId(event: APIGatewayProxyEvent, secret: string): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const body = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  try {
    new Webhook(secret).verify(body, headers, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new InvalidSignatureError();
    throw error;
  }
  // verify() refuses a delivery without the header, so it is there.
  return headers['webhook-id'] as string;
}
