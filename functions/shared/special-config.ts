import * as z from 'zod';
import { optionalVariable, readConfig } from './config';
import { DEFAULT_INSOLVENCY_CLAIM_DAYS } from '../core/special/insolvency';
import {
  DEFAULT_PROVISION_PERCENTAGES,
  PROVISION_CLASSES,
  type ProvisionPercentages,
} from '../core/special/provision';
import { DEFAULT_SMALL_BALANCE_CRITERIA, type SmallBalanceCriteria } from '../core/special/small-balances';
import type { VatReturnPeriod } from '../core/special/vat-relief';

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

/**
 * Which balances are small enough to propose for write-off (SMALL_BALANCE_BELOW_CENTS, an open
 * amount below it; SMALL_BALANCE_AFTER_DAYS, due that many days ago or longer).
 */
export function smallBalanceCriteriaFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): SmallBalanceCriteria {
  const config = readConfig(
    z.object({
      SMALL_BALANCE_BELOW_CENTS: optionalVariable(z.coerce.number().int().min(1).max(1_000_000_00)),
      SMALL_BALANCE_AFTER_DAYS: optionalVariable(z.coerce.number().int().min(1).max(3650)),
    }),
    env,
  );
  return {
    below: config.SMALL_BALANCE_BELOW_CENTS ?? DEFAULT_SMALL_BALANCE_CRITERIA.below,
    olderThanDays: config.SMALL_BALANCE_AFTER_DAYS ?? DEFAULT_SMALL_BALANCE_CRITERIA.olderThanDays,
  };
}

/**
 * The doubtful-debt provision's percentages (PROVISION_PERCENTAGES: JSON naming some classes,
 * e.g. `{"over-120":60,"at-agency":80}`; the others keep their defaults).
 */
export function provisionPercentagesFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ProvisionPercentages {
  const percentage = z.number().min(0).max(100).multipleOf(0.01);
  const shape = Object.fromEntries(PROVISION_CLASSES.map((name) => [name, percentage.optional()]));
  const config = readConfig(
    z.object({
      PROVISION_PERCENTAGES: optionalVariable(
        z
          .string()
          .transform((text, context) => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              context.addIssue({ code: 'custom', message: 'not JSON' });
              return z.NEVER;
            }
          })
          .pipe(z.strictObject(shape)),
      ),
    }),
    env,
  );
  const given = (config.PROVISION_PERCENTAGES ?? {}) as Partial<ProvisionPercentages>;
  return Object.fromEntries(
    PROVISION_CLASSES.map((name) => [name, given[name] ?? DEFAULT_PROVISION_PERCENTAGES[name]]),
  ) as ProvisionPercentages;
}
