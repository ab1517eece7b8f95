import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_DATA_MARKER } from '../../../functions/use-cases/messages/account-manager-alert';
import type { PublishedMessage } from '../../../local/sns/sns-broker';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, invoice, MARCH_DUE, MARCH_START, tasksOf } from '../workflow/scenario';

const SANNE = 'sanne.devries@creditor.example';
const JAMES = 'james.wright@creditor.example';

/**
 * What a subscription with the filter policy `{ "accountManagerEmail": [email] }` receives: the
 * local SNS keeps every message and applies no filter policies, so the test applies SNS's rule
 * for a string attribute (an exact match) to the messages it recorded.
 */
function deliveredTo(messages: readonly PublishedMessage[], email: string): PublishedMessage[] {
  return messages.filter(
    (message) =>
      message.topicName === 'account-managers' &&
      message.messageAttributes.accountManagerEmail?.stringValue === email,
  );
}

describe('alerts to account managers', () => {
  let h: CloudHarness;
  let debtor: { id: string; email: string };
  let other: { id: string; email: string };
  let numbers: string[];

  beforeAll(async () => {
    h = await startCloudHarness(MARCH_START);
    debtor = await businessDebtor(h, {
      phone: '+31 20 123 4567',
      contact: { name: 'Jan de Graaf', salutation: 'mr' },
      accountManager: { name: 'Sanne de Vries', email: SANNE },
    });
    other = await businessDebtor(h, {
      name: 'Harbour Supplies Ltd',
      accountManager: { name: 'James Wright', email: JAMES, language: 'en' },
    });
    const invoices = await Promise.all(
      [1_250_00, 2_000_00, 2_572_24].map((totalAmount) =>
        invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount }),
      ),
    );
    numbers = invoices.map((each) => each.number);
    await invoice(h, other.id, { dueDate: MARCH_DUE, totalAmount: 900_00 });

    // The call of day 21 falls on Monday 23 March: nobody answers, and the controller notes it.
    await advanceTo(h, '2026-03-23T10:00:00Z');
    for (const { id } of invoices) {
      const call = await eventually(async () => {
        const found = (await tasksOf(h, id)).find((task) => task.kind === 'call');
        expect(found).toBeDefined();
        return found!;
      });
      const outcome = await h.send('POST', `/tasks/${call.id}/outcome`, {
        outcome: 'no_answer',
        note: 'Voicemail ingesproken, terugbelverzoek',
      });
      expect(outcome.status).toBe(200);
    }
    // The account manager on day 30: Tuesday 31 March.
    await advanceTo(h, '2026-03-31T12:00:00Z');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('an account-manager alert for a debtor with three invoices is one message a person can act on, filtered by its attribute', async () => {
    const alerts = await eventually(async () => {
      const found = deliveredTo(h.cloud.notifications(), SANNE);
      expect(found).toHaveLength(1);
      return found;
    });
    const [alert] = alerts;
    const [text = '', json = '{}'] = (alert?.message ?? '').split(ALERT_DATA_MARKER);

    // What the account manager reads: in Dutch, the amount as money, what was done and what to do.
    expect(alert?.subject).toBe(
      'Actie gevraagd: Bakkerij De Korenschoof B.V. betaalt niet (EUR 5.822,24 open)',
    );
    expect(text).toContain('Beste Sanne de Vries,');
    expect(text).toContain('Er staat €\u00a05.822,24 open.');
    for (const number of numbers) expect(text).toContain(`- ${number}: `);
    expect(text).toMatch(
      /- 4 maart 2026: eerste herinnering verstuurd per e-mail: "Herinnering: 3 facturen staan nog open"/,
    );
    expect(text).toMatch(/- 16 maart 2026: tweede herinnering verstuurd per e-mail/);
    expect(text).toContain(
      '- 23 maart 2026: laatste telefoontje: geen gehoor ("Voicemail ingesproken, terugbelverzoek")',
    );
    expect(text).toContain('- de heer Jan de Graaf');
    expect(text).toContain('- Telefoon: +31 20 123 4567');
    expect(text).toContain('Wilt u persoonlijk contact opnemen met uw klant over de betaling');
    expect(text).toContain('Nieuwe orders op rekening zijn geblokkeerd');
    expect(text).not.toContain('averageDaysLate');

    // What a machine reads: the attributes a subscription filters on, and the JSON part.
    expect(alert?.messageAttributes).toMatchObject({
      kind: { stringValue: 'account_manager_escalation' },
      accountManagerEmail: { stringValue: SANNE },
      debtorId: { stringValue: debtor.id },
      day: { stringValue: '2026-03-31' },
    });
    const data = JSON.parse(json) as { openBalance: unknown[]; openInvoices: unknown[] };
    expect(data.openBalance).toEqual([{ amount: 5_822_24, currency: 'EUR', formatted: '€\u00a05.822,24' }]);
    expect(data.openInvoices).toHaveLength(3);

    // Every invoice reached the step and is on hold; the other manager's filter does not match it.
    expect(
      h.cloud
        .notifications()
        .filter((m) => m.message.includes(debtor.id) && m.topicName === 'account-managers'),
    ).toHaveLength(1);
    expect(deliveredTo(h.cloud.notifications(), JAMES).every((m) => !m.message.includes(debtor.id))).toBe(
      true,
    );
  });

  it("writes the alert in the account manager's own language", async () => {
    const [alert] = await eventually(async () => {
      const found = deliveredTo(h.cloud.notifications(), JAMES);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(alert?.subject).toBe('Action needed: Harbour Supplies Ltd does not pay (EUR 900.00 open)');
    expect(alert?.message).toContain('Dear James Wright,');
    expect(alert?.message).toContain('- accounts payable (no contact person on file)');
    expect(alert?.message).toContain('Please contact your customer in person about the payment');
  });
});
