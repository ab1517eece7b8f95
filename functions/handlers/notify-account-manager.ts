import { readBusinessLanguage } from '../shared/business-language';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { notifyAccountManager } from '../use-cases/steps/notify-account-manager-step';
import { parkUntilNextStep } from '../use-cases/steps/park-until-next-step';
import { parkingStepPayloadSchema } from '../use-cases/steps/step-payload';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['account-managers', 'credit-status']),
  businessLanguage: readBusinessLanguage(),
  // Answers the state's own token when parking until the final notice would not end on time.
  workflow: dunningWorkflowOnFirstUse(),
};

/**
 * EscalateToAccountManager of the dunning state machine: tells the account manager, then parks
 * until the final notice (waitForTaskToken; Step Functions ignores what this returns).
 */
export const handler = stepHandler(parkingStepPayloadSchema, async (payload) =>
  parkUntilNextStep(deps, payload.park, await notifyAccountManager(deps, payload)),
);
