import * as z from 'zod';
import { optionalVariable, readConfig } from './config';

/** A week: long enough for the invoice a payment names to arrive, short enough that money does not sit unseen. */
const DEFAULT_UNAPPLIED_AFTER_DAYS = 7;

/** Days a payment may match nothing before it becomes unapplied cash (UNAPPLIED_PAYMENT_AFTER_DAYS). */
export function unappliedAfterDaysFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const config = readConfig(
    z.object({
      UNAPPLIED_PAYMENT_AFTER_DAYS: optionalVariable(z.coerce.number().int().min(1).max(365)),
    }),
    env,
  );
  return config.UNAPPLIED_PAYMENT_AFTER_DAYS ?? DEFAULT_UNAPPLIED_AFTER_DAYS;
}
