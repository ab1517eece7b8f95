import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { sendingSetting } from '../use-cases/settings/sending-setting';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-sending', async () => sendingSetting(store));
