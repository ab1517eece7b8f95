import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { unappliedPayments } from '../use-cases/payments/unapplied-payments';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('list-unapplied-payments', async () => ({
  payments: await unappliedPayments(store),
}));
