import { rateTableBody } from '../api/schemas/claim-schemas';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { updateRates } from '../use-cases/rates/update-rates';

export const handler = httpHandler({ route: 'put-rates', body: rateTableBody }, async ({ body, caller }) =>
  updateRates(creditStore(), body, caller.sub, clock.now()),
);
