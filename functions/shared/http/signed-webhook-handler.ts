import { requestSchemasOf } from '../../api/route-request';
import type { WebhookEvent } from '../../api/schemas/webhook-events';
import type { IntakeDeps } from '../../use-cases/intake/effect';
import { receiveDelivery } from '../../use-cases/intake/receive-delivery';
import { routeAt } from './capability-handler';
import { proxyHandler } from './http-handler';
import { parseRequest } from './parse-request';
import { verifiedDeliveryId } from './webhook-signature';

export interface WebhookHandlerDeps {
  intake: () => IntakeDeps;
  secret: () => Promise<string>;
}

/**
 * POST /webhooks/invoicing: checks the Standard Webhooks signature over the raw body, validates
 * the event with the route's body schema, and hands it to the intake. No JWT: the signature is
 * the authentication, so nothing is read or stored for a delivery that fails it.
 */
export function webhookHandler(deps: WebhookHandlerDeps) {
  const route = routeAt('POST', '/webhooks/invoicing');
  return proxyHandler(async (event) => {
    const deliveryId = verifiedDeliveryId(event, await deps.secret());
    const { body } = parseRequest(event, await requestSchemasOf(route));
    return receiveDelivery(deps.intake(), { id: deliveryId, event: body as WebhookEvent });
  });
}
