import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance, openMoney } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import {
  ConcurrentModificationError,
  type CreditStore,
  type LetterKey,
  type LetterRecord,
} from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import { renderLetter } from '../../templates/render-letter';
import { debtorOfInvoice } from '../debtor-of-invoice';
import type { TemplateReader } from '../templates/template-reader';
import { conflict, notFound } from '../refusal';
import { INTERRUPTION_LETTER } from './written-notices';

export interface InterruptionLetterDeps {
  store: CreditStore;
  clock: Clock;
  mailer: Mailer;
  creditor: CreditorDetails;
  /** The current version of the letter's template; without it, version 1 as shipped. */
  templates?: TemplateReader;
}

/** The letter's key names it as no dunning step does, so that SES's events find it. */
const INTERRUPTION_SLOT = 'interruptionLetter';

export interface InterruptionLetterSent {
  status: 'sent';
  invoiceId: string;
  messageId: string;
  sentAt: string;
  recipient: string;
}

/**
 * POST /invoices/{id}/interruption-letter: the stuitingsbrief. A written statement that expressly
 * reserves the right to payment interrupts the limitation period (art. 3:317 lid 1 BW) once it
 * reaches the debtor (art. 3:37 lid 3 BW), and a new period starts the next day (art. 3:319 BW).
 * It goes by email like every letter, is kept as a letter (so that SES's delivery event is
 * recorded on the invoice), and the claim counts it from its recorded delivery. It may be sent
 * for a claim being dunned, one whose dunning is over, and one at the collection agency: all of
 * them still lapse. One per debtor a day; asking again for the same invoice answers with the
 * letter that went out.
 */
export async function sendInterruptionLetter(
  deps: InterruptionLetterDeps,
  input: { invoiceId: string; by: string; reason: string },
): Promise<InterruptionLetterSent> {
  const { store } = deps;
  const invoice = await store.getInvoice(input.invoiceId);
  if (!invoice) throw notFound(`Invoice ${input.invoiceId} does not exist.`);
  if (!hasOpenBalance(invoice)) {
    throw conflict(
      `Nothing is owed on invoice ${invoice.number}: there is no claim to keep alive.`,
      'nothing_owed',
    );
  }
  const debtor = await debtorOfInvoice(store, invoice);
  if (!debtor.email) {
    throw conflict(
      `Debtor ${debtor.name} has no email address: send the interruption letter by registered post.`,
      'no_email_address',
    );
  }
  const now = deps.clock.now();
  const today = localDate(now, BUSINESS_TIME_ZONE);
  const key: LetterKey = {
    debtorId: debtor.id,
    slot: INTERRUPTION_SLOT,
    currency: invoice.currency,
    day: today,
  };
  const existing = await store.getLetter(key);
  if (existing?.status === 'sent' && existing.invoiceIds.includes(invoice.id))
    return sentOf(existing, invoice.id);
  if (existing && existing.status !== 'abandoned') {
    throw conflict(
      `An interruption letter went to ${debtor.name} today already; send the one for invoice ${invoice.number} tomorrow.`,
      'letter_sent_today',
    );
  }

  const templates = await deps.templates?.(INTERRUPTION_LETTER, 'formal');
  const rendered = renderLetter(
    {
      template: INTERRUPTION_LETTER,
      tone: 'formal',
      language: debtor.language,
      // The salutation names the contact person, else "Geachte heer, mevrouw,": never the company.
      debtor: {
        name: debtor.name,
        ...(debtor.kind ? { kind: debtor.kind } : {}),
        ...(debtor.contact ? { contact: debtor.contact } : {}),
      },
      creditor: deps.creditor,
      invoices: [
        {
          number: invoice.number,
          dueDate: invoice.dueDate,
          openAmount: openMoney(invoice),
          daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
        },
      ],
      total: openMoney(invoice),
      today,
    },
    templates ? { templates } : {},
  );
  const intent: LetterRecord = {
    ...key,
    owner: `interruption--${invoice.id}`,
    invoiceIds: [invoice.id],
    status: 'sending',
    intentAt: now.toISOString(),
    recipient: debtor.email,
    content: { template: INTERRUPTION_LETTER, tone: 'formal', subject: rendered.subject },
  };
  try {
    await store.commit([{ kind: 'putLetter', letter: intent, lock: !existing, unlessSent: true }]);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict(
        `An interruption letter to ${debtor.name} is being sent right now.`,
        'letter_sent_today',
      );
    }
    throw error;
  }

  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: debtor.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      tags: {
        invoice: invoice.id,
        debtor: debtor.id,
        slot: key.slot,
        currency: key.currency,
        letterDay: today,
      },
    }));
  } catch (error) {
    // Not sent: a new request may try again today.
    await store
      .commit([
        { kind: 'putLetter', letter: { ...intent, status: 'abandoned' }, lock: false, unlessSent: true },
      ])
      .catch(() => undefined);
    throw error;
  }
  const sentAt = deps.clock.now().toISOString();
  const sent: LetterRecord = { ...intent, status: 'sent', messageId, sentAt };
  await store.commit([
    { kind: 'putLetter', letter: sent, lock: false },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at: sentAt,
        type: 'email_sent',
        actor: input.by,
        summary: `Interruption letter (stuitingsbrief) sent by email: "${rendered.subject}"`,
        details: {
          slot: INTERRUPTION_SLOT,
          template: INTERRUPTION_LETTER,
          tone: 'formal',
          subject: rendered.subject,
          messageId,
          recipient: debtor.email,
          letter: {
            debtorId: key.debtorId,
            slot: key.slot,
            currency: key.currency,
            day: key.day,
            owner: intent.owner,
          },
          invoiceIds: [invoice.id],
          reason: input.reason,
        },
      },
    },
  ]);
  return sentOf(sent, invoice.id);
}

function sentOf(letter: LetterRecord, invoiceId: string): InterruptionLetterSent {
  return {
    status: 'sent',
    invoiceId,
    messageId: letter.messageId ?? '',
    sentAt: letter.sentAt ?? '',
    recipient: letter.recipient ?? '',
  };
}
