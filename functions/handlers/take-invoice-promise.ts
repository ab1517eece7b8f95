import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { takePromise } from '../use-cases/promises/take-promise';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('take-invoice-promise', async ({ path, body, caller }) => {
  const promise = await takePromise(deps, {
    invoiceIds: [path.id],
    promisedDate: body.promisedDate,
    ...(body.amount !== undefined ? { amount: body.amount } : {}),
    ...(body.note ? { note: body.note } : {}),
    by: caller.sub,
    byEmail: caller.email,
    isManager: caller.roles.includes('manager'),
  });
  return new Reply(201, promise, { location: `/invoices/${path.id}/promises` });
});
