import { describe, expect, it } from 'vitest';
import { segmentByBehaviour } from '../../../functions/core/dunning/segment';
import type { PaymentBehaviour } from '../../../functions/core/ledger/debtor';
import { NO_HISTORY } from '../../../functions/core/score/payment-history';
import { reassessed } from '../../../functions/core/score/reassessment';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';

const thresholds = DEFAULT_SCORE_RULES.segments;
const chronicPattern: PaymentBehaviour = {
  invoicesPaid: 12,
  invoicesPaidLate: 7,
  averageDaysLate: 14,
  escalations: 0,
};
const clean: PaymentBehaviour = { invoicesPaid: 10, invoicesPaidLate: 0, averageDaysLate: 0, escalations: 0 };

describe('segment moves by payment behaviour', () => {
  it('makes a business that paid ten invoices in a row on time a good payer, and says so', () => {
    expect(segmentByBehaviour('business', clean, 10, thresholds)).toEqual({
      segment: 'business-good-payer',
      reason: 'good payer: the last 10 invoices paid on time',
    });
  });

  it('keeps a business with nine invoices in a row on time in the standard segment', () => {
    expect(segmentByBehaviour('business', clean, 9, thresholds).segment).toBe('business-standard');
  });

  it('moves a chronic late payer back to the standard segment after five invoices in a row paid on time', () => {
    expect(segmentByBehaviour('business', chronicPattern, 4, thresholds)).toEqual({
      segment: 'business-chronic-late',
      reason: 'chronic late payer: 7 of 12 invoices paid late, 14.0 days late on average',
    });
    expect(segmentByBehaviour('business', chronicPattern, 5, thresholds)).toEqual({
      segment: 'business-standard',
      reason:
        'pays on time again: the last 5 invoices paid on time (before: 7 of 12 invoices paid late, 14.0 days late on average)',
    });
  });

  it('returns a moved-back debtor to chronic late at its next late payment while the pattern stands', () => {
    expect(segmentByBehaviour('business', chronicPattern, 0, thresholds).segment).toBe(
      'business-chronic-late',
    );
  });

  it('keeps consumers in the consumer segment, however well they pay', () => {
    expect(segmentByBehaviour('consumer', clean, 20, thresholds).segment).toBe('consumer-standard');
  });

  it('reads the thresholds from the score rules, not from code', () => {
    const three = { ...thresholds, goodPayerOnTimeInRow: 3 };
    expect(segmentByBehaviour('business', clean, 3, three).segment).toBe('business-good-payer');
  });

  it('reports a move into the good-payer segment once, with the reason, and no move when it stays', () => {
    const input = {
      kind: 'business' as const,
      behaviour: clean,
      counters: { invoicesPaid: 10, invoicesPaidLate: 0, totalDaysLate: 0 },
      history: { ...NO_HISTORY, onTimeInRow: 10 },
      rules: DEFAULT_SCORE_RULES,
      today: '2026-03-20',
      at: '2026-03-20T10:00:00.000Z',
    };
    const moved = reassessed({ ...input, previous: { segment: 'business-standard', reason: '' } });
    expect(moved.change).toEqual({
      from: 'business-standard',
      to: 'business-good-payer',
      reason: 'good payer: the last 10 invoices paid on time',
    });
    expect(moved.becameGoodPayer).toBe(true);
    const stays = reassessed({ ...input, previous: { segment: 'business-good-payer', reason: '' } });
    expect(stays.change).toBeUndefined();
    expect(stays.becameGoodPayer).toBe(false);
  });
});
