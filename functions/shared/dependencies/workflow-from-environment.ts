import { SFNClient } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow';
import type { DunningWorkflow } from '../../ports/workflow';
import { readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({ DUNNING_STATE_MACHINE_ARN: z.string().startsWith('arn:') });

/** The dunning state machine; call at module scope (see ./store-from-environment.ts). */
export function dunningWorkflowFromEnvironment(env: NodeJS.ProcessEnv = process.env): DunningWorkflow {
  const { DUNNING_STATE_MACHINE_ARN } = readConfig(environment, env);
  return new StepFunctionsWorkflow(traced(new SFNClient({})), DUNNING_STATE_MACHINE_ARN);
}
