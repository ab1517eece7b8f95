import type { TimelineEventType } from '../core/ledger/timeline';
import type { ColleagueLanguage } from './colleagues/colleague-words';

/**
 * What each kind of timeline entry is called in the reader's language. A kind without a title
 * here is shown by its own name ("call window ended"), so a new kind needs no change to be read.
 */
const TITLES: Record<ColleagueLanguage, Partial<Record<TimelineEventType, string>>> = {
  nl: {
    invoice_received: 'Factuur ontvangen',
    invoice_updated: 'Factuur gewijzigd',
    invoice_cancelled: 'Factuur geannuleerd',
    credit_note_received: 'Creditnota ontvangen',
    payment_received: 'Betaling ontvangen',
    invoice_paid: 'Factuur betaald',
    overpayment_credited: 'Teveel betaald, op de rekening gezet',
    credit_set_off: 'Tegoed verrekend',
    payment_unapplied: 'Betaling niet toe te wijzen',
    payment_assigned: 'Betaling toegewezen',
    dunning_started: 'Aanmaning gestart',
    dunning_restored: 'Aanmaning hersteld',
    dunning_stopped: 'Aanmaning gestopt',
    dunning_completed: 'Aanmaning afgerond',
    dunning_needs_attention: 'Aanmaning vraagt aandacht',
    email_sent: 'E-mail verstuurd',
    email_delivered: 'E-mail afgeleverd',
    email_bounced: 'E-mail onbestelbaar',
    reply_received: 'Antwoord van de debiteur per e-mail',
    step_skipped: 'Stap overgeslagen',
    task_created: 'Taak aangemaakt',
    task_closed: 'Taak afgerond',
    account_manager_notified: 'Accountmanager ingelicht',
    credit_hold_set: 'Kredietstop gezet',
    credit_hold_lifted: 'Kredietstop opgeheven',
    credit_checked: 'Kredietcontrole',
    credit_report_recorded: 'Kredietrapport vastgelegd',
    signal_recorded: 'Signaal vastgelegd',
    call_window_ended: 'Belvenster verstreken',
    handed_over_to_agency: 'Overgedragen aan het incassobureau',
    dunning_paused: 'Aanmaning gepauzeerd',
    promise_taken: 'Betaalbelofte vastgelegd',
    promise_kept: 'Betaalbelofte nagekomen',
    promise_broken: 'Betaalbelofte niet nagekomen',
    promise_cancelled: 'Betaalbelofte ingetrokken',
    dispute_raised: 'Geschil gemeld',
    dispute_resolved: 'Geschil beantwoord',
    dispute_closed: 'Geschil gesloten',
    hold_placed: 'Aanmaning aangehouden',
    hold_ended: 'Aanhouding beëindigd',
    payment_plan_agreed: 'Betalingsregeling afgesproken',
    payment_plan_amended: 'Betalingsregeling gewijzigd',
    payment_plan_completed: 'Betalingsregeling voldaan',
    payment_plan_broken: 'Betalingsregeling niet nagekomen',
    payment_plan_lowered: 'Betalingsregeling verlaagd',
    payment_plan_restored: 'Betalingsregeling hersteld',
    payment_plan_needs_attention: 'Betalingsregeling vraagt aandacht',
    event_refused: 'Bericht geweigerd',
    note_added: 'Notitie toegevoegd',
    owner_changed: 'Eigenaar gewijzigd',
    task_snoozed: 'Taak uitgesteld',
    special_management_started: 'Bijzonder beheer gestart',
    special_management_ended: 'Bijzonder beheer beëindigd',
    task_moved: 'Taak verplaatst',
    insolvency_opened: 'Insolventie vastgelegd',
    insolvency_distribution: 'Uitkering uit de boedel',
    insolvency_closed: 'Insolventie afgesloten',
    written_off: 'Afgeboekt',
  },
  en: {
    invoice_received: 'Invoice received',
    invoice_updated: 'Invoice changed',
    invoice_cancelled: 'Invoice cancelled',
    credit_note_received: 'Credit note received',
    payment_received: 'Payment received',
    invoice_paid: 'Invoice paid',
    overpayment_credited: 'Overpayment put on the account',
    credit_set_off: 'Credit set off',
    payment_unapplied: 'Payment could not be matched',
    payment_assigned: 'Payment assigned',
    dunning_started: 'Dunning started',
    dunning_restored: 'Dunning restored',
    dunning_stopped: 'Dunning stopped',
    dunning_completed: 'Dunning completed',
    dunning_needs_attention: 'Dunning needs attention',
    email_sent: 'Email sent',
    email_delivered: 'Email delivered',
    email_bounced: 'Email bounced',
    reply_received: "The debtor's reply by email",
    step_skipped: 'Step skipped',
    task_created: 'Task created',
    task_closed: 'Task done',
    account_manager_notified: 'Account manager told',
    credit_hold_set: 'Credit hold set',
    credit_hold_lifted: 'Credit hold lifted',
    credit_checked: 'Credit check',
    credit_report_recorded: 'Credit report recorded',
    signal_recorded: 'Signal recorded',
    call_window_ended: 'Call window ended',
    handed_over_to_agency: 'Handed over to the collection agency',
    dunning_paused: 'Dunning paused',
    promise_taken: 'Promise to pay taken',
    promise_kept: 'Promise to pay kept',
    promise_broken: 'Promise to pay broken',
    promise_cancelled: 'Promise to pay cancelled',
    dispute_raised: 'Dispute raised',
    dispute_resolved: 'Dispute answered',
    dispute_closed: 'Dispute closed',
    hold_placed: 'Dunning held',
    hold_ended: 'Hold ended',
    payment_plan_agreed: 'Payment plan agreed',
    payment_plan_amended: 'Payment plan changed',
    payment_plan_completed: 'Payment plan completed',
    payment_plan_broken: 'Payment plan broken',
    payment_plan_lowered: 'Payment plan lowered',
    payment_plan_restored: 'Payment plan restored',
    payment_plan_needs_attention: 'Payment plan needs attention',
    event_refused: 'Event refused',
    note_added: 'Note added',
    owner_changed: 'Owner changed',
    task_snoozed: 'Task snoozed',
    special_management_started: 'Special management started',
    special_management_ended: 'Special management ended',
    task_moved: 'Task moved',
    insolvency_opened: 'Insolvency recorded',
    insolvency_distribution: 'Payout from the estate',
    insolvency_closed: 'Insolvency closed',
    written_off: 'Written off',
  },
};

