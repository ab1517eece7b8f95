import type { ColleagueLanguage } from './colleague-words';

/*
 * The words the timeline's summaries put in their sentences: fields of an invoice, why a step was
 * skipped, kinds of task, why a dunning paused, dispute causes, reasons for special management and
 * the agency's results. A code without a word here is shown as the code.
 */

export const FIELD_NAMES: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    number: 'factuurnummer',
    totalAmount: 'totaalbedrag',
    openAmount: 'openstaand bedrag',
    dueDate: 'vervaldatum',
    issueDate: 'factuurdatum',
    currency: 'valuta',
    vatAmount: 'btw-bedrag',
  },
  en: {
    number: 'number',
    totalAmount: 'total',
    openAmount: 'open amount',
    dueDate: 'due date',
    issueDate: 'issue date',
    currency: 'currency',
    vatAmount: 'VAT amount',
  },
};

export const SKIP_REASONS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    channel_not_connected: 'dit kanaal is niet aangesloten',
    no_email_address: 'de debiteur heeft geen e-mailadres',
    no_postal_address: 'de debiteur heeft geen postadres',
    included_in_letter: 'de factuur staat al in een brief van vandaag',
    fourteen_day_letter_missing: 'er is geen veertiendagenbrief verstuurd',
    below_agency_minimum: 'het bedrag ligt onder het minimum van het incassobureau',
    no_delivered_letter: 'er is geen afgeleverde brief in het dossier',
    special_management: 'de debiteur is onder bijzonder beheer',
    dunning_stopped: 'de aanmaning was gestopt',
    not_collecting: 'de factuur wordt niet meer ingevorderd',
    not_in_policy: 'de stap staat niet in het beleid',
    invoice_missing: 'de factuur is niet gevonden',
    stale_execution: 'een nieuwere aanmaning loopt al',
    no_mobile_number: 'de debiteur heeft geen mobiel nummer',
    sms_opted_out: 'de debiteur wil geen sms meer',
    included_in_text: 'de factuur staat al in een sms van vandaag',
  },
  en: {
    channel_not_connected: 'this channel is not connected',
    no_email_address: 'the debtor has no email address',
    no_postal_address: 'the debtor has no postal address',
    included_in_letter: "the invoice is already in today's letter",
    fourteen_day_letter_missing: 'no 14-day letter was sent',
    below_agency_minimum: "the amount is below the agency's minimum",
    no_delivered_letter: 'no delivered letter on file',
    special_management: 'the debtor is under special management',
    dunning_stopped: 'the dunning was stopped',
    not_collecting: 'the invoice is no longer collected',
    not_in_policy: 'the step is not in the policy',
    invoice_missing: 'the invoice was not found',
    stale_execution: 'a newer dunning already runs',
    no_mobile_number: 'the debtor has no mobile number',
    sms_opted_out: 'the debtor wants no texts',
    included_in_text: "the invoice is already in today's text",
  },
};

