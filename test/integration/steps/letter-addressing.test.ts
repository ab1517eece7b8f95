import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, emailsTo, invoice } from '../workflow/scenario';

// Monday 13 April 2026, 06:00 Amsterdam; the invoices are ten days overdue: the firm reminder of day 14.
const START = new Date('2026-04-13T04:00:00Z');

describe('a letter addresses the right person and says who sends it', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  async function firmReminderTo(debtor: { id: string; email: string }) {
    await invoice(h, debtor.id, { dueDate: '2026-04-03' });
    await h.advanceDays(5);
    return eventually(async () => {
      const [email] = await emailsTo(h, debtor.email);
      expect(email).toBeDefined();
      return email!;
    });
  }

  it('addresses the contact person the invoicing system names: "Geachte heer De Graaf,"', async () => {
    const debtor = await businessDebtor(h, {
      name: 'Autobedrijf De Graaf B.V.',
      contact: { name: 'Jan de Graaf', salutation: 'mr' },
    });

    const email = await firmReminderTo(debtor);

    expect(email.text).toContain('Geachte heer De Graaf,');
    expect(email.text).toContain('Autobedrijf De Graaf B.V.\nt.a.v. de heer Jan de Graaf');
    expect(email.text).not.toContain('Geachte Autobedrijf');
  });

  it('addresses a company without a contact person as "Geachte heer, mevrouw,", for the attention of its accounts department', async () => {
    const debtor = await businessDebtor(h, { name: 'Autobedrijf De Graaf B.V.' });

    const email = await firmReminderTo(debtor);

    expect(email.text).toContain('Geachte heer, mevrouw,');
    expect(email.text).toContain('t.a.v. de crediteurenadministratie');
  });

  it('shows the KvK number and the VAT id in the footer, and a display name on the From line', async () => {
    const debtor = await businessDebtor(h);

    const email = await firmReminderTo(debtor);

    expect(email.text).toContain('KvK: 12345678');
    expect(email.text).toContain('Btw-id: NL001234567B01');
    expect(email.html).toContain('KvK: 12345678');
    expect(email.from).toContain('Voorbeeld Groothandel B.V. Debiteurenbeheer');
    expect(email.from).toContain('<credit-control@voorbeeld.example>');
  });

  it('refuses a contact person without a salutation it knows, naming the field', async () => {
    const answer = await h.post({
      type: 'debtor.upserted',
      timestamp: '2026-04-13T06:00:00Z',
      data: {
        id: 'deb-contact-bad',
        name: 'Autobedrijf De Graaf B.V.',
        kind: 'business',
        language: 'nl',
        contact: { name: 'Jan de Graaf', salutation: 'sir' },
      },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('data.contact.salutation');
  });
});
