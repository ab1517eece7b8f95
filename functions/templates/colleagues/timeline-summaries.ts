import type { TimelineEvent, TimelineEventType } from '../../core/ledger/timeline';
import { formatMoney, isCurrencyCode } from '../../core/money';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import { callResult, type ColleagueLanguage, day, stepName } from './colleague-words';
import {
  AGENCY_RESULTS,
  DISPUTE_CAUSES,
  FIELD_NAMES,
  PAUSED_FOR,
  SKIP_REASONS,
  SPECIAL_REASONS,
  TASK_KINDS,
} from './timeline-summary-words';

/** What a wording reads of an entry: its details, and how to say its money and days. */
export interface SummaryReading {
  details: Record<string, unknown>;
  language: ColleagueLanguage;
  /** A number of cents in the entry's currency, formatted; undefined when it is not a number. */
  money: (cents: unknown) => string | undefined;
  /** A calendar day ('2026-03-04'), written out; undefined when it is not one. */
  date: (value: unknown) => string | undefined;
  /** The step named in the details, in the reader's language. */
  step?: string;
}

/** A sentence in each language, from the entry's details. */
export type Wording = (reading: SummaryReading) => { nl: string; en: string };

/**
 * How each kind of entry is told. `own-words` entries are what a person typed (a note): shown as
 * written. `stored` entries keep the English text stored when they happened, as their details do
 * not hold what the sentence says (names, the reasons of a refusal) or nothing writes them yet.
 * Every kind is here, so a new kind must choose.
 */
