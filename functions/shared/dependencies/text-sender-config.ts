import * as z from 'zod';
import { optionalVariable, readConfig } from '../config';

const environment = z.object({
  // 1 to 11 letters and digits, at least one letter: what SNS accepts as an alphanumeric sender.
  SMS_SENDER_ID: optionalVariable(
    z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/, 'must be 1 to 11 letters and digits, one a letter'),
  ),
});

/** The stage's sender id of texts, if any, checked: at cold start, whether the sender is made then or on first use. */
export function smsSenderIdFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return readConfig(environment, env).SMS_SENDER_ID;
}
