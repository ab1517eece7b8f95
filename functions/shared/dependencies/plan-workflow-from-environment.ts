import { SFNClient } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { StepFunctionsPlanWorkflow } from '../../adapters/sfn/step-functions-plan-workflow';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import { readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({ PAYMENT_PLAN_STATE_MACHINE_ARN: z.string().startsWith('arn:') });

/** The payment-plan state machine; call at module scope (see ./store-from-environment.ts). */
export function planWorkflowFromEnvironment(env: NodeJS.ProcessEnv = process.env): PlanWorkflow {
  const { PAYMENT_PLAN_STATE_MACHINE_ARN } = readConfig(environment, env);
  return new StepFunctionsPlanWorkflow(traced(new SFNClient({})), PAYMENT_PLAN_STATE_MACHINE_ARN);
}
