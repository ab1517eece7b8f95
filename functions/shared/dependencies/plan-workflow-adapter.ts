import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsPlanWorkflow } from '../../adapters/sfn/step-functions-plan-workflow';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import { traced } from '../tracing';

/** The payment-plan state machine through Step Functions, with its client. */
export function stepFunctionsPlanWorkflow(stateMachineArn: string): PlanWorkflow {
  return new StepFunctionsPlanWorkflow(traced(new SFNClient({})), stateMachineArn);
}
