import * as z from 'zod';
import { optionalVariable, readConfig } from './config';

/**
 * The managers who get the weekly summary: `REPORT_RECIPIENTS`, email addresses separated by
 * commas (the stack sets it from the stage's `reportRecipients`). Unset: nobody, and the summary
 * is not sent.
 */
export function readReportRecipients(env: NodeJS.ProcessEnv = process.env): string[] {
  const config = readConfig(
    z.object({
      REPORT_RECIPIENTS: optionalVariable(
        z
          .string()
          .transform((list) =>
            list
              .split(',')
              .map((address) => address.trim())
              .filter((address) => address.length > 0),
          )
          .pipe(z.array(z.email())),
      ),
    }),
    env,
  );
  return config.REPORT_RECIPIENTS ?? [];
}
