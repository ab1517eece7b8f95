import * as z from 'zod';
import { PrintedLettersBucket } from '../../adapters/s3/printed-letters-bucket';
import { s3Client } from '../../adapters/s3/s3-client';
import type { PostDeps } from '../../use-cases/post/post-letter';
import { readConfig } from '../config';
import { traced } from '../tracing';
import { notifierFromEnvironment } from './notifier-from-environment';

const environment = z.object({ PRINTED_LETTERS_BUCKET: z.string().min(3).max(63) });

/**
 * Letters by post: the printed-letters bucket and the print queue (`printedLetters` and
 * `publish: ['print-queue']` in functions/catalogue.ts), both checked at cold start. Call at
 * module scope.
 */
export function postFromEnvironment(env: NodeJS.ProcessEnv = process.env): PostDeps {
  const { PRINTED_LETTERS_BUCKET: bucket } = readConfig(environment, env);
  return {
    printedLetters: new PrintedLettersBucket(traced(s3Client()), bucket),
    notifier: notifierFromEnvironment(['print-queue'], env),
  };
}
