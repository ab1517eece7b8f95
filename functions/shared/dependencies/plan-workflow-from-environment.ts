import type { PlanWorkflow } from '../../ports/plan-workflow';
import { stepFunctionsPlanWorkflow } from './plan-workflow-adapter';
import { planStateMachineFromEnvironment } from './plan-workflow-config';

/** The payment-plan state machine; call at module scope (see ./store-from-environment.ts). */
export function planWorkflowFromEnvironment(env: NodeJS.ProcessEnv = process.env): PlanWorkflow {
  return stepFunctionsPlanWorkflow(planStateMachineFromEnvironment(env));
}
