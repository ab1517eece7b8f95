import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { vatReturnPeriodFromEnvironment, writeOffAdminAboveFromEnvironment } from '../shared/special-config';
import { writeOffInvoice } from '../use-cases/special/write-off';
import { writeOffView } from '../use-cases/special/write-off-view';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  adminAbove: writeOffAdminAboveFromEnvironment(),
  vatPeriod: vatReturnPeriodFromEnvironment(),
};

export const handler = httpHandler('write-off-invoice', async ({ path, body, caller }) =>
  writeOffView(
    await writeOffInvoice(deps, path.id, {
      reason: body.reason,
      ...(body.amount !== undefined ? { amount: body.amount } : {}),
      by: `user:${caller.sub}`,
      isAdmin: caller.roles.includes('admin'),
    }),
  ),
);
