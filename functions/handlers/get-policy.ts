import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { NotFoundError } from '../shared/http/errors';
import { routeHandler } from '../shared/http/http-handler';
import { policyFor } from '../use-cases/policies/policy-catalogue';

const store = creditStoreFromEnvironment();
const templates = letterTemplatesFromEnvironment();

/**
 * One policy, or one letter template, at its latest or a given version. The console reads
 * policies only: the letter texts are loaded with the first request for a template.
 */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/policies/{id}'),
    routeHandler(routeAt('GET', '/policies/{id}'), async ({ path, query }) => {
      const policy = await policyFor(store, path.id, query.version, { storeSeed: false });
      if (!policy)
        throw new NotFoundError(
          `Policy ${path.id}${query.version ? ` version ${query.version}` : ''} does not exist.`,
        );
      return policy;
    }),
  ],
  [
    routeAt('GET', '/templates/{id}'),
    routeHandler(routeAt('GET', '/templates/{id}'), async ({ path, query }) => {
      const { templateAt } = await import('../use-cases/templates/template-catalogue');
      const template = await templateAt(templates, path.id, query.version);
      if (!template) throw new NotFoundError(`Template ${path.id} version ${query.version} does not exist.`);
      return template;
    }),
  ],
]);
