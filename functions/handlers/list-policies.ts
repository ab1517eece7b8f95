import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { listPolicies } from '../use-cases/policies/policy-catalogue';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('list-policies', async () => ({ policies: await listPolicies(store) }));
