import * as z from 'zod';
import { type WebhookSecretSource, webhookSecretFrom } from '../adapters/secrets/webhook-secret';
import { readConfig } from '../shared/config';
import { readCreditor } from '../shared/creditor';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowOnFirstUse } from '../shared/dependencies/plan-workflow-on-first-use';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { webhookHandler } from '../shared/http/signed-webhook-handler';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { providerWebhookHandler } from '../shared/http/provider-webhook-handler';
import { paymentProviderFromEnvironment } from '../shared/dependencies/payment-provider-from-environment';
import { vatReturnPeriodFromEnvironment } from '../shared/special-config';
import { keepingLatestPolicies } from '../use-cases/intake/kept-policies';

const config = readConfig(
  z
    .object({
      WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
      // The secret itself, where there is no Secrets Manager to hold it (the local cloud). The
      // function construct never sets it, so in AWS the secret is always read from its ARN.
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
          message: 'set it in AWS, or WEBHOOK_SECRET where there is no Secrets Manager',
        });
        return z.NEVER;
      }
      return { secret, referenceScheme: PAYMENT_REFERENCE_SCHEME };
    }),
);

// Every invoice starts its dunning (the workflow, at cold start). A lowered plan, its email and the
// messages on credit status, rewards and agency claims follow only some events: their clients
// are loaded with the first of them, as Mollie's provider is.
const intake = {
  // Every invoice reads its debtor's policy: a warm function keeps each for a minute.
  store: keepingLatestPolicies(creditStoreFromEnvironment(), clock),
  workflow: dunningWorkflowFromEnvironment(),
  plans: planWorkflowOnFirstUse(),
  // A credit that lowers a payment plan is confirmed to the debtor with the new schedule.
  mailer: mailerOnFirstUse(),
  creditor: readCreditor(),
  notifier: notifierOnFirstUse(['credit-status', 'customer-rewards', 'collection-agency']),
  clock,
  referenceScheme: config.referenceScheme,
  vatPeriod: vatReturnPeriodFromEnvironment(),
};

const provider = paymentProviderFromEnvironment()?.provider;

/**
 * The webhooks that bring money in, one function for both (a Lambda costs the stack about seven
 * resources): POST /webhooks/invoicing, signed events of the invoicing system
 * (../shared/http/signed-webhook-handler.ts), and POST /webhooks/mollie, Mollie's payments
 * (../shared/http/provider-webhook-handler.ts), booked by the same intake.
 */
export const handler = capabilityHandler([
  [
    routeAt('POST', '/webhooks/invoicing'),
    webhookHandler({ intake: () => intake, secret: webhookSecretFrom(config.secret) }),
  ],
  [routeAt('POST', '/webhooks/mollie'), providerWebhookHandler({ intake: () => intake, provider })],
]);
