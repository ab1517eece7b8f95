import type { DebtorRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';

/**
 * Tells the order system (the `credit-status` topic) whether a debtor may order on credit. The
 * message carries the state, not the change, so a repeat is harmless; its attribute `status`
 * (`on_hold`, `released`) lets a subscriber filter.
 */
export async function publishCreditStatus(
  notifier: Notifier,
  debtor: Pick<DebtorRecord, 'id' | 'name' | 'creditHold' | 'creditHoldDetail'>,
  change: { at: string; by: string; reason: string },
): Promise<void> {
  const status = debtor.creditHold ? 'on_hold' : 'released';
  await notifier.publish({
    topic: 'credit-status',
    subject: debtor.creditHold ? `Credit hold: ${debtor.name}` : `Credit hold lifted: ${debtor.name}`,
    message: {
      debtorId: debtor.id,
      name: debtor.name,
      creditHold: debtor.creditHold,
      ...(debtor.creditHold && debtor.creditHoldDetail ? { hold: debtor.creditHoldDetail } : {}),
      changedAt: change.at,
      changedBy: change.by,
      reason: change.reason,
    },
    attributes: { status },
  });
}
