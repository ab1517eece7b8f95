import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { invoiceClaim } from '../use-cases/claims/invoice-claim';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('get-invoice-claim', async ({ path, query }) =>
  invoiceClaim(deps, path.id, query.asOf),
);
