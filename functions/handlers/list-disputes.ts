import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { openDisputes } from '../use-cases/disputes/dispute-view';

const deps = { store: readingStoreFromEnvironment(), clock };

export const handler = httpHandler('list-disputes', async () => openDisputes(deps));
