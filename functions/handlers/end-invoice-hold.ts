import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { endInvoiceHold } from '../use-cases/holds/end-hold';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('end-invoice-hold', async ({ path, caller }) =>
  endInvoiceHold(deps, path.id, { by: `user:${caller.sub}` }),
);
