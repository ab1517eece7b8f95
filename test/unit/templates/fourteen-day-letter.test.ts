import { describe, expect, it } from 'vitest';
import { renderLetter } from '../../../functions/templates/render-letter';
import { eur, letter } from './letter-fixtures';

const fourteenDayLetter = (language: string) =>
  letter({
    template: 'fourteen-day-letter',
    tone: 'final',
    language,
    debtor: { name: 'J. de Vries' },
    fourteenDayTerm: { endsOn: '2026-04-09', costs: eur(185_18) },
  });

describe('the 14-day letter', () => {
  it('gives the consumer 14 days from the day after receipt and the date the term ends', () => {
    const { text, html } = renderLetter(fourteenDayLetter('nl'));
    const term =
      'binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief. Betaal daarom uiterlijk op 9 april 2026.';
    expect(text).toContain(term);
    expect(html).toContain(term);
  });

  it('states the exact collection costs due when the term passes without payment', () => {
    const { text } = renderLetter(fourteenDayLetter('nl'));
    expect(text).toContain(
      'buitengerechtelijke incassokosten verschuldigd van €\u00a0185,18 (artikel 6:96 Burgerlijk Wetboek)',
    );
  });

  it('says the same in English', () => {
    const { subject, text } = renderLetter(fourteenDayLetter('en'));
    expect(subject).toBe('Formal notice: pay invoice 2026-001 within 14 days without extra costs');
    expect(text).toContain('within 14 days, counted from the day after you receive this letter');
    expect(text).toContain('by 9 April 2026 at the latest');
    expect(text).toContain('extrajudicial collection costs of €185.18');
  });

  it('still invites payment, with the button, the reference and the QR code', () => {
    const { html } = renderLetter(fourteenDayLetter('nl'));
    expect(html).toContain('>Betaal factuur 2026-001</a>');
    expect(html).toContain('RF18539007547034');
    expect(html).toContain('Scan met uw bank-app');
  });

  it('is never sent without the end date and the costs, which make the costs due', () => {
    const { fourteenDayTerm: _, ...withoutTerm } = fourteenDayLetter('nl');
    expect(() => renderLetter(withoutTerm)).toThrow('the fourteen-day-letter needs fourteenDayTerm');
  });
});

describe('the other letters', () => {
  it('tells the debtor of the handover to the agency, without inviting payment to us', () => {
    const { subject, html, text } = renderLetter(
      letter({ template: 'collection-agency-handover', tone: 'final' }),
    );
    expect(subject).toBe('Overgedragen aan een incassobureau: factuur 2026-001');
    expect(text).toContain('uit handen gegeven aan een incassobureau');
    expect(html).not.toContain('<a ');
    expect(text).not.toContain('Betalingskenmerk');
    expect(html).not.toContain('<img');
    expect(text).toContain('Met vriendelijke groet,\nAcme Levering B.V.');
  });

  it('briefs the controller for the call with the tone to take, without the letter trimmings', () => {
    const { subject, text } = renderLetter(letter({ template: 'call-task', tone: 'firm' }));
    expect(subject).toBe('Bellen: Bakkerij De Korenschoof B.V., €\u00a01.234,56 open');
    expect(text).toContain('Toon van het gesprek: vriendelijk maar stellig.');
    expect(text).toContain('geen gehoor, betaalbelofte, geschil of verkeerd contact');
    expect(text).not.toContain('Betaal factuur');
    expect(text).not.toContain('Met vriendelijke groet');
  });

  it('asks the account manager to contact the customer and says orders on credit are blocked', () => {
    const { subject, text } = renderLetter(letter({ template: 'account-manager-alert', language: 'en' }));
    expect(subject).toBe('Action needed: Bakkerij De Korenschoof B.V. does not pay (€1,234.56 open)');
    expect(text).toContain('New orders on credit are blocked');
  });
});
