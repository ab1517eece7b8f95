import { formatCalendarDate } from '../letter-document';

/** Every word the debtor's page, its result and error pages and the confirmation email say. */
export interface PageWording {
  locale: string;
  title: string;
  greeting: (name: string) => string;
  intro: string;
  openInvoices: string;
  nothingOpen: string;
  invoice: string;
  dueDate: string;
  amount: string;
  daysOverdue: string;
  total: string;
  reference: string;
  payByTransfer: (iban: string, name: string) => string;
  qrAlt: (number: string) => string;
  scanQr: string;
  payNow: string;
  download: (number: string) => string;
  disputedPart: (amount: string) => string;
  paused: Record<string, string>;
  promisedOn: (date: string) => string;
  statement: string;
  statementCsv: string;
  whatToDo: string;
  promiseHeading: string;
  promiseHelp: (latest: string) => string;
  promiseMoveHelp: string;
  promiseDate: string;
  disputeHeading: string;
  disputeHelp: string;
  cause: string;
  explanation: string;
  disputeAmount: string;
  disputeAmountHelp: string;
  planHeading: string;
  planHelp: (startsAtOnce: boolean) => string;
  instalments: string;
  noPlan: string;
  callBackHeading: string;
  callBackHelp: string;
  phone: string;
  preferredTime: string;
  preferredTimeHelp: string;
  chooseInvoice: string;
  send: Record<'pay' | 'promise' | 'dispute' | 'plan' | 'call_back', string>;
  payHeading: string;
  payHelp: string;
  payInvoices: string;
  payAmount: string;
  payAmountHelp: (minimum: string | undefined) => string;
  /** Shown on return from the provider's checkout, instead of an email confirmation. */
  paymentNote: string;
  /** What follows a payment, by what the provider said of it on the debtor's return. */
  paymentNotes: Record<'payment_paid' | 'payment_open' | 'payment_canceled' | 'payment_failed', string>;
  /** The heading of a payment that was not made (canceled, failed). */
  notPaid: string;
  notDone: string;
  fieldNames: Record<string, string>;
  causes: Record<string, string>;
  done: string;
  outcomes: Record<string, (values: Record<string, string>) => string>;
  pending: string;
  emailConfirmed: string;
  back: string;
  errors: Record<
    'invalid' | 'expired' | 'rate_limited' | 'forged' | 'not_found',
    { title: string; text: string }
  >;
  contact: (creditor: string) => string;
  emailSubject: string;
  /** The subject of the email that confirms a payment made through the page. */
  paymentEmailSubject: string;
  emailIntro: (name: string) => string;
  statementTitle: string;
  asOf: (date: string) => string;
  print: string;
}

