import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { endDebtorHold } from '../use-cases/holds/end-hold';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('end-debtor-hold', async ({ path, caller }) =>
  endDebtorHold(deps, path.id, { by: `user:${caller.sub}` }),
);
