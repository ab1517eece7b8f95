import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../functions/core/legal/claim';
import { formatRfCreditorReference } from '../../../functions/core/payments/rf-creditor-reference';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud } from '../claims/claims-cloud';

/** Business time on the local cloud: Monday 10 March 2025, 08:00 in Amsterdam. */
const START = '2025-03-10T07:00:00Z';

/** As aws-ses-v2-local keeps an email (GET /store), as far as this test reads it. */
interface InboxEmail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/**
 * Letters that list several invoices of one debtor: one structured reference of the letter's own
 * for the total, matched to the invoices it lists; and for a consumer one 14-day letter for every
 * invoice overdue that day, with the costs on their combined principal.
 */
describe('a letter listing several invoices, on the local cloud', () => {
  let world: ClaimsCloud;

  beforeAll(async () => {
    world = await claimsCloud(START);
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function debtor(kind: 'business' | 'consumer'): Promise<{ id: string; email: string }> {
    const id = newId('deb');
    const email = `${id}@debtor.example`;
    const answer = await world.deliver(
      debtorUpserted({ id, kind, name: `Debtor ${id}`, email, language: 'nl' }),
    );
    expect(answer.status).toBe(200);
    return { id, email };
  }

  async function invoice(
    debtorId: string,
    fields: { dueDate: string; issueDate: string; totalAmount: number },
  ): Promise<string> {
    const id = newId('inv');
    expect((await world.deliver(invoiceCreated({ id, debtorId, ...fields }))).status).toBe(200);
    return id;
  }

  async function emailsTo(address: string): Promise<InboxEmail[]> {
    const store = (await (await fetch(`${world.cloud.endpoints.inbox}/store`)).json()) as {
      emails: InboxEmail[];
    };
    return store.emails.filter((email) => email.destination.to.some((to) => to.includes(address)));
  }

  const letterOf = (invoiceId: string, template: string) =>
    world.timelineEntry(
      invoiceId,
      (event) => event.type === 'email_sent' && event.details?.template === template,
    );

  it("a two-invoice letter's own reference pays both", async () => {
    const { id: debtorId, email } = await debtor('business');
    // Both due today; the older one was issued first. The first reminder of each falls on
    // Thursday 13 March: one letter lists both.
    const older = await invoice(debtorId, {
      dueDate: '2025-03-10',
      issueDate: '2025-02-08',
      totalAmount: 300_00,
    });
    const newer = await invoice(debtorId, {
      dueDate: '2025-03-10',
      issueDate: '2025-02-10',
      totalAmount: 200_00,
    });
    await world.cloud.advanceTo(new Date('2025-03-13T08:00:00Z'));

    const sent = await letterOf(older, 'payment-reminder');
    const reference = String(sent.details?.reference);
    const [olderInvoice, newerInvoice] = await Promise.all([
      world.store.getInvoice(older),
      world.store.getInvoice(newer),
    ]);
    const [letter] = await emailsTo(email);

    // One reference of its own, printed for the total; each invoice keeps its own for paying one.
    expect([...(sent.details?.invoiceIds as string[])].sort()).toEqual([older, newer].sort());
    expect(reference).toMatch(/^RF\d{2}[0-9A-Z]{21}$/);
    expect(reference).not.toBe(olderInvoice?.paymentReference);
    expect(letter?.body.text).toContain(
      `Betalingskenmerk voor het totaal: ${formatRfCreditorReference(reference)}`,
    );
    for (const each of [olderInvoice, newerInvoice]) {
      expect(letter?.body.text).toContain(formatRfCreditorReference(each?.paymentReference ?? ''));
    }

    // The debtor's bank passes the reference on as printed, with spaces.
    const paid = await world.deliver(
      paymentReceived({ reference: formatRfCreditorReference(reference) }, { amount: 500_00 }),
    );

    expect(paid.status).toBe(200);
    const after = await Promise.all([world.store.getInvoice(older), world.store.getInvoice(newer)]);
    expect(after.map((each) => [each?.status, each?.openAmount])).toEqual([
      ['paid', 0],
      ['paid', 0],
    ]);
  });

  it("pays the oldest invoice of a letter first when a payment quoting the letter's reference falls short", async () => {
    const { id: debtorId } = await debtor('business');
    // Due on Thursday 13 March: the first reminder of each falls on Sunday 16 March, and goes on
    // Monday 17 March, in one letter.
    const newer = await invoice(debtorId, {
      dueDate: '2025-03-13',
      issueDate: '2025-02-10',
      totalAmount: 200_00,
    });
    const older = await invoice(debtorId, {
      dueDate: '2025-03-13',
      issueDate: '2025-02-08',
      totalAmount: 300_00,
    });
    await world.cloud.advanceTo(new Date('2025-03-17T08:00:00Z'));
    const sent = await letterOf(newer, 'payment-reminder');

    const paid = await world.deliver(
      paymentReceived({ reference: String(sent.details?.reference) }, { amount: 350_00 }),
    );

    expect(sent.details?.invoiceIds).toHaveLength(2);
    expect(paid.status).toBe(200);
    const [olderAfter, newerAfter] = await Promise.all([
      world.store.getInvoice(older),
      world.store.getInvoice(newer),
    ]);
    expect([olderAfter?.status, olderAfter?.openAmount]).toEqual(['paid', 0]);
    expect([newerAfter?.status, newerAfter?.openAmount]).toEqual(['overdue', 150_00]);
  });

  it("a consumer's two overdue invoices get one 14-day letter with costs on the combined principal", async () => {
    const { id: debtorId, email } = await debtor('consumer');
    // The 14-day letter of the first falls on Monday 31 March (day 21); the second is overdue by
    // then but waits for its second reminder (day 14: Thursday 3 April), and its own 14-day
    // letter would fall on Thursday 10 April.
    const first = await invoice(debtorId, {
      dueDate: '2025-03-10',
      issueDate: '2025-02-10',
      totalAmount: 100_00,
    });
    const second = await invoice(debtorId, {
      dueDate: '2025-03-20',
      issueDate: '2025-02-20',
      totalAmount: 200_00,
    });
    await world.cloud.advanceTo(new Date('2025-03-31T08:00:00Z'));

    const sent = await letterOf(first, 'fourteen-day-letter');
    expect([...(sent.details?.invoiceIds as string[])].sort()).toEqual([first, second].sort());
    // WIK over EUR 300: 15% is EUR 45, above the EUR 40 minimum that two letters would charge twice.
    expect(sent.details?.fourteenDayTerm).toMatchObject({ costs: { amount: 45_00, currency: 'EUR' } });

    // The second invoice's own steps come and go: no reminder after the letter, no second letter.
    await world.cloud.advanceTo(new Date('2025-04-11T08:00:00Z'));
    const letters = await emailsTo(email);
    const fourteenDayLetters = (await world.store.timeline({ invoiceId: second })).filter(
      (event) => event.type === 'email_sent',
    );
    expect(letters.filter((letter) => letter.subject === letters.at(-1)?.subject)).toHaveLength(1);
    expect(fourteenDayLetters.map((event) => event.details?.template)).toEqual([
      'payment-reminder',
      'fourteen-day-letter',
    ]);

    const claims = await Promise.all(
      [first, second].map((id) =>
        world.call<Claim>('controller', 'GET', `/invoices/${id}/claim?asOf=2025-04-16`),
      ),
    );
    for (const { status, body } of claims) {
      expect(status).toBe(200);
      expect(body.costs.letter).toMatchObject({ principal: 300_00, amount: 45_00 });
    }
    expect(claims.map(({ body }) => body.costs.amount)).toEqual([15_00, 30_00]);
  });
});
