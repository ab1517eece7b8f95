import { readBusinessLanguage } from '../shared/business-language';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { createCallTask } from '../use-cases/steps/create-call-task-step';
import { callStepPayloadSchema } from '../use-cases/steps/step-payload';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  workflow: dunningWorkflowFromEnvironment(),
  notifier: notifierFromEnvironment(['call-tasks']),
  businessLanguage: readBusinessLanguage(),
};

/**
 * CallDebtor (waitForTaskToken). Step Functions ignores what this returns: the workflow goes on
 * when the token is answered, by the controller or, for a skip, right here.
 */
export const handler = stepHandler(callStepPayloadSchema, (payload) => createCallTask(deps, payload));
