import { describe, expect, it } from 'vitest';
import {
  hasOpenBalance,
  type InvoiceStatus,
  isCollecting,
  isReceivable,
} from '../../../functions/core/ledger/invoice';

const STATUSES: InvoiceStatus[] = ['open', 'overdue', 'paid', 'cancelled', 'in_collection'];

function statusesWhere(predicate: (invoice: { status: InvoiceStatus; openAmount: number }) => boolean) {
  return STATUSES.filter((status) => predicate({ status, openAmount: 100 }));
}

describe('the lifecycle of an invoice', () => {
  it('is dunned only while it is open or overdue', () => {
    expect(statusesWhere(isCollecting)).toEqual(['open', 'overdue']);
  });

  it('stays receivable after the hand-over to the collection agency', () => {
    expect(statusesWhere(isReceivable)).toEqual(['open', 'overdue', 'in_collection']);
  });

  it('has an open balance while receivable and not yet paid in full', () => {
    expect(statusesWhere(hasOpenBalance)).toEqual(['open', 'overdue', 'in_collection']);
    expect(hasOpenBalance({ status: 'overdue', openAmount: 0 })).toBe(false);
  });
});
