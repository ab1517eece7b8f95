import { localDate } from '../../core/calendar/time-zone';
import { isCollecting } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import type { Notifier } from '../../ports/notifier';
import type { CreditorDetails } from '../../shared/creditor';
import { statedClaim } from '../claims/stated-claim';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { checkStep } from './check-step';
import { agencyDossier } from '../collection-agency/agency-dossier';
import { lettersOnFile } from '../letters/letters-on-file';
import { recordSkip, recordStep, type StepDeps } from './record-step';
import { type Replayed, replayed, type Skipped, skipped } from './step-outcome';
import type { StepPayload } from './step-payload';

export interface CollectionAgencyDeps extends StepDeps {
  notifier: Notifier;
  creditor: CreditorDetails;
}

export interface HandedOver {
  status: 'done';
  claimId: string;
}

export type CollectionAgencyOutcome = HandedOver | Skipped | Replayed;

/**
 * The last step: the dossier goes to the collection agency and the invoice leaves our own
 * collection ('in_collection', dunning completed). The dossier is published before the invoice is
 * closed: a retry after a failed write sends it again under the same claim id, but a closed
 * invoice is never left without a dossier at the agency.
 */
export async function handOverToCollectionAgency(
  deps: CollectionAgencyDeps,
  payload: StepPayload,
): Promise<CollectionAgencyOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) return check.outcome;
  const { invoice, policy, recorded } = check.active;
  if (recorded) return replayed(recorded);

  const minimum = policy.collectionAgencyMinimum;
  if (minimum && minimum.currency === invoice.currency && invoice.openAmount < minimum.amount) {
    return recordSkip(
      deps,
      payload,
      skipped('below_agency_minimum', `below the agency minimum of ${formatMoney(minimum, 'nl')}`),
    );
  }

  const debtor = await debtorOfInvoice(deps.store, invoice);
  const today = localDate(deps.clock.now(), policy.timeZone);
  const letters = lettersOnFile(await deps.store.timeline({ invoiceId: invoice.id }));
  // The agency works in Dutch, whatever language the debtor reads.
  const stated = await statedClaim(deps, invoice.id, today, 'nl');
  const dossier = agencyDossier({ invoice, debtor, creditor: deps.creditor, letters, stated, today });
  await deps.notifier.publish({
    topic: 'collection-agency',
    subject: `Claim ${invoice.number} handed over`,
    message: dossier,
    attributes: { claimId: dossier.claimId },
  });

  const total = formatMoney({ amount: dossier.claim.total, currency: dossier.claim.currency }, 'en');
  await recordStep(deps, payload, {
    status: 'done',
    event: {
      type: 'handed_over_to_agency',
      summary: `Claim handed over to the collection agency: ${total} with ${letters.length} letters on file`,
      details: { claimId: dossier.claimId, claim: dossier.claim },
    },
    // Paid while the dossier went out: the invoice stays paid, and the timeline shows the hand-over
    // so that a controller withdraws the claim.
    changes: (current, at) =>
      isCollecting(current)
        ? {
            status: 'in_collection',
            closedAt: at.toISOString(),
            ...(current.dunning ? { dunning: { ...current.dunning, status: 'completed' } } : {}),
          }
        : {},
  });
  return { status: 'done', claimId: dossier.claimId };
}
