import { addDays, type CalendarDate } from '../../functions/core/calendar/calendar-date';
import { expiryAfter, signingKey, signToken } from '../../functions/core/self-service/self-service-token';
import { LOCAL_SELF_SERVICE_KEY } from '../cloud/environment';
import type { CallApi } from './controller-api';

interface OverdueInvoice {
  id: string;
  number: string;
  debtorId: string;
  currency: string;
  daysOverdue: number;
}

const LOOK_AT = 100;

/**
 * Two debtors who act on their own self-service page, as a debtor does from the link in a letter,
 * so that the timelines show actions done by the debtor from the first minute: one promises a date
 * for an invoice, the other pays an invoice through the local Mollie checkout (whose webhook books
 * it and stops its dunning). They are taken among the least overdue invoices, away from the
 * oldest ones the controller's arrangements take. Returns the line for the demo's log.
 */
export async function debtorsUseTheirPage(
  apiUrl: string,
  api: CallApi,
  today: CalendarDate,
  now: Date,
): Promise<string> {
  const listed = await api('GET', `/invoices?status=overdue&minDaysOverdue=1&limit=${LOOK_AT}`);
  if (listed.status !== 200) return `demo: no self-service (GET /invoices answered ${listed.status})`;
  const candidates = (listed.body as { invoices: OverdueInvoice[] }).invoices
    .filter((invoice) => invoice.currency === 'EUR')
    .sort((a, b) => a.daysOverdue - b.daysOverdue || a.id.localeCompare(b.id));
  const [promised, paid] = candidates.filter(
    (invoice, index) => candidates.findIndex((other) => other.debtorId === invoice.debtorId) === index,
  );
  const done: string[] = [];
  const linkOf = (debtorId: string) =>
    `${apiUrl}/self-service/${signToken({ debtorId, expiresAt: expiryAfter(now, 60) }, signingKey(LOCAL_SELF_SERVICE_KEY))}`;

  if (promised) {
    const answer = await submit(linkOf(promised.debtorId), 'promise', {
      invoiceId: promised.id,
      promisedDate: addDays(today, 10),
    });
    if (answer?.status === 303) done.push(`${promised.debtorId} promised to pay ${promised.number}`);
  }
  if (paid) {
    const answer = await submit(linkOf(paid.debtorId), 'pay', { invoiceIds: paid.id });
    const checkout = answer?.status === 303 ? answer.headers.get('location') : null;
    // Only a checkout of the payment provider has the pay button; without Mollie there is none.
    if (checkout && /\/checkout\/tr_/.test(checkout)) {
      const pressed = await fetch(checkout, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=pay',
      });
      if (pressed.status === 303) done.push(`${paid.debtorId} paid ${paid.number} through Mollie's checkout`);
    }
  }
  return done.length > 0
    ? `demo: on their self-service page, ${done.join('; ')}`
    : 'demo: no debtor used the self-service page';
}

/** One form of the debtor's page, posted as a browser does with the page's nonce and CSRF token. */
async function submit(
  link: string,
  action: string,
  fields: Record<string, string>,
): Promise<Response | undefined> {
  const page = await (await fetch(link)).text();
  const guard = new RegExp(
    `name="action" value="${action}">\\s*<input type="hidden" name="nonce" value="([^"]+)">\\s*<input type="hidden" name="csrf" value="([^"]+)">`,
  ).exec(page);
  if (!guard) return undefined;
  return fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, nonce: guard[1]!, csrf: guard[2]!, ...fields }).toString(),
  });
}
