import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { unappliedPayments } from '../use-cases/payments/unapplied-payments';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('list-unapplied-payments', async () => ({
  payments: await unappliedPayments(store),
}));
