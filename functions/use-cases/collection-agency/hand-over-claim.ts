import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { ExplanationLanguage } from '../../core/legal/claim-explanation';
import { isAtAgency } from '../../core/agency/agency-claim';
import type { CreditStore, DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import type { CreditorDetails } from '../../shared/creditor';
import { debtorTimeline } from '../accounts/debtor-timeline';
import type { ClaimDeps } from '../claims/invoice-claim';
import { statedClaim } from '../claims/stated-claim';
import { firstVersion } from '../record-versions';
import { type ClaimFacts, type ClaimFile, claimFile } from './claim-file';
import { lettersAsSent } from './letters-as-sent';

/** The contacts read for the file's history: the newest; the file keeps those that are contacts. */
const HISTORY_READ = 400;

/**
 * The claim's item at the agency, written before the claim file is published: an event the agency
 * sends the moment it reads the file finds its claim. Written once; a retried hand-over finds it.
 */
export async function openAgencyClaim(
  store: CreditStore,
  invoice: InvoiceRecord,
  today: CalendarDate,
  now: Date,
): Promise<void> {
  if (await store.getAgencyClaim(invoice.id)) return;
  const at = now.toISOString();
  await store.commit([
    {
      kind: 'putAgencyClaim',
      claim: firstVersion(
        {
          invoiceId: invoice.id,
          debtorId: invoice.debtorId,
          claimFileId: invoice.debtorId,
          invoiceNumber: invoice.number,
          currency: invoice.currency,
          status: 'handed_over',
          handedOverAt: at,
          handedOverOn: today,
          handedOverAmount: invoice.openAmount,
          collected: 0,
          fees: 0,
          directPayments: [],
          lastSequence: 0,
        },
        at,
      ),
      expectedVersion: null,
    },
  ]);
}

/** The task and its timeline entry when a hand-over is held: one per invoice, for a controller. */
export function heldHandOverTask(invoice: InvoiceRecord): { id: string; summary: string } {
  return {
    id: `agency-hand-over-held--${invoice.id}`,
    summary:
      `Invoice ${invoice.number} was not handed over to the collection agency: no letter on file was ` +
      'delivered. Reach the debtor (a letter by post, a corrected email address) and decide: ' +
      'restart the dunning, or write the claim off.',
  };
}

/** Whether the claim may go: at least one letter on it was delivered. */
export function hasDeliveredLetter(invoiceTimeline: Parameters<typeof lettersAsSent>[0]): boolean {
  return lettersAsSent(invoiceTimeline).some((letter) => letter.deliveredAt !== null);
}

/**
 * The debtor's claim file as of `today`: the claim handed over now and every other claim of the
 * debtor still at the agency, each with its letters and the claim in the agency's language.
 */
export async function claimFileFor(
  deps: ClaimDeps,
  input: {
    debtor: DebtorRecord;
    invoice: InvoiceRecord;
    creditor: CreditorDetails;
    language: ExplanationLanguage;
    today: CalendarDate;
  },
): Promise<ClaimFile> {
  const { debtor, invoice, language, today } = input;
  const facts = async (of: InvoiceRecord, handedOverOn: CalendarDate): Promise<ClaimFacts> => ({
    invoice: of,
    handedOverOn,
    letters: lettersAsSent(await deps.store.timeline({ invoiceId: of.id })),
    stated: await statedClaim(deps, of.id, today, language),
  });
  const others: ClaimFacts[] = [];
  for (const claim of await deps.store.listAgencyClaimsOfDebtor(debtor.id)) {
    if (claim.invoiceId === invoice.id || !isAtAgency(claim)) continue;
    const other = await deps.store.getInvoice(claim.invoiceId);
    if (other) others.push(await facts(other, claim.handedOverOn));
  }
  const history = await debtorTimeline(deps.store, { debtorId: debtor.id, limit: HISTORY_READ, language });
  return claimFile({
    debtor,
    creditor: input.creditor,
    language,
    handingOver: await facts(invoice, today),
    others,
    history: history.events,
    today,
  });
}
