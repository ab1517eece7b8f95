import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { updatePolicy } from '../use-cases/policies/update-policy';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('put-policy', async ({ path, body }) =>
  updatePolicy(store, path.id, body),
);
