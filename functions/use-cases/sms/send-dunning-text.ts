import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { undisputedAmount } from '../../core/disputes/dispute';
import { DEFAULT_QUIET_HOURS, quietUntil } from '../../core/sms/quiet-hours';
import { smsSize } from '../../core/sms/sms-segments';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import type { TextSender } from '../../ports/text-sender';
import type { CreditorDetails } from '../../shared/creditor';
import { renderSmsReminder } from '../../templates/sms-reminder';
import { awaitsStep, invoicesForLetter } from '../letters/letter-invoices';
import type { ActiveStep, DunnedInvoice } from '../steps/check-step';
import { recordSkip, recordStep, type StepDeps } from '../steps/record-step';
import { StepDeferredError } from '../steps/step-deferred';
import { type Skipped, skipped } from '../steps/step-outcome';
import type { StepPayload } from '../steps/step-payload';
import { recordNoMobileNumber } from '../tasks/unreachable-task';
import { QuietHoursError } from './quiet-hours-deferral';
import {
  claimTextOfTheDay,
  noteTextSent,
  type SentText,
  sentTextOfTheDay,
  type TextClaim,
  type TextKey,
} from './text-of-the-day';

export interface TextDeps extends StepDeps {
  /** SNS texts; absent where the function was not given the sms channel (the step is then skipped). */
  texts?: TextSender;
  creditor: Pick<CreditorDetails, 'name'>;
  /** The debtor's signed link to their page, where they pay, arrange or opt out of texts. */
  selfServiceLink?: (debtorId: string) => Promise<string>;
}

export interface TextSent {
  status: 'sent';
  messageId: string;
  /** Every invoice the text asked for, this one first. */
  invoiceIds: string[];
  /** Messages the text took (1 within 160 GSM-7 characters). */
  segments: number;
}

export type TextOutcome = TextSent | Skipped;

/** The day's text is claimed by another execution, which has not sent it yet: the ASL retries soon. */
class TextInFlightError extends Error {
  constructor(key: TextKey, owner: string) {
    super(`the ${key.slot} text of ${key.day} is still being sent by execution ${owner}`);
    this.name = 'TextInFlightError';
  }
}

/**
 * A reminder by text (a policy step on the `sms` channel): at most one text per debtor, step and
 * day, asking for every invoice of the debtor due for that step that day, sent to the debtor's
 * mobile number through SNS, never in the quiet hours of the debtor's time zone. A debtor who
 * opted out gets none (the step is recorded as skipped); one without a mobile number becomes a
 * task for a controller, as a letter without an email address does.
 *
 * SNS has no idempotency key, so the send is bracketed by two records: the claim of the day (who
 * sends, for which invoices) before, and the note that SNS accepted it after; a retry that finds
 * the note records the invoices without sending again. A text is sent twice only when the function
 * dies between SNS's answer and the note, the window the letters have too.
 */
export async function sendDunningText(
  deps: TextDeps,
  payload: StepPayload,
  active: Omit<ActiveStep, 'recorded'>,
  debtor: DebtorRecord,
): Promise<TextOutcome> {
  const { invoice, policy } = active;
  if (debtor.smsOptOut || debtor.smsOptOutRequest) {
    return recordSkip(deps, payload, skipped('sms_opted_out', 'the debtor opted out of texts: none is sent'));
  }
  const texts = deps.texts;
  if (!texts) {
    return recordSkip(
      deps,
      payload,
      skipped('channel_not_connected', 'the sms channel is not connected: no text is sent'),
    );
  }
  if (!debtor.mobile) return recordNoMobileNumber(deps, payload, policy.timeZone);

  const now = deps.clock.now();
  const timeZone = debtor.timeZone ?? BUSINESS_TIME_ZONE;
  const quiet = quietUntil(now, timeZone, policy.smsQuietHours ?? DEFAULT_QUIET_HOURS);
  if (quiet) throw new QuietHoursError(quiet, timeZone);

  const key: TextKey = {
    debtorId: invoice.debtorId,
    slot: payload.step,
    day: localDate(now, policy.timeZone),
  };
  const claim = await claimTextOfTheDay(deps.store, key, {
    owner: payload.execution,
    at: now.toISOString(),
    invoiceIds: async () =>
      (await invoicesForLetter(deps.store, { invoice, policy }, payload.step, key.day)).map(({ id }) => id),
  });
  const sent = await sentTextOfTheDay(deps.store, key);

  if (claim.owner !== payload.execution) {
    const listed = sent ? sent.invoiceIds : claim.invoiceIds;
    if (!listed.includes(invoice.id)) {
      throw new StepDeferredError(
        `the debtor's ${key.slot} text of ${key.day} (for invoice ${claim.invoiceIds[0]}) went without this invoice`,
      );
    }
    if (!sent) throw new TextInFlightError(key, claim.owner);
    // The owner records every invoice it listed; this one too, should the owner have died since.
    await recordTextOn(deps, invoice.id, key, sent, active);
    return skipped('included_in_text', includedReason(sent));
  }

  const text =
    sent ?? (await send({ ...deps, texts }, { ...debtor, mobile: debtor.mobile }, key, claim, active));
  for (const id of text.invoiceIds) await recordTextOn(deps, id, key, text, active);
  return {
    status: 'sent',
    messageId: text.messageId,
    invoiceIds: text.invoiceIds,
    segments: text.size.segments,
  };
}

