import { FOURTEEN_DAY_LETTER, type DunningPolicy } from './dunning-policy';

/** The currency in which the law states the collection costs (the WIK scale, the EUR 40). */
const STATUTORY_COSTS_CURRENCY = 'EUR';

/**
 * Why `policy` cannot dun an invoice in `currency`, or undefined when it can. The 14-day letter
 * must state the collection costs (art. 6:96 lid 6 BW), and the WIK scale that sets them is in
 * euros: a policy with that letter cannot write it for another currency, so its step would fail
 * every day. Other letters and the claim do without costs in another currency.
 */
export function currencyProblem(policy: DunningPolicy, currency: string): string | undefined {
  if (currency === STATUTORY_COSTS_CURRENCY) return undefined;
  if (!policy.steps.some((step) => step.template === FOURTEEN_DAY_LETTER)) return undefined;
  return (
    `the debtor's dunning policy ${policy.id} sends the ${FOURTEEN_DAY_LETTER}, which must state the ` +
    `collection costs of the WIK scale; those are set in ${STATUTORY_COSTS_CURRENCY}, so an invoice in ` +
    `${currency} cannot be dunned under it`
  );
}
