import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { debtorView } from '../use-cases/queries/debtor-view';

const deps = { store: readingStoreFromEnvironment(), clock };

export const handler = httpHandler('get-debtor', async ({ path }) => debtorView(deps, path.id));
