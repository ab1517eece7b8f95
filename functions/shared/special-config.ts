import * as z from 'zod';
import { optionalVariable, readConfig } from './config';
import type { VatReturnPeriod } from '../core/special/vat-relief';

/** When the trustee's letter gives no day yet, the claim is to be filed within a month of the decision. */
const DEFAULT_INSOLVENCY_CLAIM_DAYS = 30;

/** A write-off above EUR 10,000 needs an admin; below it the special team or a manager decides. */
const DEFAULT_WRITE_OFF_ADMIN_ABOVE_CENTS = 10_000_00;

/** Days after an insolvency's date by which its claim is filed when no deadline is given (INSOLVENCY_CLAIM_DAYS). */
export function insolvencyClaimDaysFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const config = readConfig(
    z.object({ INSOLVENCY_CLAIM_DAYS: optionalVariable(z.coerce.number().int().min(1).max(365)) }),
    env,
  );
  return config.INSOLVENCY_CLAIM_DAYS ?? DEFAULT_INSOLVENCY_CLAIM_DAYS;
}

/** The amount in cents above which only an admin may write off (WRITE_OFF_ADMIN_ABOVE_CENTS). */
export function writeOffAdminAboveFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const config = readConfig(
    z.object({ WRITE_OFF_ADMIN_ABOVE_CENTS: optionalVariable(z.coerce.number().int().min(0)) }),
    env,
  );
  return config.WRITE_OFF_ADMIN_ABOVE_CENTS ?? DEFAULT_WRITE_OFF_ADMIN_ABOVE_CENTS;
}

/** How often VAT returns are filed (VAT_RETURN_PERIOD: `quarter`, the Dutch default, or `month`). */
export function vatReturnPeriodFromEnvironment(env: NodeJS.ProcessEnv = process.env): VatReturnPeriod {
  const config = readConfig(
    z.object({ VAT_RETURN_PERIOD: optionalVariable(z.enum(['quarter', 'month'])) }),
    env,
  );
  return config.VAT_RETURN_PERIOD ?? 'quarter';
}
