import * as z from 'zod';
import { readConfig } from '../config';

const environment = z.object({ DUNNING_STATE_MACHINE_ARN: z.string().startsWith('arn:') });

/** The dunning state machine's ARN, checked: at cold start, whether the workflow is made then or on first use. */
export function dunningStateMachineFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return readConfig(environment, env).DUNNING_STATE_MACHINE_ARN;
}
