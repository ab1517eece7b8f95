import { creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { listPolicies } from '../use-cases/policies/policy-catalogue';

export const handler = httpHandler({ route: 'list-policies' }, async () => ({
  policies: await listPolicies(creditStore()),
}));
