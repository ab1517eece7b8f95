import * as z from 'zod';
import { PrintedLettersBucket } from '../../adapters/s3/printed-letters-bucket';
import { s3Client } from '../../adapters/s3/s3-client';
import type { PrintDeps } from '../../use-cases/post/print-letter';
import { readConfig } from '../config';
import { traced } from '../tracing';
import { notifierFromEnvironment } from './notifier-from-environment';

const environment = z.object({ PRINTED_LETTERS_BUCKET: z.string().min(3).max(63) });

/**
 * The printing of letters by post: the printed-letters bucket and the print queue (the printer
 * of the printed-letters stack, `PRINT_LETTER` in functions/catalogue.ts), both checked at cold
 * start. Call at module scope.
 */
export function printFromEnvironment(env: NodeJS.ProcessEnv = process.env): PrintDeps {
  const { PRINTED_LETTERS_BUCKET: bucket } = readConfig(environment, env);
  return {
    printedLetters: new PrintedLettersBucket(traced(s3Client()), bucket),
    notifier: notifierFromEnvironment(['print-queue'], env),
  };
}
