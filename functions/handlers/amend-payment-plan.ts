import { readCreditor } from '../shared/creditor';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { planWorkflowFromEnvironment } from '../shared/dependencies/plan-workflow-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { amendPlan } from '../use-cases/plans/amend-plan';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  plans: planWorkflowFromEnvironment(),
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
};

export const handler = httpHandler('amend-payment-plan', async ({ path, body, caller }) => {
  const plan = await amendPlan(deps, {
    planId: path.id,
    instalments: body.instalments,
    reason: body.reason,
    by: caller.sub,
  });
  return new Reply(201, plan);
});
