import { describe, expect, it } from 'vitest';
import { renderDisputeAnswer } from '../../../functions/templates/dispute-answer';

describe('the email answering a dispute', () => {
  const input = {
    language: 'nl',
    debtorName: 'Bakkerij <De Korenschoof>',
    invoiceNumber: 'F2026-0042',
    openAmount: '€ 1.250,00',
    outcome: 'rejected' as const,
  };

  it('tells the debtor in its language that the invoice stands and what is still due', () => {
    const email = renderDisputeAnswer(input);
    expect(email.subject).toBe('Uw bezwaar tegen factuur F2026-0042');
    expect(email.text).toContain('de factuur blijft staan');
    expect(email.text).toContain('€ 1.250,00');
    expect(renderDisputeAnswer({ ...input, language: 'de', outcome: 'withdrawn' }).text).toContain(
      'you withdrew your dispute about invoice F2026-0042: the invoice stands',
    );
  });

  it('escapes the debtor name in the HTML', () => {
    expect(renderDisputeAnswer(input).html).toContain('Bakkerij &lt;De Korenschoof&gt;');
  });
});
