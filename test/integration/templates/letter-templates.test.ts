import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_USERS } from '../../../local/auth/local-issuer';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, emailsTo, invoice } from '../workflow/scenario';

// Monday 13 April 2026, 06:00 Amsterdam; an invoice due 3 April gets the firm reminder of day 14.
const START = new Date('2026-04-13T04:00:00Z');

interface LetterWords {
  subject: string;
  body: string[];
}
interface Template {
  id: string;
  version: number;
  updatedBy: string;
  texts: Record<string, { one: LetterWords; many: LetterWords }>;
}
interface Refused {
  error: { code: string; issues: { path: string; message: string }[] };
}
interface Preview {
  subject: string;
  html: string;
  text: string;
}

describe('letters the business writes: templates an admin edits in versions', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness(START);
  });
  afterAll(async () => {
    await h.stop();
  });

  const template = async (id: string) => (await h.get<Template>(`/templates/${id}`, 'admin')).body;

  it("an admin's new wording appears in the next letter", async () => {
    const current = await template('payment-reminder-firm');
    const one = current.texts.nl!.one;
    const body = one.body.map((paragraph, index) =>
      index === 1
        ? 'Wij zien in onze boeken dat {{debtorName}} factuur {{invoiceNumber}} nog niet heeft betaald.'
        : paragraph,
    );
    const stored = await h.send<Template>(
      'PUT',
      '/templates/payment-reminder-firm',
      { version: current.version, texts: { nl: { ...current.texts.nl, one: { ...one, body } } } },
      'admin',
    );
    expect(stored.status).toBe(200);
    expect(stored.body.version).toBe(current.version + 1);
    expect(stored.body.updatedBy).toBe(LOCAL_USERS.admin.email);

    const debtor = await businessDebtor(h, { name: 'Bakkerij De Korenschoof B.V.' });
    const { number } = await invoice(h, debtor.id, { dueDate: '2026-04-03' });
    await h.advanceDays(5);

    const email = await eventually(async () => {
      const [sent] = await emailsTo(h, debtor.email);
      expect(sent).toBeDefined();
      return sent!;
    });
    expect(email.text).toContain(
      `Wij zien in onze boeken dat Bakkerij De Korenschoof B.V. factuur ${number} nog niet heeft betaald.`,
    );
    expect(email.text).not.toContain('terwijl de betalingstermijn inmiddels is verstreken');
    // The version before stays readable.
    const first = await h.get<Template>(
      `/templates/payment-reminder-firm?version=${current.version}`,
      'admin',
    );
    expect(first.body.texts.nl!.one.body).toEqual(one.body);
  });

  it('a 14-day letter version without the cost amount is refused naming it', async () => {
    const current = await template('fourteen-day-letter');
    const one = current.texts.nl!.one;
    const body = one.body.map((paragraph) =>
      paragraph.includes('{{costs}}')
        ? '{{consequence}} (artikel 6:96 Burgerlijk Wetboek), en dragen wij de vordering over aan een incassobureau.'
        : paragraph,
    );
    const answer = await h.send<Refused>(
      'PUT',
      '/templates/fourteen-day-letter',
      { texts: { nl: { ...current.texts.nl, one: { ...one, body } } } },
      'admin',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: 'texts.nl.one.body', message: expect.stringContaining('lacks {{costs}}') },
    ]);
    expect((await template('fourteen-day-letter')).version).toBe(current.version);
  });

  it('a version with an unknown placeholder is refused naming it', async () => {
    const current = await template('payment-reminder-friendly');
    const many = current.texts.en!.many;
    const answer = await h.send<Refused>(
      'PUT',
      '/templates/payment-reminder-friendly',
      { texts: { en: { ...current.texts.en, many: { ...many, subject: 'Reminder for {{customerName}}' } } } },
      'admin',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      {
        path: 'texts.en.many.subject',
        message: expect.stringContaining('{{customerName}} is no placeholder'),
      },
    ]);
    expect((await template('payment-reminder-friendly')).version).toBe(current.version);
  });

  it('lets only admins change a template', async () => {
    const current = await template('payment-reminder-formal');
    const answer = await h.send(
      'PUT',
      '/templates/payment-reminder-formal',
      { texts: current.texts },
      'controller',
    );
    expect(answer.status).toBe(403);
  });

  it('a preview renders without sending', async () => {
    const debtor = await businessDebtor(h, { name: 'Preview B.V.' });
    const { id, number } = await invoice(h, debtor.id, { dueDate: '2026-05-30' });
    const before = (await h.cloud.emails()).length;

    const answer = await h.send<Preview>(
      'POST',
      '/templates/fourteen-day-letter/preview',
      { invoiceId: id },
      'admin',
    );

    expect(answer.status).toBe(200);
    expect(answer.body.subject).toBe(
      `Aanmaning: betaal factuur ${number} binnen 14 dagen zonder extra kosten`,
    );
    expect(answer.body.text).toContain('te rekenen vanaf de dag na ontvangst van deze brief');
    expect(answer.body.html).toContain(number);
    // The QR code is embedded for a browser, not referenced as an email part.
    expect(answer.body.html).toContain('src="data:image/png;base64,');
    await h.cloud.idle();
    expect((await h.cloud.emails()).length).toBe(before);
    expect(await emailsTo(h, debtor.email)).toEqual([]);

    const german = await h.send<Preview>(
      'POST',
      '/templates/payment-reminder-friendly/preview',
      { invoiceId: id, language: 'de' },
      'admin',
    );
    expect(german.body.subject).toBe(`Erinnerung: Rechnung ${number} ist noch offen`);
    expect(german.body.text).toContain('Sehr geehrte Damen und Herren,');
  });

  it('a test send reaches only the caller', async () => {
    const debtor = await businessDebtor(h, { name: 'Test Send B.V.' });
    const { id, number } = await invoice(h, debtor.id, { dueDate: '2026-05-30' });
    const before = (await h.cloud.emails()).length;

    const answer = await h.send<{ to: string }>(
      'POST',
      '/templates/payment-reminder-final/test-send',
      { invoiceId: id },
      'admin',
    );

    expect(answer.status).toBe(200);
    expect(answer.body.to).toBe(LOCAL_USERS.admin.email);
    await h.cloud.idle();
    const sent = (await h.cloud.emails()).slice(before);
    expect(sent.map((email) => email.to)).toEqual([[LOCAL_USERS.admin.email]]);
    expect(sent[0]?.subject).toBe(`[Test] Laatste aanmaning vóór incasso: factuur ${number}`);
    expect(await emailsTo(h, debtor.email)).toEqual([]);
  });

  it('writes to a German debtor in German, the language intake gave it', async () => {
    const debtor = await businessDebtor(h, { name: 'Müller Handels GmbH', language: 'de' });
    // Overdue on arrival, so that its dunning starts at once (this harness runs no daily sweep).
    const { number } = await invoice(h, debtor.id, { dueDate: '2026-04-03' });
    await h.advanceDays(10);

    const email = await eventually(async () => {
      const [sent] = await emailsTo(h, debtor.email);
      expect(sent).toBeDefined();
      return sent!;
    });
    expect(email.subject).toContain(number);
    expect(email.html).toContain('<html lang="de">');
    expect(email.text).toContain('Müller Handels GmbH');
    expect(email.text).toMatch(/Rechnung/);
    // Amounts as a German reader writes them.
    expect(email.text).toMatch(/1\.250,00\s€/);
  });
});
