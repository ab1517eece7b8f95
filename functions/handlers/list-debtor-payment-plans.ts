import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { plansOfDebtor } from '../use-cases/plans/plan-queries';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('list-debtor-payment-plans', async ({ path }) =>
  plansOfDebtor(store, path.id),
);
