import { randomUUID } from 'node:crypto';
import type { DebtorRecord, InvoiceRecord, TaskRecord } from '../../functions/ports/credit-store';

// Stored records as the use cases leave them, each with fresh ids: a test overrides what it is about.

const CREATED = '2025-03-01T09:00:00.000Z';

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function invoiceRecord(changes: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    id: newId('inv'),
    number: `F2025-${randomUUID().slice(0, 8)}`,
    debtorId: newId('deb'),
    currency: 'EUR',
    totalAmount: 1_000_00,
    openAmount: 1_000_00,
    issueDate: '2025-02-01',
    dueDate: '2025-03-01',
    paymentReference: `RF18${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    status: 'open',
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...changes,
  };
}

export function debtorRecord(changes: Partial<DebtorRecord> = {}): DebtorRecord {
  return {
    id: newId('deb'),
    name: 'Bakkerij De Korenschoof B.V.',
    kind: 'business',
    email: 'crediteuren@korenschoof.example',
    language: 'nl',
    creditHold: false,
    credits: {},
    behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...changes,
  };
}

/** A task on an invoice, as every task but an unapplied payment's is. */
export function taskRecord(
  changes: Partial<TaskRecord> = {},
): TaskRecord & { invoiceId: string; debtorId: string } {
  return {
    id: newId('task'),
    kind: 'call',
    status: 'open',
    dueDate: '2025-03-10',
    priority: 100,
    summary: 'Call about the overdue invoice',
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...changes,
    invoiceId: changes.invoiceId ?? newId('inv'),
    debtorId: changes.debtorId ?? newId('deb'),
  };
}