export const TASK_KINDS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    call: 'de debiteur bellen',
    unreachable_by_email: 'de debiteur is per e-mail niet bereikbaar; bellen of per post',
    dunning_needs_attention: 'de aanmaning vraagt aandacht; oorzaak zoeken en opnieuw starten',
    limitation_warning: 'de vordering verjaart binnenkort; een stuitingsbrief sturen',
    resend_fourteen_day_letter: 'de veertiendagenbrief kwam te laat aan; een nieuwe sturen',
    broken_promise: 'de betaalbelofte is niet nagekomen; de debiteur aanspreken',
    unapplied_payment: 'een betaling met de hand toewijzen',
    refused_event: 'een geweigerd bericht in het facturatiesysteem corrigeren',
    overdue_dispute: 'een geschil ligt over zijn termijn; laten afhandelen',
    set_up_payment_plan: 'een betalingsregeling opzetten',
    broken_payment_plan: 'de betalingsregeling is niet nagekomen',
    payment_plan_needs_attention: 'de betalingsregeling vraagt aandacht',
    consider_special_management: 'bijzonder beheer overwegen',
    refresh_credit_report: 'het kredietrapport vernieuwen',
    file_insolvency_claim: 'de vordering indienen bij de curator of bewindvoerder',
    agency_hand_over_held: 'overdracht aan het incassobureau aangehouden (geen afgeleverde brief); beslissen',
    consider_write_off: 'afboeken overwegen',
    debtor_replied: 'de debiteur antwoordde per e-mail; het antwoord lezen en beantwoorden',
    unmatched_reply: 'een e-mail op het antwoordadres hoort bij geen brief; uitzoeken van wie',
    unreachable_by_sms: 'geen mobiel nummer voor de sms; op een andere manier bereiken',
  },
  en: {
    call: 'call the debtor',
    unreachable_by_email: 'the debtor cannot be reached by email; call or post',
    dunning_needs_attention: 'the dunning needs attention; find the cause and restart it',
    limitation_warning: 'the claim lapses soon; send an interruption letter',
    resend_fourteen_day_letter: 'the 14-day letter arrived too late; send a new one',
    broken_promise: 'the promise to pay was broken; follow it up with the debtor',
    unapplied_payment: 'assign a payment by hand',
    refused_event: 'correct a refused event in the invoicing system',
    overdue_dispute: 'a dispute is past its term; see that it is resolved',
    set_up_payment_plan: 'set up a payment plan',
    broken_payment_plan: 'the payment plan was broken',
    payment_plan_needs_attention: 'the payment plan needs attention',
    consider_special_management: 'consider special management',
    refresh_credit_report: 'refresh the credit report',
    file_insolvency_claim: 'file the claim with the trustee or administrator',
    agency_hand_over_held: 'hand-over to the collection agency held (no delivered letter); decide',
    consider_write_off: 'consider a write-off',
    debtor_replied: 'the debtor replied by email; read the reply and answer it',
    unmatched_reply: 'an email to the reply address matches no letter; find whose it is',
    unreachable_by_sms: 'no mobile number for the text; reach the debtor another way',
  },
};

export const PAUSED_FOR: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    promise: 'voor een betaalbelofte',
    hold: 'door een aanhouding',
    dispute: 'door een geschil',
    payment_plan: 'voor een betalingsregeling',
    special_management: 'door bijzonder beheer',
    plan_requested: 'terwijl een betalingsregeling wordt opgezet',
  },
  en: {
    promise: 'for a promise to pay',
    hold: 'by a hold',
    dispute: 'by a dispute',
    payment_plan: 'for a payment plan',
    special_management: 'by special management',
    plan_requested: 'while a payment plan is set up',
  },
};

export const DISPUTE_CAUSES: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    price: 'de prijs wijkt af van de afgesproken prijs',
    quantity: 'minder geleverd dan gefactureerd',
    quality: 'de goederen of het werk zijn niet zoals afgesproken',
    not_delivered: 'er is niets geleverd',
    not_ordered: 'de debiteur heeft het niet besteld',
    duplicate_invoice: 'dubbel gefactureerd',
    wrong_debtor: 'aan het verkeerde bedrijf of de verkeerde persoon gefactureerd',
    other: 'een andere reden, in de notitie',
  },
  en: {
    price: 'the price differs from the one agreed',
    quantity: 'fewer goods delivered than invoiced',
    quality: 'the goods or the work are not as agreed',
    not_delivered: 'nothing was delivered',
    not_ordered: 'the debtor did not order it',
    duplicate_invoice: 'invoiced twice',
    wrong_debtor: 'invoiced to the wrong company or person',
    other: 'another reason, told in the note',
  },
};

export const SPECIAL_REASONS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    financial_trouble: 'financiële problemen',
    bankruptcy: 'faillissement',
    debt_relief: 'schuldsanering',
    no_recourse: 'geen verhaal',
    other: 'andere reden',
  },
  en: {
    financial_trouble: 'financial trouble',
    bankruptcy: 'bankruptcy',
    debt_relief: 'debt relief',
    no_recourse: 'no recourse',
    other: 'another reason',
  },
};

export const AGENCY_RESULTS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: { paid: 'betaald', settled: 'geschikt', uncollectable: 'oninbaar' },
  en: { paid: 'paid', settled: 'settled', uncollectable: 'uncollectable' },
};
