import { readBusinessLanguage } from '../shared/business-language';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { type CallWindowOutcome, recordCallWindowEnded } from '../use-cases/steps/call-window-ended-step';
import { type CallTaskOutcome, createCallTask } from '../use-cases/steps/create-call-task-step';
import { callStepPayloadSchema, callWindowEndedPayloadSchema } from '../use-cases/steps/step-payload';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  workflow: dunningWorkflowFromEnvironment(),
  notifier: notifierFromEnvironment(['call-tasks']),
  businessLanguage: readBusinessLanguage(),
};

/**
 * The call step, both its states. CallDebtor (waitForTaskToken): Step Functions ignores what this
 * returns; the workflow goes on when the token is answered, by the controller or, for a skip, right
 * here. RecordUnansweredCall: the window ended without an answer, which counts against the task.
 * One function for both, so that the step adds no Lambda.
 */
export const handler = stepHandler(
  callStepPayloadSchema.or(callWindowEndedPayloadSchema),
  (payload): Promise<CallTaskOutcome | CallWindowOutcome> =>
    'taskToken' in payload ? createCallTask(deps, payload) : recordCallWindowEnded(deps, payload),
);
