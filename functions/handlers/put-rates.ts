import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { updateRates } from '../use-cases/rates/update-rates';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('put-rates', async ({ body, caller }) =>
  updateRates(store, body, caller.sub, clock.now()),
);
