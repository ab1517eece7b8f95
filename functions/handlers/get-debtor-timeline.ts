import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { debtorTimeline } from '../use-cases/accounts/debtor-timeline';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-debtor-timeline', async ({ path, query }) =>
  debtorTimeline(store, {
    debtorId: path.id,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  }),
);
