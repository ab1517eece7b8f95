import { readCreditor } from '../shared/creditor';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { planStepHandler } from '../shared/step/plan-step-handler';
import { breakPlan } from '../use-cases/plans/break-plan';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
};

/** BreakPlan of the payment-plan state machine. */
export const handler = planStepHandler((payload) => breakPlan(deps, payload));
