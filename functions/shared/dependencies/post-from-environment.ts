import { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { LambdaLetterPrinter } from '../../adapters/lambda/lambda-letter-printer';
import type { PostDeps } from '../../use-cases/post/post-letter';
import { readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({ PRINT_LETTER_FUNCTION: z.string().min(1).max(170) });

/**
 * Letters by post: the printing function of the printed-letters stack (`printedLetters` in
 * functions/catalogue.ts), checked at cold start. Call at module scope.
 */
export function postFromEnvironment(env: NodeJS.ProcessEnv = process.env): PostDeps {
  const { PRINT_LETTER_FUNCTION: functionName } = readConfig(environment, env);
  return { printer: new LambdaLetterPrinter(traced(new LambdaClient({})), functionName) };
}
