import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { readerLanguage } from '../shared/http/reader-language';
import { debtorTimeline } from '../use-cases/accounts/debtor-timeline';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('get-debtor-timeline', async ({ path, query, event }) =>
  debtorTimeline(store, {
    debtorId: path.id,
    limit: query.limit,
    language: readerLanguage(query.lang, event),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  }),
);
