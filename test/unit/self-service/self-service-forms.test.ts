import { describe, expect, it } from 'vitest';
import { selfServiceForm } from '../../../functions/api/schemas/self-service-schemas';
import { parseAmount } from '../../../functions/core/self-service/form-fields';
import { overLimit, rateWindow } from '../../../functions/core/self-service/rate-limit';
import {
  instalmentChoices,
  monthlyInstalments,
} from '../../../functions/core/self-service/self-service-plan';
import { renderStatementCsv } from '../../../functions/templates/self-service/statement-page';

describe('what the page reads from its forms', () => {
  it('reads amounts as Dutch and English debtors type them, in cents', () => {
    expect(parseAmount('80')).toBe(80_00);
    expect(parseAmount('80,5')).toBe(80_50);
    expect(parseAmount('1.234,56')).toBe(1_234_56);
    expect(parseAmount('1,234.56')).toBe(1_234_56);
    expect(parseAmount('€ 12,00')).toBe(12_00);
    for (const bad of ['', 'abc', '-5', '1e5', '12,345,6789012345']) expect(parseAmount(bad)).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    const parsed = selfServiceForm.safeParse({
      action: 'dispute',
      nonce: 'n',
      csrf: 'c',
      invoiceId: 'inv-1',
      cause: 'price',
      explanation: '  ',
      amount: 'veel',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'amount',
      'explanation',
    ]);
  });
});

describe('a payment plan the debtor picks', () => {
  const rules = { maxPlanMonths: 12, minInstalmentAmount: 25_00, maxDaysToFirstInstalment: 30 };

  it('offers two instalments up to the longest term, none below the minimum instalment', () => {
    expect(instalmentChoices(1_250_00, rules)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(instalmentChoices(100_00, rules)).toEqual([2, 3, 4]);
    expect(instalmentChoices(40_00, rules)).toEqual([]);
  });

  it('splits the total into monthly instalments that add up to it exactly', () => {
    const instalments = monthlyInstalments(1_000_00, 3, '2026-03-02', rules);
    expect(instalments).toEqual([
      { dueDate: '2026-03-16', amount: 333_33 },
      { dueDate: '2026-04-16', amount: 333_33 },
      { dueDate: '2026-05-16', amount: 333_34 },
    ]);
  });
});

describe('requests per link', () => {
  it('are counted per clock hour and refused beyond the limit', () => {
    expect(rateWindow(new Date('2026-03-02T08:59:59Z')).hour).toBe('2026-03-02T08');
    expect(rateWindow(new Date('2026-03-02T09:00:00Z')).hour).toBe('2026-03-02T09');
    expect(overLimit(30, 30)).toBe(false);
    expect(overLimit(31, 30)).toBe(true);
  });
});

describe('the statement as CSV', () => {
  it('has a header, amounts in decimal units and no cell a spreadsheet would run', () => {
    const csv = renderStatementCsv({
      language: 'en',
      debtorName: 'x',
      asOf: '2026-03-02',
      lines: [
        {
          number: '=HYPERLINK("x")',
          issueDate: '2026-02-01',
          dueDate: '2026-03-01',
          currency: 'EUR',
          totalAmount: 1_250_00,
          openAmount: 1_000_50,
          disputedAmount: 0,
          daysOverdue: 1,
          reference: 'RF18 5390 0754 7034',
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Invoice,Invoice date,Due date,Currency,Invoice amount,Open,Disputed,Days overdue,Payment reference',
      `"'=HYPERLINK(""x"")",2026-02-01,2026-03-01,EUR,1250.00,1000.50,0.00,1,RF18 5390 0754 7034`,
      '',
    ]);
  });
});
