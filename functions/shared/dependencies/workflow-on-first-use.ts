import type { DunningWorkflow } from '../../ports/workflow';
import { lazyPort } from './lazy-port';
import { dunningStateMachineFromEnvironment } from './workflow-config';

/**
 * The dunning state machine for a function that starts, stops or answers it on some paths only:
 * its ARN is checked at cold start, Step Functions' client is loaded with the first call. Call at
 * module scope.
 */
export function dunningWorkflowOnFirstUse(env: NodeJS.ProcessEnv = process.env): DunningWorkflow {
  const stateMachineArn = dunningStateMachineFromEnvironment(env);
  return lazyPort(() =>
    import('./workflow-adapter').then(({ stepFunctionsWorkflow }) => stepFunctionsWorkflow(stateMachineArn)),
  );
}
