import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DebtorKind } from '../../core/ledger/debtor';
import { buildClaim, type Claim, type ClaimInput } from '../../core/legal/claim';
import type { ExplanationLanguage } from '../../core/legal/claim-explanation';
import { StatutoryRateNotKnownError } from '../../core/legal/statutory-rates';
import { type ClaimDeps, invoiceClaimInput } from './invoice-claim';

/** Whether `claim` holds the statutory interest, and if not, why. */
export type StatedInterest =
  | { status: 'included' }
  | { status: 'not-charged' }
  /** A rate it needs is not known yet (not published, or not entered): never guessed. */
  | { status: 'rate-not-known'; reason: string };

/** A claim as a letter to the debtor or the agency's dossier states it. */
export interface StatedClaim {
  claim: Claim;
  /** Businesses owe the commercial rate (art. 6:119a BW), consumers the statutory one (6:119). */
  debtorKind: DebtorKind;
  interest: StatedInterest;
}

/**
 * The claim of GET /invoices/{id}/claim, for a document that must go out even when a statutory
 * rate is not known yet: then it states the claim without interest, which is claimed separately
 * once the rate is known. Everything else is the same figure the API shows.
 */
export async function statedClaim(
  deps: ClaimDeps,
  invoiceId: string,
  asOf: CalendarDate,
  /** Of the explanation; the debtor's when not given. */
  language?: ExplanationLanguage,
): Promise<StatedClaim> {
  const read = withoutDisputedPart(
    await invoiceClaimInput(deps, invoiceId, asOf),
    (await deps.store.getInvoice(invoiceId))?.disputedPart?.amount ?? 0,
  );
  const input = language ? { ...read, language } : read;
  const debtorKind = input.invoice.debtorKind;
  try {
    const interest: StatedInterest = { status: input.policy.chargeInterest ? 'included' : 'not-charged' };
    return { claim: buildClaim(input), debtorKind, interest };
  } catch (error) {
    if (!(error instanceof StatutoryRateNotKnownError)) throw error;
    return {
      claim: buildClaim({ ...input, policy: { ...input.policy, chargeInterest: false } }),
      debtorKind,
      interest: { status: 'rate-not-known', reason: error.message },
    };
  }
}

/**
 * A part of the invoice under dispute is not claimed while the dispute runs: the letters ask for
 * the rest, so the claim they state is that of the undisputed remainder, and its interest runs
 * on that remainder only. GET /invoices/{id}/claim keeps the claim of the whole invoice.
 */
function withoutDisputedPart(input: ClaimInput, disputed: number): ClaimInput {
  if (disputed <= 0) return input;
  const principal = input.invoice.principal;
  return {
    ...input,
    invoice: {
      ...input.invoice,
      principal: { ...principal, amount: Math.max(0, principal.amount - disputed) },
    },
  };
}