export const SUMMARY_WORDING: Record<TimelineEventType, Wording | 'own-words' | 'stored'> = {
  invoice_received: ({ details, money, date }) => {
    const open = money(details.openAmount);
    const due = date(details.dueDate);
    const reference = printedReference(details.paymentReference);
    return {
      nl: joined('Factuur ontvangen', [
        open && `${open} open`,
        due && `vervaldatum ${due}`,
        reference && `betalingskenmerk ${reference}`,
      ]),
      en: joined('Invoice received', [
        open && `${open} open`,
        due && `due ${due}`,
        reference && `payment reference ${reference}`,
      ]),
    };
  },
  segment_changed: 'stored',
  good_payer_announced: 'stored',
  // The debtor's own requests from the self-service page: their words as the page recorded them.
  promise_moved: 'stored',
  debtor_request: 'stored',
  invoice_updated: ({ details, language }) => {
    const fields = Object.keys(isRecord(details.changed) ? details.changed : {}).map(
      (field) => FIELD_NAMES[language][field] ?? field,
    );
    return {
      nl: joined('Factuur gecorrigeerd in het facturatiesysteem', [fields.join(', ')]),
      en: joined('Invoice corrected in the invoicing system', [fields.join(', ')]),
    };
  },
  invoice_cancelled: () => ({
    nl: 'Annulering van de factuur ontvangen uit het facturatiesysteem',
    en: 'Cancellation of the invoice received from the invoicing system',
  }),
  credit_note_received: ({ details, money }) => {
    const amount = money(details.amount);
    const open = money(details.openAmount);
    const note = text(details.creditNoteId);
    const settled = details.openAmount === 0;
    return {
      nl: joined(`Creditnota${note ? ` ${note}` : ''}${amount ? ` van ${amount}` : ''} ontvangen`, [
        settled ? 'er staat niets meer open' : open && `nog open: ${open}`,
      ]),
      en: joined(`Credit note${note ? ` ${note}` : ''}${amount ? ` of ${amount}` : ''} received`, [
        settled ? 'nothing is left to pay' : open && `still open: ${open}`,
      ]),
    };
  },
  payment_received: ({ details, money }) => {
    // `amount` is what lowered the principal; what went to costs and interest is beside it.
    const toCosts = cents(details.toCosts);
    const toInterest = cents(details.toInterest);
    const principal = cents(details.amount);
    const total = principal === undefined ? undefined : money(principal + toCosts + toInterest);
    const open = money(details.openAmount);
    if (details.onWrittenOff === true)
      return {
        nl: `Betaling${total ? ` van ${total}` : ''} ontvangen op de afgeboekte factuur: de debiteur heeft alsnog betaald`,
        en: `Payment${total ? ` of ${total}` : ''} received on the written-off invoice: the debtor paid after all`,
      };
    const split = toCosts + toInterest > 0;
    return {
      nl: joined(`Betaling${total ? ` van ${total}` : ''} ontvangen`, [
        split && `waarvan ${money(toCosts)} voor kosten en ${money(toInterest)} voor rente`,
        open && `nog open: ${open}`,
      ]),
      en: joined(`Payment${total ? ` of ${total}` : ''} received`, [
        split && `of which ${money(toCosts)} to costs and ${money(toInterest)} to interest`,
        open && `still open: ${open}`,
      ]),
    };
  },
  invoice_paid: () => ({ nl: 'De factuur is volledig betaald', en: 'The invoice is paid in full' }),
  overpayment_credited: ({ details, money }) => {
    const amount = money(details.amount);
    return {
      nl: `${amount ?? 'Een bedrag'} op de rekening van de debiteur gezet, als tegoed voor een volgende factuur`,
      en: `${amount ?? 'An amount'} put on the debtor's account, as credit for a next invoice`,
    };
  },
  credit_set_off: ({ details, money }) => {
    const amount = money(details.amount);
    const open = money(details.openAmount);
    return {
      nl: joined(`${amount ?? 'Tegoed'} van het tegoed op de rekening verrekend met de factuur`, [
        open && `nog open op de factuur: ${open}`,
      ]),
      en: joined(`${amount ?? 'Credit'} of the credit on the account set off against the invoice`, [
        open && `still open on the invoice: ${open}`,
      ]),
    };
  },
  payment_unapplied: 'stored',
  payment_assigned: ({ details, money }) => {
    const amount = money(details.amount);
    return {
      nl: `Niet toegewezen betaling${amount ? ` van ${amount}` : ''} met de hand aan deze factuur toegewezen`,
      en: `Unapplied payment${amount ? ` of ${amount}` : ''} assigned here by hand`,
    };
  },
  dunning_started: ({ details, language }) => {
    const first = typeof details.resumeAt === 'string' ? stepName(details.resumeAt, language) : undefined;
    return {
      nl: joined('Aanmaning gestart volgens het beleid', [first && `eerste stap: ${first}`]),
      en: joined('Dunning started under the policy', [first && `first step: ${first}`]),
    };
  },
  dunning_restored: ({ details, language }) => {
    const at = typeof details.resumeAt === 'string' ? stepName(details.resumeAt, language) : undefined;
    const note = text(details.note);
    return {
      nl: joined(`Aanmaning weer gestart${at ? ` bij de stap ${at}` : ''}`, [note]),
      en: joined(`Dunning started again${at ? ` at the step ${at}` : ''}`, [note]),
    };
  },
  dunning_stopped: 'stored',
  dunning_completed: () => ({
    nl: 'Alle stappen van het beleid zijn gezet; de factuur blijft achterstallig tot ze betaald is',
    en: 'Every step of the policy has run; the invoice stays overdue until it is paid',
  }),
  dunning_needs_attention: ({ details, step }) => {
    const restores = cents(details.restores);
    return {
      nl: `De stap ${step ?? 'van de aanmaning'} mislukte opnieuw na ${restores} herstelpogingen: een credit controller zoekt de oorzaak en start de aanmaning opnieuw`,
      en: `The ${step ?? 'dunning'} step failed again after ${restores} restores: a controller finds the cause and restarts the dunning`,
    };
  },
  email_sent: ({ details, step }) => {
    const subject = text(details.subject);
    const to = text(details.recipient) ?? text(details.to);
    const several = Array.isArray(details.invoiceIds) ? details.invoiceIds.length : 1;
    const what = {
      nl: details.planId
        ? 'E-mail over de betalingsregeling'
        : details.disputeId
          ? 'Antwoord op het geschil'
          : step
            ? `De ${step}`
            : undefined,
      en: details.planId
        ? 'Email about the payment plan'
        : details.disputeId
          ? 'Answer to the dispute'
          : step
            ? `The ${step}`
            : undefined,
    };
    return {
      nl: joined(
        `${what.nl ? `${what.nl} per e-mail verstuurd` : 'E-mail verstuurd'}${to ? ` aan ${to}` : ''}`,
        [subject && `„${subject}”`, several > 1 && `één brief voor ${several} facturen`],
      ),
      en: joined(`${what.en ? `${what.en} sent by email` : 'Email sent'}${to ? ` to ${to}` : ''}`, [
        subject && `"${subject}"`,
        several > 1 && `one letter for ${several} invoices`,
      ]),
    };
  },
  text_sent: ({ details, step }) => {
    const to = text(details.to);
    const parts = typeof details.segments === 'number' ? details.segments : 1;
    return {
      nl: joined(`De ${step ?? 'herinnering'} per sms verstuurd${to ? ` aan ${to}` : ''}`, [
        parts > 1 && `${parts} delen`,
      ]),
      en: joined(`The ${step ?? 'reminder'} sent by text${to ? ` to ${to}` : ''}`, [
        parts > 1 && `${parts} parts`,
      ]),
    };
  },
  pre_due_notice_sent: ({ details, date }) => {
    const due = date(details.dueDate);
    return {
      nl: `Vriendelijk bericht vóór de vervaldatum per e-mail verstuurd${due ? ` (vervalt ${due})` : ''}`,
      en: `Friendly notice before the due date sent by email${due ? ` (due ${due})` : ''}`,
    };
  },
  sms_opt_out_changed: ({ details }) =>
    details.optOut === false
      ? { nl: 'De debiteur krijgt weer sms-berichten', en: 'The debtor gets texts again' }
      : { nl: 'De debiteur wil geen sms-berichten meer', en: 'The debtor wants no more texts' },
  email_delivered: ({ step }) => ({
    nl: `De e-mail${step ? ` met de ${step}` : ''} is afgeleverd: vanaf nu geldt de brief als ontvangen`,
    en: `The email${step ? ` with the ${step}` : ''} was delivered: the letter counts as received from now`,
  }),
  letter_posted: ({ details, step }) => {
    const registered = isRecord(details.post) && details.post.registered === true;
    const to = text(details.recipient);
    return {
      nl: joined(
        `De ${step ?? 'brief'} ${registered ? 'aangetekend ' : ''}per post verstuurd${to ? ` aan ${to}` : ''}`,
        [text(details.subject) && `„${text(details.subject)}”`],
      ),
      en: joined(
        `The ${step ?? 'letter'} sent ${registered ? 'by registered post' : 'by post'}${to ? ` to ${to}` : ''}`,
        [text(details.subject) && `"${text(details.subject)}"`],
      ),
    };
  },
  letter_delivered: ({ details, date }) => {
    const on = date(details.deliveredOn);
    return {
      nl: `De aangetekende brief is afgeleverd${on ? ` op ${on}` : ''}: vanaf die dag geldt hij als ontvangen`,
      en: `The registered letter was delivered${on ? ` on ${on}` : ''}: it counts as received from that day`,
    };
  },
  email_bounced: ({ step }) => ({
    nl: `De e-mail${step ? ` met de ${step}` : ''} kwam niet aan: het adres neemt geen post aan`,
    en: `The email${step ? ` with the ${step}` : ''} bounced: the address does not take mail`,
  }),
  reply_received: ({ details, step }) => {
    const subject = text(details.subject);
    const letter = step ? { nl: ` op de ${step}`, en: ` to the ${step}` } : { nl: '', en: '' };
    return details.automatic === true
      ? {
          nl: joined(`Automatisch antwoord (afwezigheid)${letter.nl}`, [subject && `"${subject}"`]),
          en: joined(`Automatic reply (out of office)${letter.en}`, [subject && `"${subject}"`]),
        }
      : {
          nl: joined(`De debiteur antwoordde per e-mail${letter.nl}`, [subject && `"${subject}"`]),
          en: joined(`The debtor replied by email${letter.en}`, [subject && `"${subject}"`]),
        };
  },
  step_skipped: ({ details, language, step }) => {
    const reason = typeof details.skip === 'string' ? SKIP_REASONS[language][details.skip] : undefined;
    return {
      nl: joined(`De stap ${step ?? 'van de aanmaning'} is overgeslagen`, [reason]),
      en: joined(`The ${step ?? 'dunning'} step was skipped`, [reason]),
    };
  },
  task_created: ({ details, language }) => {
    const kind = typeof details.kind === 'string' ? details.kind : 'task';
    const what = TASK_KINDS[language][kind] ?? kind.replace(/_/g, ' ');
    return { nl: `Taak voor een collega: ${what}`, en: `Task for a colleague: ${what}` };
  },
  task_closed: ({ details, language }) => {
    const outcome = typeof details.outcome === 'string' ? callResult(details.outcome, language) : undefined;
    const note = text(details.note);
    return {
      nl: joined(`Taak afgerond${outcome ? `: ${outcome}` : ''}`, [note && `„${note}”`]),
      en: joined(`Task done${outcome ? `: ${outcome}` : ''}`, [note && `"${note}"`]),
    };
  },
  account_manager_notified: ({ details }) => {
    const manager = text(details.accountManager);
    return {
      nl: manager
        ? `Accountmanager ${manager} ingelicht in het bericht van de dag over deze debiteur`
        : 'De leiding van de accountmanagers ingelicht (geen accountmanager bekend)',
      en: manager
        ? `Account manager ${manager} told in the day's alert about this debtor`
        : "The account managers' lead told (no account manager on file)",
    };
  },
  credit_hold_set: () => ({
    nl: 'Kredietstop: geen nieuwe leveringen op rekening tot de achterstand is ingelopen',
    en: 'Credit hold: no new deliveries on account until the arrears are cleared',
  }),
  credit_hold_lifted: () => ({
    nl: 'Kredietstop opgeheven: er mag weer op rekening geleverd worden',
    en: 'Credit hold lifted: deliveries on account may go ahead again',
  }),
  credit_checked: 'stored',
  credit_report_recorded: 'stored',
  signal_recorded: 'stored',
  call_window_ended: () => ({
    nl: 'Het belvenster is verstreken zonder uitkomst: de aanmaning gaat verder, de beltaak blijft op de lijst en telt als mislukt contact',
    en: 'The call window ended without an outcome: the dunning goes on, the call task stays on the list and counts as a failed contact',
  }),
  handed_over_to_agency: ({ details }) => {
    const claims = cents(details.claims);
    return {
      nl: `Vordering overgedragen aan het incassobureau${claims > 1 ? `, in één dossier met ${claims} vorderingen` : ''}`,
      en: `Claim handed over to the collection agency${claims > 1 ? `, in one file of ${claims} claims` : ''}`,
    };
  },
  dunning_paused: ({ details, language, date }) => {
    const why = typeof details.pausedFor === 'string' ? PAUSED_FOR[language][details.pausedFor] : undefined;
    const until = date(details.until);
    return {
      nl: joined(`Aanmaning gepauzeerd${why ? ` ${why}` : ''}`, [until && `tot ${until}`]),
      en: joined(`Dunning paused${why ? ` ${why}` : ''}`, [until && `until ${until}`]),
    };
  },
  promise_taken: ({ details, money, date }) => {
    const amount = money(details.amount);
    const by = date(details.promisedDate);
    return {
      nl: `Betaalbelofte${amount ? ` van ${amount}` : ''}${by ? ` uiterlijk ${by}` : ''} vastgelegd; de aanmaning wacht`,
      en: `Promise to pay${amount ? ` ${amount}` : ''}${by ? ` by ${by}` : ''} taken; the dunning waits`,
    };
  },
  promise_kept: () => ({
    nl: 'De betaalbelofte is nagekomen',
    en: 'The promise to pay was kept',
  }),
  promise_broken: ({ details, money }) => {
    const paid = money(details.paidInTime);
    return {
      nl: joined('De betaalbelofte is niet nagekomen', [
        paid && `${paid} op tijd ontvangen`,
        'de aanmaning gaat verder met de volgende stap',
      ]),
      en: joined('The promise to pay was broken', [
        paid && `${paid} received in time`,
        'the dunning resumes at the next step',
      ]),
    };
  },
  promise_cancelled: () => ({
    nl: 'De betaalbelofte is vervallen: de facturen zijn geannuleerd',
    en: 'The promise to pay was cancelled: its invoices were cancelled',
  }),
  dispute_raised: ({ details, money, date, language }) => {
    const amount = money(details.amount);
    const cause =
      typeof details.cause === 'string' ? (DISPUTE_CAUSES[language][details.cause] ?? details.cause) : '';
    const by = date(details.respondBy);
    const partial = details.partial === true;
    return {
      nl: joined(`Geschil${amount ? ` over ${amount}` : ''}: ${cause}`, [
        partial && 'de aanmaning gaat door voor het onbetwiste deel',
        by && `reageren uiterlijk ${by}`,
      ]),
      en: joined(`Dispute${amount ? ` over ${amount}` : ''}: ${cause}`, [
        partial && 'the dunning goes on for the undisputed part',
        by && `respond by ${by}`,
      ]),
    };
  },
  dispute_resolved: ({ details, money }) => {
    const credit = money(details.creditAmount);
    if (details.outcome === 'credited')
      return {
        nl: `Geschil beantwoord: er volgt een creditnota${credit ? ` van ${credit}` : ''}; tot die er is, wacht de aanmaning`,
        en: `Dispute answered: a credit note${credit ? ` of ${credit}` : ''} follows; the dunning waits until it arrives`,
      };
    const outcome =
      details.outcome === 'withdrawn'
        ? { nl: 'ingetrokken', en: 'withdrawn' }
        : { nl: 'afgewezen', en: 'rejected' };
    return {
      nl: `Geschil ${outcome.nl}: de factuur blijft staan en de aanmaning gaat verder met de volgende stap`,
      en: `Dispute ${outcome.en}: the invoice stands and the dunning resumes at the next step`,
    };
  },
  dispute_closed: ({ details }) => {
    const credited = details.status === 'credited';
    const others = cents(details.remaining);
    const why = credited
      ? { nl: 'de creditnota is binnen', en: 'the credit note arrived' }
      : { nl: 'de factuur is voldaan', en: 'the invoice was settled' };
    return others > 0
      ? {
          nl: `Het geschil houdt deze factuur niet meer vast: ${why.nl}; het loopt nog voor ${others} andere facturen`,
          en: `The dispute no longer holds this invoice: ${why.en}; it still covers ${others} other invoices`,
        }
      : { nl: `Geschil gesloten: ${why.nl}`, en: `Dispute closed: ${why.en}` };
  },
  hold_placed: ({ details, date }) => {
    const until = date(details.until);
    const reason = text(details.reason);
    return {
      nl: joined(`Aanmaning aangehouden${until ? ` tot ${until}` : ''}`, [reason && `„${reason}”`]),
      en: joined(`Dunning on hold${until ? ` until ${until}` : ''}`, [reason && `"${reason}"`]),
    };
  },
  hold_ended: ({ details, date }) => {
    const until = date(details.until);
    return {
      nl: `De aanhouding${until ? ` tot ${until}` : ''} is beëindigd; de aanmaning gaat verder`,
      en: `The hold${until ? ` until ${until}` : ''} ended; the dunning goes on`,
    };
  },
  payment_plan_agreed: ({ details, money }) => {
    const total = money(details.total);
    const count = cents(details.instalments);
    return {
      nl: `Betalingsregeling afgesproken${total ? `: ${total}` : ''}${count ? ` in ${count} termijnen` : ''}; de aanmaning wacht`,
      en: `Payment plan agreed${total ? `: ${total}` : ''}${count ? ` in ${count} instalments` : ''}; the dunning waits`,
    };
  },
  payment_plan_amended: ({ details }) => {
    const reason = text(details.reason);
    return {
      nl: joined('Betalingsregeling gewijzigd', [reason && `„${reason}”`]),
      en: joined('Payment plan changed', [reason && `"${reason}"`]),
    };
  },
  payment_plan_completed: () => ({
    nl: 'Betalingsregeling voldaan: alle termijnen zijn betaald',
    en: 'Payment plan completed: every instalment is paid',
  }),
  payment_plan_broken: ({ details }) => {
    const instalment = cents(details.instalment);
    return {
      nl: `Betalingsregeling niet nagekomen${instalment ? `: termijn ${instalment} is niet betaald` : ''}; wat resteert is in één keer opeisbaar`,
      en: `Payment plan broken${instalment ? `: instalment ${instalment} was not paid` : ''}; what remains is due at once`,
    };
  },
  payment_plan_suspended: () => ({
    nl: 'Betalingsregeling opgeschort door de insolventie: wat openstaat wordt in de insolventie geclaimd',
    en: 'Payment plan suspended by the insolvency: what is open is claimed in the insolvency',
  }),
  payment_plan_lowered: ({ details, money }) => {
    const lowered = money(details.lowered);
    return {
      nl: `Betalingsregeling verlaagd${lowered ? ` met ${lowered}` : ''}: de laatste termijnen zijn kleiner geworden`,
      en: `Payment plan lowered${lowered ? ` by ${lowered}` : ''}: its last instalments shrank`,
    };
  },
  payment_plan_restored: 'stored',
  payment_plan_needs_attention: 'stored',
  event_refused: 'stored',
  note_added: 'own-words',
  owner_changed: 'stored',
  task_snoozed: ({ details, date }) => {
    const until = date(details.until);
    const reason = text(details.reason);
    return {
      nl: joined(`Taak uitgesteld${until ? ` tot ${until}` : ''}`, [reason && `„${reason}”`]),
      en: joined(`Task snoozed${until ? ` until ${until}` : ''}`, [reason && `"${reason}"`]),
    };
  },
  special_management_started: ({ details, language }) => {
    const reason =
      typeof details.reason === 'string'
        ? (SPECIAL_REASONS[language][details.reason] ?? details.reason)
        : undefined;
    const note = text(details.note);
    return {
      nl: joined(`Onder bijzonder beheer${reason ? ` (${reason})` : ''}`, [note && `„${note}”`]),
      en: joined(`Under special management${reason ? ` (${reason})` : ''}`, [note && `"${note}"`]),
    };
  },
  special_management_ended: () => ({
    nl: 'Terug in de gewone cyclus: elke factuur gaat verder met de stap na de laatste',
    en: 'Back in the normal cycle: each invoice resumes at the step after its last',
  }),
  task_moved: ({ details, language }) => {
    const kind = typeof details.kind === 'string' ? details.kind : 'task';
    const what = TASK_KINDS[language][kind] ?? kind.replace(/_/g, ' ');
    const special = details.to === 'special';
    return {
      nl: `Taak (${what}) ${special ? 'naar de lijst van bijzonder beheer' : 'terug op de gewone lijst'}`,
      en: `Task (${what}) ${special ? "moved to the special team's list" : 'back on the normal list'}`,
    };
  },
  insolvency_opened: 'stored',
  insolvency_distribution: 'stored',
  insolvency_closed: 'stored',
  financial_position_noted: 'own-words',
  written_off: ({ details, money }) => {
    const amount = money(details.amount);
    const open = cents(details.openAmount);
    const reason = text(details.reason);
    return {
      nl: joined(`${amount ?? 'Een bedrag'} afgeboekt`, [
        open === 0 ? 'de aanmaning stopt definitief' : `nog open: ${money(open)}`,
        reason && `„${reason}”`,
      ]),
      en: joined(`${amount ?? 'An amount'} written off`, [
        open === 0 ? 'the dunning stops for good' : `still open: ${money(open)}`,
        reason && `"${reason}"`,
      ]),
    };
  },
  agency_event: ({ details, money, language }) => {
    const amount = money(details.amount);
    const fee = money(details.fee);
    switch (details.agencyEvent) {
      case 'claim.accepted':
        return {
          nl: 'Het incassobureau heeft de vordering aangenomen',
          en: 'The collection agency accepted the claim',
        };
      case 'claim.payment_collected':
        return {
          nl: `Het incassobureau heeft ${amount ?? 'een bedrag'} geïnd (als betaling geboekt)${fee ? `; provisie ${fee}` : ''}`,
          en: `The collection agency collected ${amount ?? 'an amount'} (booked as a payment)${fee ? `; fee ${fee}` : ''}`,
        };
      case 'claim.judgement_obtained':
        return {
          nl: 'Het incassobureau heeft een vonnis verkregen',
          en: 'The collection agency obtained a judgement',
        };
      case 'claim.bailiff_assigned':
        return { nl: 'Er is een deurwaarder ingeschakeld', en: 'A bailiff was assigned' };
      case 'claim.closed': {
        const result =
          typeof details.result === 'string'
            ? (AGENCY_RESULTS[language][details.result] ?? details.result)
            : '';
        return {
          nl: `Het incassobureau heeft de vordering gesloten: ${result}`,
          en: `The collection agency closed the claim: ${result}`,
        };
      }
      default:
        return { nl: 'Bericht van het incassobureau', en: 'A message from the collection agency' };
    }
  },
  agency_recalled: ({ details }) => {
    const reason = text(details.reason);
    return {
      nl: joined('Vordering teruggenomen van het incassobureau', [reason && `„${reason}”`]),
      en: joined('Claim recalled from the collection agency', [reason && `"${reason}"`]),
    };
  },
  agency_told_of_payment: ({ details, money }) => {
    const amount = money(details.amount);
    return {
      nl: `Het incassobureau is ingelicht over ${amount ?? 'een betaling'} die rechtstreeks aan ons is betaald`,
      en: `The collection agency was told of ${amount ?? 'a payment'} paid to us directly`,
    };
  },
};