export function timelineTitle(type: string, language: ColleagueLanguage): string {
  const titles: Record<string, string | undefined> = TITLES[language];
  const title = Object.hasOwn(titles, type) ? titles[type] : undefined;
  if (title) return title;
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The parts of the system that act on their own, by the name a reader knows them by. */
const SYSTEM_ACTORS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    workflow: 'Aanmaanproces',
    sweep: 'Dagelijkse controle',
    'invoicing-system': 'Facturatiesysteem',
    debtor: 'Debiteur (zelfservicepagina)',
    'debtor-email': 'Debiteur (e-mail)',
    'email-reply': 'Antwoord per e-mail',
  },
  en: {
    workflow: 'Dunning workflow',
    sweep: 'Daily sweep',
    'invoicing-system': 'Invoicing system',
    debtor: 'Debtor (self-service page)',
    'debtor-email': 'Debtor (email)',
    'email-reply': 'Reply by email',
  },
};

export function systemActorName(actor: string, language: ColleagueLanguage): string {
  return SYSTEM_ACTORS[language][actor] ?? actor;
}

/** "a user" when nobody recorded the person's name: never a bare id where a name is expected. */
export const UNKNOWN_USER: Record<ColleagueLanguage, string> = { nl: 'Gebruiker', en: 'User' };

const LOCALES: Record<ColleagueLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "4 maart 2026 om 09:00" / "4 March 2026 at 09:00" in the business time zone. */
export function localDateTime(at: string, timeZone: string, language: ColleagueLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}
