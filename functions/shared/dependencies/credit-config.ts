import * as z from 'zod';
import { parseOrderAuthority } from '../../core/credit/order-authority';
import { parseReportCadence } from '../../core/credit/report-cadence';
import { optionalVariable, readConfig } from '../config';

/**
 * Credit-control configuration, read at cold start: ORDER_AUTHORITY (`controller=2500000,
 * order-system=1000000`, cents) and CREDIT_REPORT_CADENCE_DAYS (`high=30,medium=91,low=365`).
 * Unset, the defaults of core/credit apply.
 */
export function creditConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(
    z.object({
      ORDER_AUTHORITY: optionalVariable(z.string()).transform((value, ctx) => {
        const parsed = parseOrderAuthority(value);
        if (!parsed) {
          ctx.addIssue({ code: 'custom', message: 'expected controller=<cents>,order-system=<cents>' });
          return z.NEVER;
        }
        return parsed;
      }),
      CREDIT_REPORT_CADENCE_DAYS: optionalVariable(z.string()).transform((value, ctx) => {
        const parsed = parseReportCadence(value);
        if (!parsed) {
          ctx.addIssue({ code: 'custom', message: 'expected high=<days>,medium=<days>,low=<days>' });
          return z.NEVER;
        }
        return parsed;
      }),
    }),
    env,
  );
}
