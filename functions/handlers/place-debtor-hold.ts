import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { placeDebtorHold } from '../use-cases/holds/place-hold';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler(
  'place-debtor-hold',
  async ({ path, body, caller }) =>
    new Reply(
      201,
      await placeDebtorHold(deps, path.id, { until: body.until, reason: body.reason, by: caller.sub }),
    ),
);
