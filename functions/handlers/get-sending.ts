import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { sendingSetting } from '../use-cases/settings/sending-setting';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('get-sending', async () => sendingSetting(store));
