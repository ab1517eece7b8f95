import { readCreditor } from '../shared/creditor';
import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { updatePolicy } from '../use-cases/policies/update-policy';

const store = creditStoreFromEnvironment();
const templates = letterTemplatesFromEnvironment();
// Only a template's test send emails: SES's client is loaded for it alone.
const mailer = mailerOnFirstUse();
const deps = { store, templates, clock, creditor: readCreditor() };

/**
 * An admin's changes to what the dunning does and says: policies, letter templates, their previews.
 * A policy's change reads no letter: the templates' texts, their checks and the letters they
 * compose to (the claim and its legal wording) are loaded with a template's first request.
 */
export const handler = capabilityHandler([
  [
    routeAt('PUT', '/policies/{id}'),
    routeHandler(routeAt('PUT', '/policies/{id}'), async ({ path, body, caller }) =>
      updatePolicy(store, path.id, body, { by: caller.email ?? caller.sub, at: clock.now() }),
    ),
  ],
  [
    routeAt('PUT', '/templates/{id}'),
    routeHandler(routeAt('PUT', '/templates/{id}'), async ({ path, body, caller }) => {
      const { updateTemplate } = await import('../use-cases/templates/update-template');
      return updateTemplate({ templates, clock }, path.id, body, caller.email ?? caller.sub);
    }),
  ],
  [
    routeAt('POST', '/templates/{id}/preview'),
    routeHandler(routeAt('POST', '/templates/{id}/preview'), async ({ path, body }) => {
      const { previewTemplate } = await import('../use-cases/templates/preview-template');
      return previewTemplate(deps, path.id, body);
    }),
  ],
  [
    routeAt('POST', '/templates/{id}/test-send'),
    routeHandler(routeAt('POST', '/templates/{id}/test-send'), async ({ path, body, caller }) => {
      const { testSendTemplate } = await import('../use-cases/templates/preview-template');
      return testSendTemplate({ ...deps, mailer }, path.id, body, caller.email);
    }),
  ],
]);
