import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { vatReturnPeriodFromEnvironment, writeOffAdminAboveFromEnvironment } from '../shared/special-config';
import { closeInsolvency } from '../use-cases/special/insolvency-closing';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  adminAbove: writeOffAdminAboveFromEnvironment(),
  vatPeriod: vatReturnPeriodFromEnvironment(),
};

export const handler = httpHandler('close-insolvency', async ({ path, body, caller }) =>
  closeInsolvency(deps, path.id, {
    closedOn: body.closedOn,
    ...(body.note ? { note: body.note } : {}),
    by: caller.sub,
  }),
);
