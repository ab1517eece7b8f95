import { readBusinessLanguage } from '../shared/business-language';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { stepHandler } from '../shared/step/step-handler';
import { type CallWindowOutcome, endCallWindow } from '../use-cases/steps/call-window-ended-step';
import { type CallTaskOutcome, createCallTask } from '../use-cases/steps/create-call-task-step';
import { callStepPayloadSchema, callWindowEndedPayloadSchema } from '../use-cases/steps/step-payload';

// Each invocation uses one of the two at most: the notifier announces a new task, the workflow
// answers a skipped call or an ended window at once. Each client is loaded when first used.
const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  workflow: dunningWorkflowOnFirstUse(),
  notifier: notifierOnFirstUse(['call-tasks']),
  businessLanguage: readBusinessLanguage(),
};

/**
 * The call step, both its states, each waitForTaskToken (Step Functions ignores what this returns).
 * CallDebtor: the workflow goes on when the token is answered, by the controller or, for a skip,
 * right here. RecordUnansweredCall: the window ended without an answer, which counts against the
 * task; the state then parks until the account manager's step, or is answered here at once. One
 * function for both, so that the step adds no Lambda. The window's payload is tried first: it
 * carries a token too.
 */
export const handler = stepHandler(
  callWindowEndedPayloadSchema.or(callStepPayloadSchema),
  (payload): Promise<CallTaskOutcome | CallWindowOutcome> =>
    'windowEnded' in payload ? endCallWindow(deps, payload) : createCallTask(deps, payload),
);
