import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { listPolicies } from '../use-cases/policies/policy-catalogue';
import { listTemplates } from '../use-cases/templates/template-catalogue';

const store = creditStoreFromEnvironment();
const templates = letterTemplatesFromEnvironment();

/** The catalogues of what the dunning does and says: the policies and the letter templates. */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/policies'),
    routeHandler(routeAt('GET', '/policies'), async () => ({ policies: await listPolicies(store) })),
  ],
  [
    routeAt('GET', '/templates'),
    routeHandler(routeAt('GET', '/templates'), async () => listTemplates(templates)),
  ],
]);
