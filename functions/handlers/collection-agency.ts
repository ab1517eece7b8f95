import * as z from 'zod';
import { requestSchemasOf } from '../api/route-request';
import { webhookSecretFrom } from '../adapters/secrets/webhook-secret';
import { routeAt, capabilityHandler } from '../shared/http/capability-handler';
import { proxyHandler, routeHandler } from '../shared/http/http-handler';
import { parseRequest } from '../shared/http/parse-request';
import { verifiedDeliveryId } from '../shared/http/webhook-signature';
import { readConfig } from '../shared/config';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { vatReturnPeriodFromEnvironment } from '../shared/special-config';
import type { AgencyWebhookEvent } from '../api/schemas/agency-schemas';
import { agencyReport } from '../use-cases/collection-agency/agency-report';
import { receiveAgencyDelivery } from '../use-cases/collection-agency/receive-agency-event';
import { recallClaim } from '../use-cases/collection-agency/recall-claim';

const config = readConfig(
  z
    .object({
      AGENCY_WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
      // The secret itself where there is no Secrets Manager (the local cloud); never set in AWS.
      AGENCY_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    })
    .transform(({ AGENCY_WEBHOOK_SECRET_ARN, AGENCY_WEBHOOK_SECRET }, ctx) => {
      if (AGENCY_WEBHOOK_SECRET_ARN) return { arn: AGENCY_WEBHOOK_SECRET_ARN };
      if (AGENCY_WEBHOOK_SECRET) return { value: AGENCY_WEBHOOK_SECRET };
      ctx.addIssue({
        code: 'custom',
        path: ['AGENCY_WEBHOOK_SECRET_ARN'],
        message: 'set it in AWS, or AGENCY_WEBHOOK_SECRET where there is no Secrets Manager',
      });
      return z.NEVER;
    }),
);
const secret = webhookSecretFrom(config);

// The report reads the table only, and most of the agency's events too: the workflow (a claim
// returned to the dunning) and the notifier (a recall told to the agency) are loaded on first use.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowOnFirstUse(),
  clock,
  notifier: notifierOnFirstUse(['collection-agency']),
  referenceScheme: readCreditor().referenceScheme,
  vatPeriod: vatReturnPeriodFromEnvironment(),
};

const webhook = routeAt('POST', '/webhooks/collection-agency');

/** The collection agency's side: its signed webhook, taking a claim back, and the report. */
export const handler = capabilityHandler([
  [
    webhook,
    proxyHandler(async (event) => {
      // The signature first: nothing is read or stored for a delivery that fails it.
      const deliveryId = verifiedDeliveryId(event, await secret());
      const { body } = parseRequest(event, await requestSchemasOf(webhook));
      return receiveAgencyDelivery(deps, { id: deliveryId, event: body as AgencyWebhookEvent });
    }),
  ],
  [
    routeAt('POST', '/invoices/{id}/recall'),
    routeHandler(routeAt('POST', '/invoices/{id}/recall'), async ({ path, body, caller }) =>
      recallClaim(deps, path.id, { reason: body.reason, by: caller.sub }),
    ),
  ],
  [
    routeAt('GET', '/reports/agency'),
    routeHandler(routeAt('GET', '/reports/agency'), async ({ query }) =>
      agencyReport(deps, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.status ? { status: query.status } : {}),
      }),
    ),
  ],
]);
