import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { promisesOfInvoice } from '../use-cases/promises/promise-view';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('list-invoice-promises', async ({ path }) =>
  promisesOfInvoice(store, path.id),
);
