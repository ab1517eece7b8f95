import type { CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { DunningPolicy, DunningStep } from '../../core/dunning/dunning-policy';
import { type DemandTerm, demandTerm } from '../../core/dunning/demand-term';
import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import { nextStepAfter } from '../../core/dunning/policy-steps';
import type { StepRecord } from '../../core/dunning/dunning-state';
import type { Debtor } from '../../core/ledger/debtor';
import {
  ConcurrentModificationError,
  type CreditStore,
  type LetterKey,
  type LetterRecord,
  type StoreWrite,
} from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { TextSender } from '../../ports/text-sender';
import { sendDunningText } from '../sms/send-dunning-text';
import type { CreditorDetails } from '../../shared/creditor';
import { isUnderSpecialManagement } from '../../core/special/special-management';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { composeLetter } from '../letters/compose-letter';
import {
  awaitsStep,
  coveredByFourteenDayLetters,
  invoicesForLetter,
  isFourteenDayLetter,
} from '../letters/letter-invoices';
import { letterReferenceWrite, referenceForLetter } from '../letters/letter-reference';
import { type PaymentLinkDeps, providerLinkFor } from '../provider-payments/invoice-payment-link';
import {
  LetterDayOverError,
  LetterInFlightError,
  type LetterLockDeps,
  lockLetter,
} from '../letters/letter-lock';
import { includedReason, recordLetter, type SentLetter } from '../letters/record-letter';
import { judgeUnconfirmed } from '../letters/unconfirmed-letter';
import type { ReplyAddressOf } from '../replies/reply-addresses';
import { recordNoEmailAddress, recordNoPostalAddress } from '../tasks/unreachable-task';
import { type PostDeps, postalRecipient, postingOf, postLetter } from '../post/post-letter';
import { checkStep, type DunnedInvoice } from './check-step';
import { recordSkip, type StepDeps } from './record-step';
import { StepDeferredError } from './step-deferred';
import { type Replayed, replayed, type Skipped, skipped } from './step-outcome';
import type { StepPayload } from './step-payload';
import type { TemplateReader } from '../templates/template-reader';

export interface LetterDeps extends StepDeps, LetterLockDeps {
  mailer: Mailer;
  creditor: CreditorDetails;
  /** The debtor's signed link to their self-service page, printed in the letter; none without it. */
  selfServiceLink?: (debtorId: string) => Promise<string>;
  /** Payment links for invoices the invoicing system gave none; absent: the letter offers none. */
  paymentLinks?: Omit<PaymentLinkDeps, 'store' | 'clock'>;
  /** The current version of the letter's template; without it, version 1 as shipped. */
  templates?: TemplateReader;
  /** The letter's own reply-to address, whose token finds the letter when the debtor answers; absent: the mailer's. */
  replyAddress?: ReplyAddressOf;
  /** Texts for the steps on the `sms` channel; absent: those are skipped as not connected. */
  texts?: TextSender;
  /** The printed-letters bucket and the print queue; absent: the `letter` channel is not connected. */
  post?: PostDeps;
}

export interface LetterSent {
  status: 'sent';
  messageId: string;
  /** Every invoice the letter listed, this one first. */
  invoiceIds: string[];
}

export type LetterOutcome = LetterSent | Skipped | Replayed;

/**
 * A reminder or the final notice (firstReminder, secondReminder, finalNotice): at most one email
 * per debtor, step, currency and day (the day it is sent), listing every invoice of the debtor
 * due for that step that day, and every invoice gets every letter its policy has. Only the
 * execution holding the letter sends it; it records the letter on every invoice it lists. An
 * invoice that missed the day's letter (it became due after the letter went out, or the letter
 * was full) is deferred to the next day's, never skipped.
 *
 * The intent is recorded before the call to SES, so that a send whose outcome was lost (the
 * function was killed after SES accepted the email) is found again instead of sent twice (see
 * unconfirmed-letter.ts). If SES refuses, the intent is withdrawn and the error goes to the
 * ASL, whose retry continues under the same lock.
 */
export async function sendDunningLetter(deps: LetterDeps, payload: StepPayload): Promise<LetterOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) return check.outcome;
  const { invoice, policy, step, recorded } = check.active;
  if (recorded) return replayLetter(deps.store, invoice, recorded, payload.execution, policy);

  const debtor = await debtorOfInvoice(deps.store, invoice);
  // The debtor left the normal cycle (special management, an insolvency) while this step was on
  // its way: no letter, and nothing recorded, so that the return resumes at this step.
  if (isUnderSpecialManagement(debtor)) {
    return skipped('special_management', 'the debtor is under special management: no letter is sent');
  }
  if (step.channel === 'sms') return sendDunningText(deps, payload, { invoice, policy, step }, debtor);
  if (step.channel !== 'email' && !(step.channel === 'letter' && deps.post)) {
    return recordSkip(
      deps,
      payload,
      skipped('channel_not_connected', `the ${step.channel} channel is not connected: only email is sent`),
    );
  }
  const recipient = step.channel === 'letter' ? postalRecipient(debtor) : debtor.email;
  if (!recipient) {
    return step.channel === 'letter'
      ? recordNoPostalAddress(deps, payload, policy.timeZone)
      : recordNoEmailAddress(deps, payload, policy.timeZone);
  }

  const today = localDate(deps.clock.now(), policy.timeZone);
  const settled = await settleEarlierLetters(deps, invoice, payload.step, today, policy.timeZone);
  if (settled) return settled;
  const covered = await coveredAhead(deps.store, invoice, policy, payload.step, today);
  if (covered) return covered;

  const key: LetterKey = {
    debtorId: invoice.debtorId,
    slot: payload.step,
    currency: invoice.currency,
    day: today,
  };
  const lock = await lockLetter(deps, key, payload.execution, async () =>
    (await invoicesForLetter(deps.store, { invoice, policy }, payload.step, today)).map(({ id }) => id),
  );
  if (!lock.held) return outcomeFor(lock.letter, invoice.id);
  const letter = lock.letter;
  // A letter is marked sent together with its owner's record, which the check above reads; this
  // only happens when that read raced the owner's own write. Never send it twice.
  if (letter.status === 'sent') return outcomeFor(letter, invoice.id);
  if (letter.status === 'sending') {
    const unconfirmed = judgeUnconfirmed(letter, deps.clock.now());
    if (unconfirmed.state === 'accepted') {
      await recordLetter(deps, unconfirmed.letter);
      return outcomeFor(unconfirmed.letter, invoice.id);
    }
    if (unconfirmed.state === 'in_flight') throw new LetterInFlightError(key, letter.owner);
  }

  return send(deps, debtor, recipient, letter, { invoice, policy, step });
}

