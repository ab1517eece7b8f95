import type { PlanWorkflow } from '../../ports/plan-workflow';
import { lazyPort } from './lazy-port';
import { planStateMachineFromEnvironment } from './plan-workflow-config';

/**
 * The payment-plan state machine for a function that starts or stops plans on some paths only:
 * its ARN is checked at cold start, Step Functions' client is loaded with the first call. Call at
 * module scope.
 */
export function planWorkflowOnFirstUse(env: NodeJS.ProcessEnv = process.env): PlanWorkflow {
  const stateMachineArn = planStateMachineFromEnvironment(env);
  return lazyPort(() =>
    import('./plan-workflow-adapter').then(({ stepFunctionsPlanWorkflow }) =>
      stepFunctionsPlanWorkflow(stateMachineArn),
    ),
  );
}
