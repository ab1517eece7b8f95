import { chooseSegment } from '../../core/dunning/segment';
import type { Debtor } from '../../core/ledger/debtor';
import type { CreditStore, DebtorOwner } from '../../ports/credit-store';
import { currentWorklistRules } from '../worklist/worklist-rules';

const NO_HISTORY = { invoicesPaid: 0, invoicesPaidLate: 0, averageDaysLate: 0, escalations: 0 };

/** The owner a new debtor gets from the assignment rule of its segment, if the rule names one. */
export async function ownerByRule(
  store: CreditStore,
  debtor: Pick<Debtor, 'kind' | 'segmentOverride'>,
  at: string,
): Promise<DebtorOwner | undefined> {
  const { segment } = chooseSegment(debtor, NO_HISTORY);
  const owner = (await currentWorklistRules(store)).assignment[segment];
  return owner ? { ...owner, since: at, by: `rule:${segment}` } : undefined;
}
