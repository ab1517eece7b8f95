import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { findInvoices } from '../use-cases/accounts/find-invoices';

const deps = { store: readingStoreFromEnvironment(), clock };

export const handler = httpHandler('list-invoices', async ({ query }) => findInvoices(deps, query));
