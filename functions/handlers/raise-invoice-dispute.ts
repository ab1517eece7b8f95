import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { raiseDispute } from '../use-cases/disputes/raise-dispute';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['disputes']),
};

export const handler = httpHandler('raise-invoice-dispute', async ({ path, body, caller }) => {
  const dispute = await raiseDispute(deps, {
    invoiceId: path.id,
    cause: body.cause,
    ...(body.amount !== undefined ? { amount: body.amount } : {}),
    note: body.note,
    ...(body.documents ? { documents: body.documents } : {}),
    by: caller.sub,
  });
  return new Reply(201, dispute, { location: `/disputes?status=open` });
});
