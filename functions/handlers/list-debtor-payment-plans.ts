import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { plansOfDebtor } from '../use-cases/plans/plan-queries';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('list-debtor-payment-plans', async ({ path }) =>
  plansOfDebtor(store, path.id),
);
