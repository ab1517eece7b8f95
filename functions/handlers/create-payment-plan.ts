import { readCreditor } from '../shared/creditor';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { planWorkflowOnFirstUse } from '../shared/dependencies/plan-workflow-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { checkPlan, createPlan } from '../use-cases/plans/create-plan';

// The console's form checks the plan as it is typed (?validate=true), which reads the table only;
// the state machines and the mailer are loaded with the first plan made.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowOnFirstUse(),
  clock,
  plans: planWorkflowOnFirstUse(),
  mailer: mailerOnFirstUse(),
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
