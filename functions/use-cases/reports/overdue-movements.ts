import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { overdueMoves } from '../../core/ledger/debtor-overdue';
import { weekStart } from '../../core/reports/fact-figures';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite } from '../../ports/credit-store';

/**
 * The credit store with the debtors' weekly overdue movements kept in it: every commit that moves
 * a debtor's overdue amount (the ranking of GET /reports/debtors) adds, in the same transaction,
 * the same move to the debtor's movement of the week. The weekly summary then reads the largest
 * rises and falls of a week with two short queries, never the debtors or the invoices.
 *
 * The moves are those the store makes of the same writes (core/ledger/debtor-overdue.ts), taken
 * from the invoices as the caller hands them over, before the store marks what it counted.
 */
export function withOverdueMovements(store: CreditStore, clock: Clock): CreditStore {
  const commit = async (writes: readonly StoreWrite[]): Promise<void> => {
    const invoices = writes.flatMap((write) => (write.kind === 'putInvoice' ? [write] : []));
    const moves = overdueMoves(invoices);
    if (moves.length === 0) return store.commit(writes);
    const week = weekStart(localDate(clock.now(), BUSINESS_TIME_ZONE));
    const movements = moves.map((move): StoreWrite => ({
      kind: 'addOverdueMovement',
      movement: { week, ...move },
    }));
    return store.commit([...writes, ...movements]);
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'commit') return commit;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