/**
 * The summary of an entry in the reader's language. A Dutch reader gets it told from its type and
 * details where its kind has a wording, else as stored (a person's own words, or a kind without
 * wording); an English reader gets the English text stored.
 */
export function summaryIn(
  event: TimelineEvent,
  language: ColleagueLanguage,
  invoiceCurrency: string | undefined,
): string {
  const wording = SUMMARY_WORDING[event.type];
  // The stored text is English, written when it happened with every fact at hand (names, numbers,
  // policies): an English reader reads it as written, and the English wording only stands in for
  // an entry stored without one.
  if (typeof wording !== 'function') return event.summary;
  if (language === 'en' && event.summary.trim() !== '') return event.summary;
  const details = event.details ?? {};
  const currency =
    typeof details.currency === 'string' && isCurrencyCode(details.currency)
      ? details.currency
      : invoiceCurrency;
  const slot = typeof details.slot === 'string' ? details.slot : undefined;
  const told = wording({
    details,
    language,
    money: (value) =>
      currency && Number.isSafeInteger(value)
        ? formatMoney({ amount: value as number, currency }, language)
        : undefined,
    date: (value) =>
      typeof value === 'string' && CALENDAR_DAY.test(value) ? day(value, language) : undefined,
    ...(slot ? { step: stepName(slot, language) } : {}),
  });
  return told[language];
}

/** A stored (electronic) reference as letters print it, in groups of four. */
function printedReference(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parsePaymentReference(value);
  return parsed.valid ? parsed.reference.printed : value;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A sentence and the clauses that hold something, joined by semicolons. */
function joined(head: string, clauses: readonly (string | false | undefined | null)[]): string {
  const parts = clauses.filter((clause): clause is string => typeof clause === 'string' && clause !== '');
  return parts.length === 0 ? head : `${head}: ${parts.join('; ')}`;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** A count or a number of cents, 0 when absent. */
const cents = (value: unknown): number => (Number.isSafeInteger(value) ? (value as number) : 0);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
