import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { vatReliefReport } from '../use-cases/reports/vat-relief-report';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-vat-relief-report', async ({ query }) =>
  vatReliefReport(store, query.period),
);
