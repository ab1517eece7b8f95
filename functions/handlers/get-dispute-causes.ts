import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { disputeCauses } from '../use-cases/settings/dispute-causes';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-dispute-causes', async () => disputeCauses(store));
