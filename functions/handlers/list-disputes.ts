import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { openDisputes } from '../use-cases/disputes/dispute-view';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('list-disputes', async () => openDisputes(deps));
