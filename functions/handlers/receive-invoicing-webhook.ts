import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import * as z from 'zod';
import { type WebhookSecretSource, webhookSecretFrom } from '../adapters/secrets/webhook-secret';
import { webhookEvent } from '../api/schemas/webhook-events';
import { readConfig } from '../shared/config';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { dunningWorkflow } from '../shared/dependencies/dunning-workflow';
import { HttpError } from '../shared/http/errors';
import { proxyHandler } from '../shared/http/http-handler';
import { parseRequest } from '../shared/http/parse-request';
import type { IntakeDeps } from '../use-cases/intake/effect';
import { receiveDelivery } from '../use-cases/intake/receive-delivery';

const config = readConfig(
  z
    .object({
      WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
      WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
      PAYMENT_REFERENCE_SCHEME: z.enum(['rf', 'betalingskenmerk']).default('rf'),
    })
    .transform(({ WEBHOOK_SECRET_ARN, WEBHOOK_SECRET, PAYMENT_REFERENCE_SCHEME }, ctx) => {
      const secret: WebhookSecretSource | undefined = WEBHOOK_SECRET_ARN
        ? { arn: WEBHOOK_SECRET_ARN }
        : WEBHOOK_SECRET
          ? { value: WEBHOOK_SECRET }
          : undefined;
      if (!secret) {
        ctx.addIssue({
          code: 'custom',
          path: ['WEBHOOK_SECRET_ARN'],
          message: 'set it in AWS, or WEBHOOK_SECRET locally',
        });
        return z.NEVER;
      }
      return { secret, referenceScheme: PAYMENT_REFERENCE_SCHEME };
    }),
);

class InvalidSignatureError extends HttpError {
  readonly status = 401;
  constructor() {
    super(
      'invalid_signature',
      'The webhook signature is missing or wrong, or its timestamp is over 5 minutes off.',
    );
  }
}

export interface WebhookHandlerDeps {
  intake: () => IntakeDeps;
  secret: () => Promise<string>;
}

/**
 * POST /webhooks/invoicing: checks the Standard Webhooks signature over the raw body, validates
 * the event, and hands it to the intake. No JWT: the signature is the authentication, so nothing
 * is read or stored for a delivery that fails it.
 */
export function webhookHandler(deps: WebhookHandlerDeps) {
  return proxyHandler(async (event) => {
    const deliveryId = verifiedDeliveryId(event, await deps.secret());
    const { body } = parseRequest(event, { body: webhookEvent });
    return receiveDelivery(deps.intake(), { id: deliveryId, event: body });
  });
}

/**
 * The tolerance of five minutes is checked against the wall clock, not the clock port: the
 * invoicing system signs in real time, also while the local cloud runs on virtual time.
 */
function verifiedDeliveryId(event: APIGatewayProxyEvent, secret: string): string {
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

export const handler = webhookHandler({
  intake: () => ({
    store: creditStore(),
    workflow: dunningWorkflow(),
    clock,
    referenceScheme: config.referenceScheme,
  }),
  secret: webhookSecretFrom(config.secret),
});
