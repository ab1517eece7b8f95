import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { currentRateTable } from '../use-cases/rates/rate-table';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('get-rates', async () => currentRateTable(store));