async function send(
  deps: LetterDeps,
  debtor: Debtor,
  recipient: string,
  letter: LetterRecord,
  context: { invoice: DunnedInvoice; policy: DunningPolicy; step: DunningStep },
): Promise<LetterSent> {
  const { invoice, policy, step } = context;
  // Invoices settled since the letter was locked are left out of it.
  const others = await Promise.all(
    letter.invoiceIds.filter((id) => id !== invoice.id).map((id) => deps.store.getInvoice(id)),
  );
  const invoices = [
    invoice,
    ...others.filter(
      (other): other is DunnedInvoice => !!other && awaitsStep(other, letter.slot as DunningSlot),
    ),
  ];
  const demand = letterDemand(step, policy, debtor.kind, invoice, letter.day);
  // Several invoices: one reference of the letter's own for the total, stored with the intent.
  const reference =
    invoices.length > 1 ? await referenceForLetter(deps.store, letter, invoice.paymentReference) : undefined;
  const links = deps.paymentLinks && { ...deps.paymentLinks, store: deps.store, clock: deps.clock };
  const composed = await composeLetter(
    {
      step,
      legal: policy.legal,
      debtor,
      creditor: deps.creditor,
      invoices,
      today: letter.day,
      ...(deps.selfServiceLink ? { selfServiceUrl: await deps.selfServiceLink(debtor.id) } : {}),
      ...(links
        ? { providerLink: (linked, asked) => providerLinkFor(links, linked, asked, debtor.language) }
        : {}),
      demand: {
        payBy: demand.payBy,
        ...(debtor.kind === 'consumer' ? { termDays: demand.termDays } : {}),
        ...(demand.handOverOn
          ? {
              handOver: {
                on: demand.handOverOn,
                ...(deps.creditor.collectionAgency ? { agency: deps.creditor.collectionAgency } : {}),
              },
            }
          : {}),
      },
      ...(reference ? { reference } : {}),
      ...(deps.templates ? { render: { templates: await deps.templates(step.template, step.tone) } } : {}),
    },
    deps,
  );
  const claimed: LetterRecord = {
    debtorId: letter.debtorId,
    slot: letter.slot,
    currency: letter.currency,
    day: letter.day,
    owner: letter.owner,
    invoiceIds: invoices.map(({ id }) => id),
    status: 'claimed',
  };
  const intent: LetterRecord = {
    ...claimed,
    status: 'sending',
    intentAt: deps.clock.now().toISOString(),
    recipient,
    content: {
      template: step.template,
      tone: step.tone,
      subject: composed.email.subject,
      ...(composed.fourteenDayTerm ? { fourteenDayTerm: composed.fourteenDayTerm } : {}),
      ...(composed.demand ? { demand: { payBy: composed.demand.payBy, termDays: demand.termDays } } : {}),
      ...(composed.request ? { request: composed.request } : {}),
      ...(composed.reference ? { reference: composed.reference } : {}),
      ...(step.channel === 'letter' ? { post: postingOf(letter, step.registered ?? false) } : {}),
    },
  };
  const replyTo = deps.replyAddress ? await deps.replyAddress(letter) : undefined;
  await writeUnderLock(deps.store, intent, [
    ...(reference ? [letterReferenceWrite(reference, letter, intent.invoiceIds)] : []),
    // Stored with the intent: a reply to a letter that may have gone out finds it.
    ...(replyTo ? [replyAddressWrite(replyTo.token, letter, intent.invoiceIds)] : []),
  ]);
  // The day may have turned since the letter was locked (a wait for another sender, a slow
  // retry): a letter locked for one day must not go out on the next, whose own letter another
  // execution may be sending. Read after the intent is stored: an execution of the next day
  // either read this letter before, and then this reads the next day too, or finds it under way.
  if (localDate(deps.clock.now(), policy.timeZone) !== letter.day) {
    await writeUnderLock(deps.store, claimed).catch(() => undefined);
    throw new LetterDayOverError(letter);
  }

  let messageId: string;
  try {
    ({ messageId } =
      step.channel === 'letter'
        ? await postLetter(deps.post!, {
            letter: intent,
            debtor,
            composed,
            creditor: deps.creditor,
            registered: step.registered ?? false,
          })
        : await deps.mailer.send({
            to: recipient,
            ...composed.email,
            ...(replyTo ? { replyTo: replyTo.address } : {}),
            // They come back with SES's events, which find the letter by them.
            tags: {
              invoice: invoice.id,
              debtor: letter.debtorId,
              slot: letter.slot,
              currency: letter.currency,
              letterDay: letter.day,
            },
          }));
  } catch (error) {
    // SES (or S3, or SNS) answered with a refusal: nothing was sent, and the retry must not wait for it.
    if (sesAnswered(error)) await writeUnderLock(deps.store, claimed).catch(() => undefined);
    throw error;
  }
  const sent: SentLetter = {
    ...intent,
    status: 'sent',
    messageId,
    sentAt: deps.clock.now().toISOString(),
    recipient,
    content: intent.content!,
  };
  await recordLetter(deps, sent);
  return { status: 'sent', messageId, invoiceIds: sent.invoiceIds };
}

