import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { findDebtors } from '../use-cases/accounts/find-debtors';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('list-debtors', async ({ query }) => findDebtors(store, query));
