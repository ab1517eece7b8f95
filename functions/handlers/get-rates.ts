import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { currentRateTable } from '../use-cases/rates/rate-table';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-rates', async () => currentRateTable(store));
