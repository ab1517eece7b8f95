import { addDays, type CalendarDate } from '../../functions/core/calendar/calendar-date';
import type { CallApi } from './controller-api';

interface OverdueInvoice {
  id: string;
  number: string;
  debtorId: string;
  currency: string;
  openAmount: number;
  daysOverdue: number;
}

/** Enough overdue invoices to find three debtors to arrange something with. */
const LOOK_AT = 100;
const INSTALMENTS = 3;

/**
 * What a credit controller arranged with debtors before the demo starts, through the API, so
 * that a promise to pay, a dispute and a payment plan are there to look at from the first
 * minute: a payment plan for a debtor with two overdue invoices, a promise on an invoice of
 * another debtor, a dispute over part of an invoice of a third. Each paused (or, for the part,
 * marked) dunning shows on `GET /invoices/{id}`. Returns the line for the demo's log.
 */
export async function arrangeWithDebtors(api: CallApi, today: CalendarDate): Promise<string> {
  const listed = await api('GET', `/invoices?status=overdue&minDaysOverdue=7&limit=${LOOK_AT}`);
  if (listed.status !== 200) return `demo: no arrangements (GET /invoices answered ${listed.status})`;
  const overdue = (listed.body as { invoices: OverdueInvoice[] }).invoices
    .filter((invoice) => invoice.currency === 'EUR' && invoice.openAmount >= 300_00)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
  const byDebtor = new Map<string, OverdueInvoice[]>();
  for (const invoice of overdue)
    byDebtor.set(invoice.debtorId, [...(byDebtor.get(invoice.debtorId) ?? []), invoice]);

  const done: string[] = [];
  const used = new Set<string>();
  const planDebtor = [...byDebtor.entries()].find(([, invoices]) => invoices.length >= 2);
  if (planDebtor) {
    const [debtorId, invoices] = planDebtor;
    const pair = invoices.slice(0, 2);
    const total = pair.reduce((sum, invoice) => sum + invoice.openAmount, 0);
    const share = Math.floor(total / INSTALMENTS);
    const instalments = Array.from({ length: INSTALMENTS }, (_, i) => ({
      dueDate: addDays(today, 14 + 30 * i),
      amount: i === INSTALMENTS - 1 ? total - share * (INSTALMENTS - 1) : share,
    }));
    const plan = await api('POST', `/debtors/${encodeURIComponent(debtorId)}/payment-plans`, {
      invoiceIds: pair.map((invoice) => invoice.id),
      instalments,
    });
    if (plan.status === 201) {
      used.add(debtorId);
      done.push(`payment plan ${(plan.body as { id: string }).id} for ${debtorId}`);
    }
  }
  const next = () => overdue.find((invoice) => !used.has(invoice.debtorId));
  const promised = next();
  if (promised) {
    used.add(promised.debtorId);
    const promise = await api('POST', `/invoices/${encodeURIComponent(promised.id)}/promises`, {
      promisedDate: addDays(today, 7),
      note: 'Betaalt na de maandafsluiting.',
    });
    if (promise.status === 201) done.push(`promise to pay on ${promised.number}`);
  }
  const disputed = next();
  if (disputed) {
    used.add(disputed.debtorId);
    const dispute = await api('POST', `/invoices/${encodeURIComponent(disputed.id)}/disputes`, {
      cause: 'quantity',
      amount: Math.floor(disputed.openAmount / 4),
      note: 'Twee dozen te weinig geleverd.',
      documents: [{ kind: 'delivery_note', ref: `https://files.example/pakbon-${disputed.number}.pdf` }],
    });
    if (dispute.status === 201) done.push(`dispute over part of ${disputed.number}`);
  }
  return done.length > 0 ? `demo: arranged ${done.join(', ')}` : 'demo: no debtor to arrange anything with';
}
