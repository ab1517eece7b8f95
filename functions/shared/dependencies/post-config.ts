import * as z from 'zod';
import { readConfig } from '../config';

const environment = z.object({ PRINT_LETTER_FUNCTION: z.string().min(1).max(170) });

/**
 * The printing function of the printed-letters stack (`printedLetters` in functions/catalogue.ts),
 * checked: at cold start, whether the printer is made then or on first use.
 */
export function printFunctionFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return readConfig(environment, env).PRINT_LETTER_FUNCTION;
}
