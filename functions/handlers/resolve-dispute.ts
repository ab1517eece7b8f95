import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { resolveDispute } from '../use-cases/disputes/resolve-dispute';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
};

export const handler = httpHandler('resolve-dispute', async ({ path, body, caller }) =>
  resolveDispute(deps, {
    disputeId: path.id,
    outcome: body.outcome,
    note: body.note,
    ...(body.creditAmount !== undefined ? { creditAmount: body.creditAmount } : {}),
    by: caller.sub,
  }),
);
