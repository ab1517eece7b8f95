import type { InvoiceFacts } from '../../../functions/core/reports/receivables';

/** An open EUR invoice of EUR 100.00 issued and due on 2026-01-01, with the given changes. */
export function invoice(changes: Partial<InvoiceFacts> = {}): InvoiceFacts {
  return {
    status: 'open',
    currency: 'EUR',
    totalAmount: 10_000,
    openAmount: 10_000,
    issueDate: '2026-01-01',
    dueDate: '2026-01-01',
    ...changes,
  };
}
