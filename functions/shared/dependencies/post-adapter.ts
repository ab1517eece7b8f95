import { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaLetterPrinter } from '../../adapters/lambda/lambda-letter-printer';
import type { LetterPrinter } from '../../ports/letter-printer';
import { traced } from '../tracing';

/** The printing function, invoked through Lambda's client. */
export function lambdaLetterPrinter(functionName: string): LetterPrinter {
  return new LambdaLetterPrinter(traced(new LambdaClient({})), functionName);
}
