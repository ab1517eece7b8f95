import type { AgencyClient } from '../collection-agency/agency-client';
import type { CallApi } from './controller-api';

interface ClaimAtAgency {
  id: string;
  number: string;
  currency: string;
  openAmount: number;
}

/** The agency's fee on what it collects: a share of the amount, as its contract would say. */
const FEE_PERCENT = 15;

/**
 * The collection agency at work, once: the first claim handed over to it (lowest invoice id, so
 * the same one every run) is accepted and its open amount collected, each through the agency's
 * signed webhook as the agency would post it. The collection is booked as a payment on the
 * invoice, the fee recorded beside it. Returns the line for the demo's log, or undefined while no
 * claim is at the agency yet.
 */
export async function collectOneClaimAtAgency(
  api: CallApi,
  agency: AgencyClient,
  now: Date,
): Promise<string | undefined> {
  const listed = await api('GET', '/invoices?status=in_collection&limit=100');
  if (listed.status !== 200) throw new Error(`GET /invoices?status=in_collection answered ${listed.status}`);
  const claim = (listed.body as { invoices: ClaimAtAgency[] }).invoices
    .filter((invoice) => invoice.openAmount > 0)
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!claim) return undefined;
  const fee = Math.round((claim.openAmount * FEE_PERCENT) / 100);
  for (const event of [
    agency.event('claim.accepted', claim.id, {}, now),
    agency.event(
      'claim.payment_collected',
      claim.id,
      { amount: claim.openAmount, fee, currency: claim.currency },
      now,
    ),
  ]) {
    const answer = await agency.post(event);
    if (answer.status !== 200) throw new Error(`the agency's ${event.type} answered ${answer.status}`);
  }
  const money = (amount: number) => `${claim.currency} ${(amount / 100).toFixed(2)}`;
  return `demo: arranged the collection agency's collection of ${money(claim.openAmount)} on ${claim.number} (fee ${money(fee)})`;
}
