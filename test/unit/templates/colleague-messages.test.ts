import { describe, expect, it } from 'vitest';
import { renderAccountManagerAlert } from '../../../functions/templates/colleagues/account-manager-alert';
import { renderCallBrief } from '../../../functions/templates/colleagues/call-brief';
import { colleagueLanguage } from '../../../functions/templates/colleagues/colleague-words';

const history = {
  letters: [
    {
      day: '2026-03-04',
      slot: 'firstReminder',
      subject: 'Reminder: invoice F-1 is still open',
      invoiceNumbers: ['F-1'],
    },
  ],
  lastCall: { day: '2026-03-23', outcome: 'no_answer', note: 'Left a voicemail' },
  promises: [],
  disputes: [],
};
const invoices = [
  {
    number: 'F-1',
    dueDate: '2026-03-01',
    openAmount: { amount: 5_822_24, currency: 'EUR' },
    daysOverdue: 30,
  },
];

describe('messages to colleagues', () => {
  it('writes a colleague in Dutch or English, by their language or else the business language', () => {
    expect(colleagueLanguage('nl-BE', 'en')).toBe('nl');
    expect(colleagueLanguage('EN', 'nl')).toBe('en');
    expect(colleagueLanguage('de', 'nl')).toBe('nl');
    expect(colleagueLanguage(undefined, 'en')).toBe('en');
  });

  it('briefs a call in English with the contact person, the number, the amount, the history and the tone', () => {
    const brief = renderCallBrief({
      language: 'en',
      debtor: {
        name: 'Harbour Supplies Ltd',
        contact: { name: 'Ann Smith', salutation: 'ms' },
        phone: '+44 20 7946 0000',
      },
      invoiceNumber: 'F-1',
      openAmount: { amount: 5_822_24, currency: 'EUR' },
      tone: 'formal',
      overdueInvoices: invoices,
      history,
      outcomes: ['no_answer', 'promised'],
    });
    expect(brief).toContain('Please call Harbour Supplies Ltd about the invoice below: €5,822.24 is open.');
    expect(brief).toContain('- Ms Ann Smith\n- Phone: +44 20 7946 0000');
    expect(brief).toContain(
      '- 4 March 2026: first reminder sent by email: "Reminder: invoice F-1 is still open"',
    );
    expect(brief).toContain('- 23 March 2026: last call: no answer ("Left a voicemail")');
    expect(brief).toContain('Record the outcome: no answer, promise to pay.');
  });

  it('tells an account manager that orders are blocked only when a credit hold is set', () => {
    const alert = (creditHold: boolean) =>
      renderAccountManagerAlert({
        language: 'nl',
        accountManagerName: 'Sanne de Vries',
        debtor: { name: 'Autobedrijf De Graaf' },
        openBalance: [{ amount: 5_822_24, currency: 'EUR' }],
        overdueInvoices: invoices,
        history,
        creditHold,
      });
    expect(alert(true).subject).toBe(
      'Actie gevraagd: Autobedrijf De Graaf betaalt niet (€\u00a05.822,24 open)',
    );
    expect(alert(true).text).toContain('Nieuwe orders op rekening zijn geblokkeerd');
    expect(alert(false).text).toContain('Er is geen kredietstop gezet');
    expect(alert(false).text).not.toContain('geblokkeerd');
    expect(alert(true).text).toContain('- Telefoon: niet bekend');
  });
});
