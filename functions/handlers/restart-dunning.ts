import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { restartDunning } from '../use-cases/dunning/restart-dunning';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('restart-dunning', async ({ path, body, caller }) =>
  restartDunning(deps, { invoiceId: path.id, by: caller.sub, reason: body.reason }),
);