/**
 * An invoice that a consumer's 14-day letter for another invoice covered before its own steps got
 * there: its term runs, so neither a reminder before that letter nor the letter itself is sent
 * again. Nothing is recorded: the invoice carries the letter as its last step already, or will
 * after a step in between (a call) and must not record an earlier one over it.
 */
async function coveredAhead(
  store: CreditStore,
  invoice: DunnedInvoice,
  policy: DunningPolicy,
  slot: DunningSlot,
  today: CalendarDate,
): Promise<Skipped | undefined> {
  const fourteenDay = policy.steps.find((step) => isFourteenDayLetter(policy, step.slot))?.slot;
  if (!fourteenDay || DUNNING_SLOTS.indexOf(slot) > DUNNING_SLOTS.indexOf(fourteenDay)) return undefined;
  const covered = await coveredByFourteenDayLetters(store, invoice.debtorId, fourteenDay, today);
  if (!covered.has(invoice.id)) return undefined;
  return skipped('included_in_letter', 'the invoice is covered by an earlier 14-day letter, whose term runs');
}

/**
 * By when the letter asks to pay. A final notice before the policy's hand-over names the day the
 * execution will hand the claim over (its planned agency step).
 */
function letterDemand(
  step: DunningStep,
  policy: DunningPolicy,
  debtorKind: Debtor['kind'],
  invoice: DunnedInvoice,
  today: CalendarDate,
): DemandTerm {
  const next = nextStepAfter(policy, step.slot);
  const handOverOn =
    step.kind === 'final_notice' && next?.kind === 'collection_agency'
      ? localDate(new Date(invoice.dunning.schedule[next.slot]), policy.timeZone)
      : undefined;
  return demandTerm({ step, debtorKind, today, ...(handOverOn && handOverOn > today ? { handOverOn } : {}) });
}

/**
 * Writes the letter (and `also`, in one transaction) while this execution still holds it;
 * another that took it over makes this one wait.
 */
