import * as z from 'zod';
import { readConfig } from '../config';

const environment = z.object({ PAYMENT_PLAN_STATE_MACHINE_ARN: z.string().startsWith('arn:') });

/** The payment-plan state machine's ARN, checked: at cold start, whether the workflow is made then or on first use. */
export function planStateMachineFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return readConfig(environment, env).PAYMENT_PLAN_STATE_MACHINE_ARN;
}
