import type { CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { DunningStep, LegalPolicy } from '../../core/dunning/dunning-policy';
import { isTemplateId } from '../../core/dunning/step-templates';
import type { Debtor } from '../../core/ledger/debtor';
import type { Mailer } from '../../ports/mailer';
import { composeLetter } from '../letters/compose-letter';
import { consumerHandOver } from '../../core/legal/agency-hand-over';
import { assessFourteenDayLetters } from '../../core/legal/fourteen-day-letter';
import { isCollecting } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import type { Notifier } from '../../ports/notifier';
import type { CreditorDetails } from '../../shared/creditor';
import { statedClaim } from '../claims/stated-claim';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { checkStep, type DunnedInvoice } from './check-step';
import { agencyDossier } from '../collection-agency/agency-dossier';
import { writtenNotices } from '../claims/written-notices';
import { lettersOnFile } from '../letters/letters-on-file';
import { recordSkip, recordStep, type StepDeps, WORKFLOW_ACTOR } from './record-step';
import { StepDeferredError } from './step-deferred';
import { type Replayed, replayed, type Skipped, skipped } from './step-outcome';
import type { StepPayload } from './step-payload';
import { closeTasksOfClosedInvoice } from '../worklist/close-tasks';

export interface CollectionAgencyDeps extends StepDeps {
  notifier: Notifier;
  creditor: CreditorDetails;
  /** Tells the debtor of the hand-over when the policy's step names a letter. */
  mailer: Mailer;
}

export interface HandedOver {
  status: 'done';
  claimId: string;
}

export type CollectionAgencyOutcome = HandedOver | Skipped | Replayed;

/**
 * The last step: the dossier goes to the collection agency and the invoice leaves our own
 * collection ('in_collection', dunning completed). A consumer's claim goes only after the term of
 * a 14-day letter that was received has passed (art. 6:96 lid 6 BW): while the term runs the step
 * is deferred day by day; without such a letter it is refused, for a controller to act. The dossier is published before the invoice is
 * closed: a retry after a failed write sends it again under the same claim id, but a closed
 * invoice is never left without a dossier at the agency.
 */
export async function handOverToCollectionAgency(
  deps: CollectionAgencyDeps,
  payload: StepPayload,
): Promise<CollectionAgencyOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) return check.outcome;
  const { invoice, policy, step, recorded } = check.active;
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
  const timeline = await deps.store.timeline({ invoiceId: invoice.id });
  if (debtor.kind === 'consumer') {
    const letter = assessFourteenDayLetters({
      dueDate: invoice.dueDate,
      notices: writtenNotices(timeline),
      asOf: today,
      postalDeliveryDays: policy.legal.postalDeliveryDays,
    });
    const handOver = consumerHandOver(letter);
    if (handOver.decision === 'wait') {
      throw new StepDeferredError(`the term of the 14-day letter runs until the day before ${handOver.from}`);
    }
    if (handOver.decision === 'refuse') {
      return recordSkip(
        deps,
        payload,
        skipped(
          'fourteen_day_letter_missing',
          `not handed over to the collection agency: ${handOver.reason}`,
        ),
      );
    }
  }
  const letters = lettersOnFile(timeline);
  // The agency works in Dutch, whatever language the debtor reads.
  const stated = await statedClaim(deps, invoice.id, today, 'nl');
  const dossier = agencyDossier({ invoice, debtor, creditor: deps.creditor, letters, stated, today });
  await deps.notifier.publish({
    topic: 'collection-agency',
    subject: `Claim ${invoice.number} handed over`,
    message: dossier,
    attributes: { claimId: dossier.claimId },
  });

  const notice = await tellDebtor(deps, { step, legal: policy.legal, debtor, invoice, today });

  const total = formatMoney({ amount: dossier.claim.total, currency: dossier.claim.currency }, 'en');
  await recordStep(deps, payload, {
    status: 'done',
    event: {
      type: 'handed_over_to_agency',
      summary: `Claim handed over to the collection agency: ${total} with ${letters.length} letters on file`,
      details: { claimId: dossier.claimId, claim: dossier.claim },
    },
    // The debtor's notice of the hand-over, on the timeline as every letter is.
    ...(notice
      ? {
          alsoWrite: async (_invoice, now) => [
            {
              kind: 'appendEvent' as const,
              subject: { invoiceId: invoice.id },
              event: {
                at: now.toISOString(),
                type: 'email_sent' as const,
                actor: WORKFLOW_ACTOR,
                summary: `collectionAgency sent by email: "${notice.subject}"`,
                details: {
                  slot: 'collectionAgency',
                  template: step.template,
                  tone: step.tone,
                  subject: notice.subject,
                  messageId: notice.messageId,
                  recipient: notice.recipient,
                  invoiceIds: [invoice.id],
                },
              },
            },
          ],
        }
      : {}),
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
  await closeTasksOfClosedInvoice(deps, invoice.id);
  return { status: 'done', claimId: dossier.claimId };
}

/**
 * The letter that tells the debtor the claim has gone to the agency, when the policy's step names
 * one and the debtor has an email address. Sent after the dossier: a retry after a failed record
 * may send it again, as it may publish the dossier again.
 */
async function tellDebtor(
  deps: CollectionAgencyDeps,
  context: {
    step: DunningStep;
    legal: LegalPolicy;
    debtor: Debtor;
    invoice: DunnedInvoice;
    today: CalendarDate;
  },
): Promise<{ subject: string; messageId: string; recipient: string } | undefined> {
  const { step, debtor, invoice, today } = context;
  if (step.channel !== 'email' || !isTemplateId(step.template) || !debtor.email) return undefined;
  const composed = await composeLetter({
    step,
    legal: context.legal,
    debtor,
    creditor: deps.creditor,
    invoices: [invoice],
    today,
  });
  const { messageId } = await deps.mailer.send({
    to: debtor.email,
    ...composed.email,
    tags: { invoice: invoice.id, debtor: debtor.id, slot: 'collectionAgency', currency: invoice.currency },
  });
  return { subject: composed.email.subject, messageId, recipient: debtor.email };
}
