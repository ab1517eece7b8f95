import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { insolvencyClaimDaysFromEnvironment } from '../shared/special-config';
import { openInsolvency } from '../use-cases/special/insolvency';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  claimDays: insolvencyClaimDaysFromEnvironment(),
};

export const handler = httpHandler(
  'open-insolvency',
  async ({ path, body, caller }) =>
    new Reply(201, await openInsolvency(deps, path.id, { ...body, by: caller.sub })),
);