async function send(
  deps: TextDeps & { texts: TextSender },
  debtor: DebtorRecord & { mobile: string },
  key: TextKey,
  claim: TextClaim,
  active: Omit<ActiveStep, 'recorded'>,
): Promise<SentText> {
  const { invoice, step } = active;
  // Invoices settled since the text was claimed are left out of it.
  const others = await Promise.all(
    claim.invoiceIds.filter((id) => id !== invoice.id).map((id) => deps.store.getInvoice(id)),
  );
  const invoices: InvoiceRecord[] = [
    invoice,
    ...others.filter((other): other is DunnedInvoice => !!other && awaitsStep(other, key.slot)),
  ];
  const link = deps.selfServiceLink
    ? await deps.selfServiceLink(debtor.id)
    : invoices.length === 1
      ? invoice.paymentLink
      : undefined;
  const text = renderSmsReminder({
    language: debtor.language,
    tone: step.tone,
    creditorName: deps.creditor.name,
    invoiceNumbers: invoices.map(({ number }) => number),
    total: {
      amount: invoices.reduce((sum, each) => sum + undisputedAmount(each), 0),
      currency: invoice.currency,
    },
    ...(link ? { link } : {}),
  });
  const { messageId } = await deps.texts.send({ to: debtor.mobile, text });
  const sent: SentText = {
    messageId,
    sentAt: deps.clock.now().toISOString(),
    to: debtor.mobile,
    text,
    size: smsSize(text),
    invoiceIds: invoices.map(({ id }) => id),
  };
  await noteTextSent(deps.store, key, sent);
  return sent;
}

/**
 * Records the text as the step of one invoice it asked for: `dunning.lastStep` sent, and a
 * 'text_sent' entry with what it said, in how many parts and to which number. Nothing when the
 * invoice already carries the step, or is dunned no more.
 */
async function recordTextOn(
  deps: StepDeps,
  invoiceId: string,
  key: TextKey,
  sent: SentText,
  active: Omit<ActiveStep, 'recorded'>,
): Promise<void> {
  const invoice = invoiceId === active.invoice.id ? active.invoice : await deps.store.getInvoice(invoiceId);
  const execution = invoice?.dunning?.execution;
  if (!execution) return;
  const owner = sent.invoiceIds[0] === invoiceId;
  await recordStep(
    deps,
    { invoiceId, execution, step: key.slot },
    {
      status: 'sent',
      ...(owner ? {} : { reason: includedReason(sent) }),
      event: {
        type: 'text_sent',
        summary: `${key.slot} sent by text in ${sent.size.segments} part${sent.size.segments === 1 ? '' : 's'}${
          sent.invoiceIds.length > 1 ? ` (one text for ${sent.invoiceIds.length} invoices)` : ''
        }`,
        details: {
          slot: key.slot,
          template: active.step.template,
          tone: active.step.tone,
          to: sent.to,
          text: sent.text,
          encoding: sent.size.encoding,
          characters: sent.size.units,
          segments: sent.size.segments,
          messageId: sent.messageId,
          invoiceIds: sent.invoiceIds,
          day: key.day,
        },
      },
    },
  );
}

function includedReason(sent: SentText): string {
  return `included in the text sent for invoice ${sent.invoiceIds[0] ?? 'unknown'}`;
}
