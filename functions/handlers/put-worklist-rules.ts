import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { updateWorklistRules } from '../use-cases/worklist/worklist-rules';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('put-worklist-rules', async ({ body, caller }) =>
  updateWorklistRules(deps, body, caller.sub),
);
