import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { raiseDebtorDispute } from '../use-cases/disputes/raise-debtor-dispute';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['disputes']),
};

export const handler = httpHandler('raise-debtor-dispute', async ({ path, body, caller }) => {
  const dispute = await raiseDebtorDispute(deps, {
    debtorId: path.id,
    invoiceIds: body.invoiceIds,
    cause: body.cause,
    note: body.note,
    ...(body.documents ? { documents: body.documents } : {}),
    by: caller.sub,
  });
  return new Reply(201, dispute, { location: `/disputes?status=open` });
});
