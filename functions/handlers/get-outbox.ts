import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { dayOutbox } from '../use-cases/outbox/day-outbox';

const deps = { store: readingStoreFromEnvironment(), clock };

export const handler = httpHandler('get-outbox', async ({ query }) => dayOutbox(deps, query.date));
