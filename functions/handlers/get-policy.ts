import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { NotFoundError } from '../shared/http/errors';
import { httpHandler } from '../shared/http/http-handler';
import { policyFor } from '../use-cases/policies/policy-catalogue';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-policy', async ({ path, query }) => {
  const policy = await policyFor(store, path.id, query.version, { storeSeed: false });
  if (!policy)
    throw new NotFoundError(
      `Policy ${path.id}${query.version ? ` version ${query.version}` : ''} does not exist.`,
    );
  return policy;
});
