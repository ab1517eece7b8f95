import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { listPolicies } from '../use-cases/policies/policy-catalogue';

const store = creditStoreFromEnvironment();
const templates = letterTemplatesFromEnvironment();

/**
 * The catalogues of what the dunning does and says: the policies and the letter templates. The
 * console reads the policies (the segments its filters name) and never the templates: the letter
 * texts are loaded with the first request for the templates.
 */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/policies'),
    routeHandler(routeAt('GET', '/policies'), async () => ({ policies: await listPolicies(store) })),
  ],
  [
    routeAt('GET', '/templates'),
    routeHandler(routeAt('GET', '/templates'), async () => {
      const { listTemplates } = await import('../use-cases/templates/template-catalogue');
      return listTemplates(templates);
    }),
  ],
]);
