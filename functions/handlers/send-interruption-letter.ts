import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { cachedTemplateReader } from '../use-cases/templates/template-reader';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';

// Only the interruption letter emails; a registered letter's delivery does not: SES's client is
// loaded with the first letter. Each route's use case is loaded on its first request: a delivery
// reads no letter's renderer nor its wording, the letter none of the delivery's evidence.
const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  mailer: mailerOnFirstUse(),
  creditor: readCreditor(),
  // The current wording an admin gave the letter, read at most once a minute per warm function.
  templates: cachedTemplateReader(letterTemplatesFromEnvironment(), clock),
};

const interruptionLetter = routeAt('POST', '/invoices/{id}/interruption-letter');
const letterDelivery = routeAt('POST', '/letters/{id}/delivery');

/** The letters a controller acts on by hand: the interruption letter, and a registered letter's delivery. */
export const handler = capabilityHandler([
  [
    interruptionLetter,
    routeHandler(interruptionLetter, async ({ path, body, caller }) =>
      (await import('../use-cases/claims/interruption-letter')).sendInterruptionLetter(deps, {
        invoiceId: path.id,
        by: caller.sub,
        reason: body.reason,
      }),
    ),
  ],
  [
    letterDelivery,
    routeHandler(letterDelivery, async ({ path, body, caller }) =>
      (await import('../use-cases/post/letter-delivery')).confirmLetterDelivery(deps, {
        letterId: path.id,
        deliveredOn: body.deliveredOn,
        ...(body.trackingCode ? { trackingCode: body.trackingCode } : {}),
        by: caller.sub,
      }),
    ),
  ],
]);
