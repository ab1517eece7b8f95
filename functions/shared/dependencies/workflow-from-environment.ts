import type { DunningWorkflow } from '../../ports/workflow';
import { stepFunctionsWorkflow } from './workflow-adapter';
import { dunningStateMachineFromEnvironment } from './workflow-config';

/** The dunning state machine; call at module scope (see ./store-from-environment.ts). */
export function dunningWorkflowFromEnvironment(env: NodeJS.ProcessEnv = process.env): DunningWorkflow {
  return stepFunctionsWorkflow(dunningStateMachineFromEnvironment(env));
}