const NL: PageWording = {
  locale: 'nl-NL',
  title: 'Uw openstaande facturen',
  greeting: (name) => `Welkom, ${name}`,
  intro:
    'Op deze pagina ziet u wat er bij ons openstaat. U kunt direct betalen, een betaaldatum toezeggen, een factuur betwisten, een betalingsregeling vragen of laten weten dat wij u terugbellen.',
  openInvoices: 'Openstaande facturen',
  nothingOpen: 'Er staat niets open. Dank u wel!',
  invoice: 'Factuur',
  dueDate: 'Vervaldatum',
  amount: 'Open bedrag',
  daysOverdue: 'Dagen te laat',
  total: 'Totaal',
  reference: 'Betalingskenmerk',
  payByTransfer: (iban, name) =>
    `Maak het bedrag over naar ${iban} ten name van ${name}, met het betalingskenmerk.`,
  qrAlt: (number) => `QR-code om factuur ${number} te betalen met uw bankapp`,
  scanQr: 'Scan de QR-code met uw bankapp.',
  payNow: 'Nu betalen',
  download: (number) => `Factuur ${number} downloaden (PDF)`,
  disputedPart: (amount) => `${amount} is betwist en staat apart.`,
  paused: {
    promise: 'U heeft een betaaldatum toegezegd.',
    dispute: 'Wij bekijken uw bezwaar.',
    payment_plan: 'Valt onder uw betalingsregeling.',
    plan_requested: 'Uw verzoek om een regeling is in behandeling.',
    hold: 'Herinneringen staan even stil.',
  },
  promisedOn: (date) => `Toegezegd te betalen op ${date}.`,
  statement: 'Overzicht van openstaande posten',
  statementCsv: 'Overzicht als CSV (spreadsheet)',
  whatToDo: 'Wat wilt u doen?',
  promiseHeading: 'Ik betaal op…',
  promiseHelp: (latest) =>
    `Kies een datum, uiterlijk ${latest}. Tot die datum sturen wij geen herinneringen.`,
  promiseMoveHelp: 'Heeft u al een datum toegezegd, dan kunt u die hier één keer verzetten.',
  promiseDate: 'Ik betaal op',
  disputeHeading: 'Ik ben het niet eens met deze factuur',
  disputeHelp:
    'Vertel ons wat er niet klopt. Zolang wij het bekijken, sturen wij voor het betwiste bedrag geen herinneringen.',
  cause: 'Reden',
  explanation: 'Korte toelichting',
  disputeAmount: 'Betwist bedrag (optioneel)',
  disputeAmountHelp: 'Laat leeg als u de hele factuur betwist. Bijvoorbeeld: 80,50',
  planHeading: 'Ik wil een betalingsregeling',
  planHelp: (startsAtOnce) =>
    startsAtOnce
      ? 'Kies het aantal maandelijkse termijnen. De regeling gaat direct in; u ontvangt het schema per e-mail.'
      : 'Kies het aantal maandelijkse termijnen. Wij nemen uw verzoek in behandeling en bevestigen de regeling.',
  instalments: 'Aantal termijnen',
  noPlan: 'Voor dit bedrag is een regeling via deze pagina niet mogelijk. Vraag ons om terug te bellen.',
  callBackHeading: 'Bel mij terug',
  callBackHelp: 'Laat uw nummer achter; wij bellen u zo snel mogelijk.',
  phone: 'Telefoonnummer',
  preferredTime: 'Wanneer schikt het?',
  preferredTimeHelp: 'Bijvoorbeeld: dinsdagochtend',
  chooseInvoice: 'Factuur',
  payHeading: 'Nu betalen',
  payHelp:
    'Betaal online met iDEAL of een andere methode bij onze betaalprovider. Daarna komt u terug op deze pagina.',
  payInvoices: 'Te betalen facturen',
  payAmount: 'Bedrag (optioneel)',
  payAmountHelp: (minimum) =>
    minimum
      ? `Laat leeg om alles te betalen wat u koos, of betaal een deel van minstens ${minimum}.`
      : 'U betaalt het hele bedrag van de gekozen facturen.',
  paymentNote:
    'Een betaling staat op deze pagina zodra zij is verwerkt. Hebt u de betaling niet afgerond, dan kunt u hieronder opnieuw beginnen.',
  paymentNotes: {
    payment_paid:
      'Zodra de betaling is geboekt, staat zij op deze pagina en ontvangt u een bevestiging per e-mail.',
    payment_open:
      'Zodra de betaling binnen is, staat zij op deze pagina en ontvangt u een bevestiging per e-mail. Hebt u de betaling niet afgerond, dan kunt u hieronder opnieuw beginnen.',
    payment_canceled: 'U kunt hieronder opnieuw betalen, of het bedrag overmaken met het betalingskenmerk.',
    payment_failed: 'U kunt hieronder opnieuw betalen, of het bedrag overmaken met het betalingskenmerk.',
  },
  notPaid: 'Niet betaald',
  send: {
    pay: 'Verder naar betalen',
    promise: 'Betaaldatum doorgeven',
    dispute: 'Bezwaar versturen',
    plan: 'Regeling aanvragen',
    call_back: 'Terugbelverzoek versturen',
  },
  notDone: 'Dit is niet vastgelegd. Controleer het volgende:',
  fieldNames: {
    invoiceId: 'Factuur',
    invoiceIds: 'Facturen',
    promisedDate: 'Datum',
    cause: 'Reden',
    explanation: 'Toelichting',
    amount: 'Bedrag',
    instalments: 'Termijnen',
    phone: 'Telefoonnummer',
    preferredTime: 'Tijdstip',
  },
  causes: {
    price: 'De prijs wijkt af van wat is afgesproken',
    quantity: 'Er is minder geleverd dan gefactureerd',
    quality: 'De levering of het werk is niet zoals afgesproken',
    not_delivered: 'Er is niets geleverd',
    not_ordered: 'Ik heb dit niet besteld',
    duplicate_invoice: 'Dubbel gefactureerd',
    wrong_debtor: 'Gefactureerd aan de verkeerde persoon of organisatie',
    other: 'Een andere reden (in de toelichting)',
  },
  done: 'Gelukt',
  outcomes: {
    promise_taken: (v) => `Dank u. Wij noteren dat u factuur ${v.invoice} op ${v.date} betaalt.`,
    promise_moved: (v) => `Dank u. Uw toezegging voor factuur ${v.invoice} is verzet naar ${v.date}.`,
    dispute_raised: (v) =>
      `Wij hebben uw bezwaar tegen factuur ${v.invoice} ontvangen en nemen contact met u op.`,
    dispute_partial: (v) =>
      `Wij hebben uw bezwaar tegen ${v.amount} van factuur ${v.invoice} ontvangen. Het overige bedrag blijft verschuldigd.`,
    plan_started: (v) =>
      `Uw betalingsregeling in ${v.instalments} termijnen gaat direct in (kenmerk ${v.reference}). Het schema staat in uw e-mail.`,
    plan_requested: (v) =>
      `Wij hebben uw verzoek om een regeling in ${v.instalments} termijnen ontvangen. Wij nemen contact met u op.`,
    call_back: (v) => `Wij bellen u terug op ${v.phone} (${v.time}).`,
    payment_started: (v) =>
      `Dank u. Uw betaling van ${v.amount} voor factuur ${v.invoices} is ontvangen of wordt verwerkt.`,
    payment_paid: (v) => `Dank u. Uw betaling van ${v.amount} voor factuur ${v.invoices} is ontvangen.`,
    payment_open: (v) =>
      `Uw betaling van ${v.amount} voor factuur ${v.invoices} is nog niet afgerond of wordt nog verwerkt.`,
    payment_canceled: (v) =>
      `U heeft de betaling van ${v.amount} voor factuur ${v.invoices} geannuleerd. Er is niets betaald.`,
    payment_failed: (v) =>
      `De betaling van ${v.amount} voor factuur ${v.invoices} is niet gelukt. Er is niets betaald.`,
    payment_received: (v) =>
      `Wij hebben uw betaling van ${v.amount} voor factuur ${v.invoices} ontvangen en geboekt. Dank u wel.`,
  },
  pending: 'Uw verzoek wordt verwerkt. Ververs deze pagina over een ogenblik.',
  emailConfirmed: 'U ontvangt ook een bevestiging per e-mail.',
  back: 'Terug naar uw overzicht',
  errors: {
    invalid: {
      title: 'Deze link werkt niet',
      text: 'De link is niet volledig of niet juist. Gebruik de link uit onze laatste e-mail, of neem contact met ons op.',
    },
    expired: {
      title: 'Deze link is verlopen',
      text: 'Om uw gegevens te beschermen werkt een link maar een beperkte tijd. Gebruik de link uit onze laatste e-mail, of neem contact met ons op.',
    },
    rate_limited: {
      title: 'Even geduld',
      text: 'Er zijn in korte tijd te veel verzoeken gedaan met deze link. Probeer het over een uur opnieuw.',
    },
    forged: {
      title: 'Dit formulier is verlopen',
      text: 'Open uw overzicht opnieuw en vul het formulier nog eens in.',
    },
    not_found: { title: 'Niet gevonden', text: 'Deze pagina bestaat niet.' },
  },
  contact: (creditor) => `Vragen? Neem contact op met ${creditor}.`,
  emailSubject: 'Bevestiging van uw verzoek',
  paymentEmailSubject: 'Bevestiging van uw betaling',
  emailIntro: (name) => `Beste ${name},`,
  statementTitle: 'Overzicht van openstaande posten',
  asOf: (date) => `Stand per ${date}`,
  print: 'Gebruik de afdrukfunctie van uw browser om dit overzicht te bewaren.',
};

