import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { worklist } from '../use-cases/worklist/worklist';

const deps = { store: readingStoreFromEnvironment(), clock };

export const handler = httpHandler('get-worklist', async ({ query, caller }) =>
  worklist(deps, { caller, ...(query.owner ? { owner: query.owner } : {}) }),
);
