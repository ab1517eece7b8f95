import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { disputeCauses } from '../use-cases/settings/dispute-causes';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('get-dispute-causes', async () => disputeCauses(store));
