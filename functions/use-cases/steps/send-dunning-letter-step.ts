import { localDate } from '../../core/calendar/time-zone';
import type { DunningPolicy, DunningStep } from '../../core/dunning/dunning-policy';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import type { StepRecord } from '../../core/dunning/dunning-state';
import type { Debtor } from '../../core/ledger/debtor';
import type { CreditStore, LetterRecord } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { checkStep, type DunnedInvoice } from './check-step';
import { composeLetter } from '../letters/compose-letter';
import { type LetterKey, type LetterLockDeps, lockLetter } from '../letters/letter-lock';
import { awaitsStep, invoicesForLetter, letterDay } from '../letters/letter-invoices';
import { includedReason, recordLetter, type SentLetter } from '../letters/record-letter';
import { recordSkip, type StepDeps } from './record-step';
import { type Replayed, replayed, type Skipped, skipped } from './step-outcome';
import type { StepPayload } from './step-payload';
import { recordNoEmailAddress } from '../tasks/unreachable-task';

export interface LetterDeps extends StepDeps, LetterLockDeps {
  mailer: Mailer;
  creditor: CreditorDetails;
}

export interface LetterSent {
  status: 'sent';
  messageId: string;
  /** Every invoice the letter listed, this one first. */
  invoiceIds: string[];
}

export type LetterOutcome = LetterSent | Skipped | Replayed;

/**
 * A reminder or the final notice (firstReminder, secondReminder, finalNotice): one email per
 * debtor, step and day, listing every invoice of the debtor at this step that day. Only the
 * execution holding the letter sends it; it records the letter on every invoice it lists. If SES
 * fails, nothing is recorded and the error goes to the ASL, whose retry continues under the same lock.
 */
export async function sendDunningLetter(deps: LetterDeps, payload: StepPayload): Promise<LetterOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) return check.outcome;
  const { invoice, policy, step, recorded } = check.active;
  const key: LetterKey = {
    debtorId: invoice.debtorId,
    slot: payload.step,
    day: letterDay(invoice, payload.step, policy),
  };
  if (recorded) return replayLetter(deps.store, key, recorded, invoice.id, payload.execution);

  const debtor = await debtorOfInvoice(deps.store, invoice);
  if (step.channel !== 'email') {
    return recordSkip(
      deps,
      payload,
      skipped('channel_not_connected', `the ${step.channel} channel is not connected: only email is sent`),
    );
  }
  if (!debtor.email) return recordNoEmailAddress(deps, payload, policy.timeZone);

  const lock = await lockLetter(deps, key, payload.execution, async () =>
    (await invoicesForLetter(deps.store, { invoice, policy }, payload.step, key.day)).map(({ id }) => id),
  );
  if (!lock.held) return letterOfAnother(deps, payload, lock.letter, invoice.id);
  // A letter is marked sent together with its owner's record, which the check above reads; this
  // only happens when that read raced the owner's own write. Never send it twice.
  if (lock.letter.status === 'sent') {
    return { status: 'sent', messageId: lock.letter.messageId ?? '', invoiceIds: lock.letter.invoiceIds };
  }

  return send(deps, { ...debtor, email: debtor.email }, lock.letter, { invoice, policy, step });
}

async function send(
  deps: LetterDeps,
  debtor: Debtor & { email: string },
  letter: LetterRecord,
  context: { invoice: DunnedInvoice; policy: DunningPolicy; step: DunningStep },
): Promise<LetterSent> {
  const { policy, step } = context;
  // Invoices settled since the letter was locked are left out of it.
  const others = await Promise.all(letter.invoiceIds.slice(1).map((id) => deps.store.getInvoice(id)));
  const invoices = [
    context.invoice,
    ...others.filter(
      (other): other is DunnedInvoice => !!other && awaitsStep(other, letter.slot as DunningSlot),
    ),
  ];
  const composed = await composeLetter(
    {
      step,
      legal: policy.legal,
      debtor,
      creditor: deps.creditor,
      invoices,
      today: localDate(deps.clock.now(), policy.timeZone),
    },
    deps,
  );
  const { messageId } = await deps.mailer.send({
    to: debtor.email,
    ...composed.email,
    // They come back with the delivery and bounce events, which find the letter by them.
    tags: { invoice: context.invoice.id, debtor: letter.debtorId, slot: letter.slot, letterDay: letter.day },
  });
  const sent: SentLetter = {
    ...letter,
    invoiceIds: invoices.map(({ id }) => id),
    status: 'sent',
    messageId,
    sentAt: deps.clock.now().toISOString(),
    recipient: debtor.email,
  };
  await recordLetter(deps, sent, {
    template: step.template,
    tone: step.tone,
    subject: composed.email.subject,
    ...(composed.fourteenDayTerm ? { fourteenDayTerm: composed.fourteenDayTerm } : {}),
  });
  return { status: 'sent', messageId, invoiceIds: sent.invoiceIds };
}

/**
 * The step ran before. An invoice that another execution's letter listed answers as it did then
 * ("included in ..."), the letter's owner gets its own record back: nothing is sent again.
 */
async function replayLetter(
  store: CreditStore,
  key: LetterKey,
  recorded: StepRecord,
  invoiceId: string,
  execution: string,
): Promise<Skipped | Replayed> {
  const letter = await store.getLetter(key.debtorId, key.slot, key.day);
  if (letter && letter.owner !== execution && letter.invoiceIds.includes(invoiceId)) {
    return skipped('included_in_letter', includedReason(letter.invoiceIds[0] ?? invoiceId));
  }
  return replayed(recorded);
}

async function letterOfAnother(
  deps: StepDeps,
  payload: StepPayload,
  letter: LetterRecord,
  invoiceId: string,
): Promise<Skipped> {
  const ownerInvoiceId = letter.invoiceIds[0] ?? 'unknown';
  if (letter.invoiceIds.includes(invoiceId))
    return skipped('included_in_letter', includedReason(ownerInvoiceId));
  // The debtor got this step's letter today, locked before this invoice qualified (or in another
  // currency, or past the list's limit): a second email the same day would only confuse.
  return recordSkip(
    deps,
    payload,
    skipped(
      'not_in_letter',
      `the debtor's ${letter.slot} letter of ${letter.day} (for invoice ${ownerInvoiceId}) was sent without this invoice`,
    ),
  );
}
