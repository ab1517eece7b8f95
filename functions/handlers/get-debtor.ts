import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { debtorView } from '../use-cases/queries/debtor-view';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('get-debtor', async ({ path }) => debtorView(deps, path.id));
