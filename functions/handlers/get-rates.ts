import { creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { currentRateTable } from '../use-cases/rates/rate-table';

export const handler = httpHandler({ route: 'get-rates' }, async () => currentRateTable(creditStore()));
