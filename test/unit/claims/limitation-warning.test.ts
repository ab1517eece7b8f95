import { describe, expect, it } from 'vitest';
import type { LegalPolicy } from '../../../functions/core/legal/legal-policy';
import type { InvoiceRecord } from '../../../functions/ports/credit-store';
import {
  type LimitationWarningInput,
  limitationWarning,
} from '../../../functions/use-cases/claims/limitation-warning-task';
import { emailDelivered, emailSent } from './claim-timeline';

const legal: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'wik-scale',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
};

/** Due on 1 May 2023: a consumer's claim lapses on 2 May 2025, a business's on 2 May 2028. */
const invoice: InvoiceRecord = {
  id: 'inv-7',
  number: '2023-0417',
  debtorId: 'deb-7',
  currency: 'EUR',
  totalAmount: 1_000_00,
  openAmount: 1_000_00,
  issueDate: '2023-04-01',
  dueDate: '2023-05-01',
  paymentReference: 'RF0720230417',
  status: 'overdue',
  version: 3,
  createdAt: '2023-04-01T10:00:00Z',
  updatedAt: '2023-05-05T08:00:00Z',
};

const warning = (overrides: Partial<LimitationWarningInput> = {}) =>
  limitationWarning({
    invoice,
    debtor: { kind: 'consumer' },
    timeline: [],
    legal,
    today: '2025-03-01',
    at: '2025-03-01T05:00:00.000Z',
    ...overrides,
  });

describe('the warning before a claim lapses', () => {
  it('puts a task on the list when the claim lapses within 90 days', () => {
    const raised = warning();

    expect(raised?.task).toMatchObject({
      id: 'limitation--inv-7--2025-05-02',
      kind: 'limitation_warning',
      status: 'open',
      invoiceId: 'inv-7',
      debtorId: 'deb-7',
      dueDate: '2025-03-03', // Saturday 1 March: due on the next working day
      summary:
        'The claim on invoice 2023-0417 lapses on 2025-05-02 (art. 7:28 BW, 62 days left): send an interruption letter (stuitingsbrief, POST /invoices/inv-7/interruption-letter) or start proceedings before then; its recorded delivery starts the period again.',
    });
    expect(raised?.event).toMatchObject({
      type: 'task_created',
      actor: 'sweep',
      details: {
        kind: 'limitation_warning',
        taskId: 'limitation--inv-7--2025-05-02',
        lapsesOn: '2025-05-02',
      },
    });
  });

  it('warns from 90 days before the lapse date, not a day earlier', () => {
    expect(warning({ today: '2025-02-01' })?.task.summary).toContain('90 days left');
    expect(warning({ today: '2025-01-31' })).toBeNull();
  });

  it('stays quiet for a business claim, which lapses after 5 years', () => {
    expect(warning({ debtor: { kind: 'business' } })).toBeNull();
  });

  it('stays quiet when a delivered reminder started a new period', () => {
    const timeline = [
      emailSent('2024-06-03T07:00:00Z', 'msg-1', 'secondReminder'),
      emailDelivered('2024-06-03T07:00:03Z', 'msg-1', 'secondReminder'),
    ];

    expect(warning({ timeline })).toBeNull();
  });

  it('still warns when the reminder that would have interrupted the period was never delivered', () => {
    const timeline = [emailSent('2024-06-03T07:00:00Z', 'msg-1', 'secondReminder')];

    expect(warning({ timeline })?.task.id).toBe('limitation--inv-7--2025-05-02');
  });
});
