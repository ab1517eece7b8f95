import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow';
import type { DunningWorkflow } from '../../ports/workflow';
import { traced } from '../tracing';

/** The dunning state machine through Step Functions, with its client. */
export function stepFunctionsWorkflow(stateMachineArn: string): DunningWorkflow {
  return new StepFunctionsWorkflow(traced(new SFNClient({})), stateMachineArn);
}
