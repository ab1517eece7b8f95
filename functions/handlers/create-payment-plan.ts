import { readCreditor } from '../shared/creditor';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { planWorkflowFromEnvironment } from '../shared/dependencies/plan-workflow-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { checkPlan, createPlan } from '../use-cases/plans/create-plan';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  plans: planWorkflowFromEnvironment(),
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
};

export const handler = httpHandler('create-payment-plan', async ({ path, query, body, caller }) => {
  const input = {
    debtorId: path.id,
    invoiceIds: body.invoiceIds,
    instalments: body.instalments,
    by: caller.sub,
    isManager: caller.roles.includes('manager'),
    isSpecialTeam: caller.roles.includes('special') || caller.roles.includes('manager'),
  };
  // ?validate=true: the same checks as the console's form is typed, nothing written.
  if (query.validate) return new Reply(200, await checkPlan(deps, input));
  return new Reply(201, await createPlan(deps, input));
});