const EN: PageWording = {
  locale: 'en-GB',
  title: 'Your open invoices',
  greeting: (name) => `Welcome, ${name}`,
  intro:
    'This page shows what is open with us. You can pay at once, tell us when you will pay, dispute an invoice, ask for a payment plan or ask us to call you back.',
  openInvoices: 'Open invoices',
  nothingOpen: 'Nothing is open. Thank you!',
  invoice: 'Invoice',
  dueDate: 'Due date',
  amount: 'Open amount',
  daysOverdue: 'Days overdue',
  total: 'Total',
  reference: 'Payment reference',
  payByTransfer: (iban, name) =>
    `Transfer the amount to ${iban} in the name of ${name}, with the payment reference.`,
  qrAlt: (number) => `QR code to pay invoice ${number} with your banking app`,
  scanQr: 'Scan the QR code with your banking app.',
  payNow: 'Pay now',
  download: (number) => `Download invoice ${number} (PDF)`,
  disputedPart: (amount) => `${amount} is disputed and set aside.`,
  paused: {
    promise: 'You told us when you will pay.',
    dispute: 'We are looking into your dispute.',
    payment_plan: 'Part of your payment plan.',
    plan_requested: 'Your request for a plan is being handled.',
    hold: 'Reminders are on hold for now.',
  },
  promisedOn: (date) => `Promised to pay on ${date}.`,
  statement: 'Statement of open items',
  statementCsv: 'Statement as CSV (spreadsheet)',
  whatToDo: 'What would you like to do?',
  promiseHeading: 'I will pay on…',
  promiseHelp: (latest) => `Choose a date, ${latest} at the latest. We send no reminders until then.`,
  promiseMoveHelp: 'If you already told us a date, you can move it here once.',
  promiseDate: 'I will pay on',
  disputeHeading: 'I dispute this invoice',
  disputeHelp: 'Tell us what is wrong. While we look into it, we send no reminders for the disputed amount.',
  cause: 'Reason',
  explanation: 'Short explanation',
  disputeAmount: 'Disputed amount (optional)',
  disputeAmountHelp: 'Leave empty to dispute the whole invoice. For example: 80.50',
  planHeading: 'I need a payment plan',
  planHelp: (startsAtOnce) =>
    startsAtOnce
      ? 'Choose the number of monthly instalments. The plan starts at once; you receive the schedule by email.'
      : 'Choose the number of monthly instalments. We will handle your request and confirm the plan.',
  instalments: 'Number of instalments',
  noPlan: 'A plan for this amount cannot be set up on this page. Ask us to call you back.',
  callBackHeading: 'Call me back',
  callBackHelp: 'Leave your number; we will call you as soon as we can.',
  phone: 'Phone number',
  preferredTime: 'When suits you?',
  preferredTimeHelp: 'For example: Tuesday morning',
  chooseInvoice: 'Invoice',
  payHeading: 'Pay now',
  payHelp:
    'Pay online with iDEAL or another method at our payment provider. You come back to this page afterwards.',
  payInvoices: 'Invoices to pay',
  payAmount: 'Amount (optional)',
  payAmountHelp: (minimum) =>
    minimum
      ? `Leave empty to pay everything chosen, or pay a part of at least ${minimum}.`
      : 'The whole amount of the chosen invoices is paid.',
  paymentNote:
    'A payment shows on this page once it is booked. If you did not finish paying, you can start again below.',
  paymentNotes: {
    payment_paid:
      'Once the payment is booked it shows on this page, and you receive a confirmation by email.',
    payment_open:
      'Once the payment is in it shows on this page, and you receive a confirmation by email. If you did not finish paying, you can start again below.',
    payment_canceled: 'You can pay again below, or transfer the amount with the payment reference.',
    payment_failed: 'You can pay again below, or transfer the amount with the payment reference.',
  },
  notPaid: 'Not paid',
  send: {
    pay: 'Continue to payment',
    promise: 'Send the date',
    dispute: 'Send the dispute',
    plan: 'Ask for the plan',
    call_back: 'Ask for a call back',
  },
  notDone: 'This was not recorded. Please check:',
  fieldNames: {
    invoiceId: 'Invoice',
    invoiceIds: 'Invoices',
    promisedDate: 'Date',
    cause: 'Reason',
    explanation: 'Explanation',
    amount: 'Amount',
    instalments: 'Instalments',
    phone: 'Phone number',
    preferredTime: 'Time',
  },
  causes: {},
  done: 'Done',
  outcomes: {
    promise_taken: (v) => `Thank you. We note that you will pay invoice ${v.invoice} on ${v.date}.`,
    promise_moved: (v) => `Thank you. Your promise for invoice ${v.invoice} is moved to ${v.date}.`,
    dispute_raised: (v) => `We received your dispute of invoice ${v.invoice} and will be in touch.`,
    dispute_partial: (v) =>
      `We received your dispute of ${v.amount} of invoice ${v.invoice}. The rest remains due.`,
    plan_started: (v) =>
      `Your payment plan in ${v.instalments} instalments starts at once (reference ${v.reference}). The schedule is in your email.`,
    plan_requested: (v) =>
      `We received your request for a plan in ${v.instalments} instalments and will be in touch.`,
    call_back: (v) => `We will call you back on ${v.phone} (${v.time}).`,
    payment_started: (v) =>
      `Thank you. Your payment of ${v.amount} for invoice ${v.invoices} is received or being processed.`,
    payment_paid: (v) => `Thank you. Your payment of ${v.amount} for invoice ${v.invoices} is received.`,
    payment_open: (v) =>
      `Your payment of ${v.amount} for invoice ${v.invoices} is not finished yet or still being processed.`,
    payment_canceled: (v) =>
      `You canceled the payment of ${v.amount} for invoice ${v.invoices}. Nothing was paid.`,
    payment_failed: (v) =>
      `The payment of ${v.amount} for invoice ${v.invoices} did not go through. Nothing was paid.`,
    payment_received: (v) =>
      `We received and booked your payment of ${v.amount} for invoice ${v.invoices}. Thank you.`,
  },
  pending: 'Your request is being processed. Refresh this page in a moment.',
  emailConfirmed: 'You will also receive a confirmation by email.',
  back: 'Back to your overview',
  errors: {
    invalid: {
      title: 'This link does not work',
      text: 'The link is incomplete or wrong. Use the link in our latest email, or contact us.',
    },
    expired: {
      title: 'This link has expired',
      text: 'To protect your data a link works for a limited time only. Use the link in our latest email, or contact us.',
    },
    rate_limited: {
      title: 'Please wait',
      text: 'Too many requests were made with this link in a short time. Please try again in an hour.',
    },
    forged: {
      title: 'This form has expired',
      text: 'Open your overview again and fill in the form once more.',
    },
    not_found: { title: 'Not found', text: 'This page does not exist.' },
  },
  contact: (creditor) => `Questions? Contact ${creditor}.`,
  emailSubject: 'Confirmation of your request',
  paymentEmailSubject: 'Confirmation of your payment',
  emailIntro: (name) => `Dear ${name},`,
  statementTitle: 'Statement of open items',
  asOf: (date) => `As of ${date}`,
  print: "Use your browser's print function to keep this statement.",
};

/** A result's values as the debtor reads them: dates written out in their language. */
export function readableValues(
  values: Record<string, string> | undefined,
  locale: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [
      name,
      /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, locale) : value,
    ]),
  );
}

export function pageWording(language: string): PageWording {
  return language === 'nl' ? NL : EN;
}
