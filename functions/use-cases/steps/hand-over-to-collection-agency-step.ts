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
import { debtorOfInvoice } from '../debtor-of-invoice';
import { checkStep, type DunnedInvoice } from './check-step';
import { writtenNotices } from '../claims/written-notices';
import type { ExplanationLanguage } from '../../core/legal/claim-explanation';
import { openTask } from '../../core/tasks/collection-task';
import { tellAgency } from '../collection-agency/agency-messages';
import {
  claimFileFor,
  hasDeliveredLetter,
  heldHandOverTask,
  openAgencyClaim,
} from '../collection-agency/hand-over-claim';
import { firstVersion } from '../record-versions';
import { recordSkip, recordStep, type StepDeps, WORKFLOW_ACTOR } from './record-step';
import { StepDeferredError } from './step-deferred';
import { type Replayed, replayed, type Skipped, skipped } from './step-outcome';
import type { StepPayload } from './step-payload';
import type { TemplateReader } from '../templates/template-reader';
import { closeTasksOfClosedInvoice } from '../worklist/close-tasks';

export interface CollectionAgencyDeps extends StepDeps {
  notifier: Notifier;
  creditor: CreditorDetails;
  /** Tells the debtor of the hand-over when the policy's step names a letter. */
  mailer: Mailer;
  /** The language the agency reads (COLLECTION_AGENCY_LANGUAGE); Dutch when not given. */
  agencyLanguage?: ExplanationLanguage;
  /** The current version of the hand-over letter's template; without it, version 1 as shipped. */
  templates?: TemplateReader;
}

export interface HandedOver {
  status: 'done';
  claimId: string;
}

export type CollectionAgencyOutcome = HandedOver | Skipped | Replayed;

/**
 * The last step: the debtor's claim file goes to the collection agency and the invoice leaves our
 * own collection ('in_collection', dunning completed). A consumer's claim goes only after the term
 * of a 14-day letter that was received has passed (art. 6:96 lid 6 BW): while the term runs the
 * step is deferred day by day; without such a letter it is refused, for a controller to act. A
 * claim none of whose letters was delivered is held: a task for a controller, nothing published.
 * The claim's item at the agency is written and the file published before the invoice is closed:
 * a retry after a failed write sends it again under the same claim id, but a closed invoice is
 * never left without a file at the agency.
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
  // Without a letter that reached the debtor, the agency has nothing to build on: a controller decides.
  if (!hasDeliveredLetter(timeline)) return holdHandOver(deps, payload, invoice, today);

  await openAgencyClaim(deps.store, invoice, today, deps.clock.now());
  const file = await claimFileFor(deps, {
    debtor,
    invoice,
    creditor: deps.creditor,
    language: deps.agencyLanguage ?? 'nl',
    today,
  });
  await tellAgency(deps.notifier, `Claim ${invoice.number} handed over (claim file ${debtor.id})`, file);

  const notice = await tellDebtor(deps, { step, legal: policy.legal, debtor, invoice, today });

  const total = formatMoney({ amount: file.claim.total, currency: file.claim.currency }, 'en');
  await recordStep(deps, payload, {
    status: 'done',
    event: {
      type: 'handed_over_to_agency',
      summary: `Claim handed over to the collection agency: ${total} with ${file.letters.length} letters on file`,
      details: {
        claimId: file.claimId,
        claimFileId: file.claimFileId,
        claims: file.claims.length,
        claim: file.claim,
      },
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
    // Paid while the file went out: the invoice stays paid, and the timeline shows the hand-over
    // so that a controller withdraws the claim.
    changes: (current, at) =>
      isCollecting(current)
        ? {
            status: 'in_collection',
            agencyStatus: 'handed_over',
            closedAt: at.toISOString(),
            ...(current.dunning ? { dunning: { ...current.dunning, status: 'completed' } } : {}),
          }
        : {},
  });
  await closeTasksOfClosedInvoice(deps, invoice.id);
  return { status: 'done', claimId: file.claimId };
}

/**
 * The letter that tells the debtor the claim has gone to the agency, when the policy's step names
 * one and the debtor has an email address. Sent after the file: a retry after a failed record
 * may send it again, as it may publish the file again.
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
    ...(deps.templates ? { render: { templates: await deps.templates(step.template, step.tone) } } : {}),
  });
  const { messageId } = await deps.mailer.send({
    to: debtor.email,
    ...composed.email,
    tags: { invoice: invoice.id, debtor: debtor.id, slot: 'collectionAgency', currency: invoice.currency },
  });
  return { subject: composed.email.subject, messageId, recipient: debtor.email };
}

/**
 * No letter on the claim reached the debtor: the claim is not handed over, the dunning ends there
 * (the invoice stays overdue), and a controller gets a task to decide.
 */
async function holdHandOver(
  deps: CollectionAgencyDeps,
  payload: StepPayload,
  invoice: DunnedInvoice,
  today: CalendarDate,
): Promise<Skipped> {
  const held = heldHandOverTask(invoice);
  const outcome = skipped('no_delivered_letter', `not handed over to the collection agency: ${held.summary}`);
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: {
      type: 'step_skipped',
      summary: `Step ${payload.step} skipped: no delivered letter on file`,
      details: { skip: outcome.skip },
    },
    alsoWrite: async (_current, now) => {
      if (await deps.store.getTask(held.id)) return [];
      const at = now.toISOString();
      const task = openTask({
        id: held.id,
        kind: 'agency_hand_over_held',
        invoice,
        today,
        summary: held.summary,
      });
      return [
        { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
        {
          kind: 'appendEvent',
          subject: { invoiceId: invoice.id },
          event: {
            at,
            type: 'task_created',
            actor: WORKFLOW_ACTOR,
            summary: held.summary,
            details: { kind: 'agency_hand_over_held', taskId: held.id },
          },
        },
      ];
    },
  });
  return outcome;
}