async function writeUnderLock(
  store: CreditStore,
  letter: LetterRecord,
  also: readonly StoreWrite[] = [],
): Promise<void> {
  try {
    await store.commit([{ kind: 'putLetter', letter, lock: true, unlessSent: true }, ...also]);
  } catch (error) {
    if (error instanceof ConcurrentModificationError)
      throw new LetterInFlightError(letter, 'another execution');
    throw error;
  }
}

function replyAddressWrite(token: string, letter: LetterKey, invoiceIds: readonly string[]): StoreWrite {
  const { debtorId, slot, currency, day } = letter;
  return {
    kind: 'putReplyAddress',
    token,
    letter: { debtorId, slot, currency, day },
    invoiceIds: [...invoiceIds],
  };
}

/** An SDK error that carries SES's HTTP status: SES refused the email. A timeout or a reset carries none. */
function sesAnswered(error: unknown): boolean {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number';
}

/**
 * The debtor's letters of earlier days for this step and currency, read before today's letter is
 * locked. One whose send went on past midnight went out today: it is today's letter, and this
 * invoice is in it or waits for tomorrow's. One whose send may still be under way may yet go out
 * today: wait for it, whichever invoices it lists. One whose execution was lost (a restart, a
 * crash) after SES accepted it is recorded now and nothing is sent; one whose call is over
 * without a word from SES is given up and today's letter takes its place.
 */
async function settleEarlierLetters(
  deps: LetterDeps,
  invoice: DunnedInvoice,
  slot: DunningSlot,
  today: CalendarDate,
  timeZone: string,
): Promise<LetterOutcome | undefined> {
  const earlier = (await deps.store.listLetters(invoice.debtorId, slot)).filter(
    (letter) => letter.currency === invoice.currency && letter.day < today,
  );
  const sentOn = (letter: LetterRecord) => letter.sentAt && localDate(new Date(letter.sentAt), timeZone);
  for (const letter of earlier) {
    if (letter.status === 'sent' && sentOn(letter) === today) return outcomeFor(letter, invoice.id);
    if (letter.status !== 'sending') continue;
    const unconfirmed = judgeUnconfirmed(letter, deps.clock.now());
    if (unconfirmed.state === 'in_flight') throw new LetterInFlightError(letter, letter.owner);
    if (unconfirmed.state === 'accepted') {
      await recordLetter(deps, unconfirmed.letter);
      // When SES took it is not known: it may have been today.
      return outcomeFor(unconfirmed.letter, invoice.id);
    }
    try {
      await deps.store.commit([
        { kind: 'putLetter', letter: { ...letter, status: 'abandoned' }, lock: false, unlessSent: true },
      ]);
    } catch (error) {
      // Recorded as sent meanwhile: the retry reads it.
      if (error instanceof ConcurrentModificationError) throw new LetterInFlightError(letter, letter.owner);
      throw error;
    }
  }
  return undefined;
}

/**
 * What a letter that is out means for this invoice: its own letter, a place in another
 * execution's letter, or, when the letter went without it (it became due after the letter was
 * locked, or the letter was full), the next day's letter.
 */
function outcomeFor(letter: LetterRecord, invoiceId: string): LetterSent | Skipped {
  const ownerInvoiceId = letter.invoiceIds[0] ?? 'unknown';
  if (letter.status === 'sent' && letter.invoiceIds.includes(invoiceId)) {
    return ownerInvoiceId === invoiceId
      ? { status: 'sent', messageId: letter.messageId ?? '', invoiceIds: letter.invoiceIds }
      : skipped('included_in_letter', includedReason(ownerInvoiceId));
  }
  throw new StepDeferredError(
    `the debtor's ${letter.slot} letter in ${letter.currency} of ${letter.day} (for invoice ${ownerInvoiceId}) went out without this invoice`,
  );
}

/**
 * The step ran before. An invoice that another execution's letter listed answers as it did then
 * ("included in ..."), the letter's owner gets its own record back: nothing is sent again.
 */
async function replayLetter(
  store: CreditStore,
  invoice: DunnedInvoice,
  recorded: StepRecord,
  execution: string,
  policy: DunningPolicy,
): Promise<Skipped | Replayed> {
  const letter = await store.getLetter({
    debtorId: invoice.debtorId,
    slot: recorded.slot,
    currency: invoice.currency,
    day: localDate(new Date(recorded.at), policy.timeZone),
  });
  if (letter && letter.owner !== execution && letter.invoiceIds.includes(invoice.id)) {
    return skipped('included_in_letter', includedReason(letter.invoiceIds[0] ?? invoice.id));
  }
  return replayed(recorded);
}
