import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { httpHandler } from '../shared/http/http-handler';
import { resolveDispute } from '../use-cases/disputes/resolve-dispute';

// A dispute rejected or withdrawn resumes the dunning and tells the debtor; one credited waits for
// its credit note and does neither: Step Functions' and SES's clients are loaded with the first
// resolution that needs them.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowOnFirstUse(),
  clock,
  mailer: mailerOnFirstUse(),
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
