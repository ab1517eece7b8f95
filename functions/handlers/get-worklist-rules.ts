import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { currentWorklistRules } from '../use-cases/worklist/worklist-rules';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-worklist-rules', async () => currentWorklistRules(store));
