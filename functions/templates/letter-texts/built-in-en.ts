import { asking, either, telling } from './built-in-layout';
import type { LanguageTexts, LetterTemplateId } from './letter-template';

/** "within 14 days of receiving this letter, by 3 March 2026 at the latest", or `otherwise` without a date. */
const byWhen = (otherwise: string) =>
  either(
    'payBy',
    '{{#termDays}}within {{termDays}} days of receiving this letter, {{/termDays}}by {{payBy}} at the latest',
    otherwise,
  );

const AGENCY = either('agency', '{{agency}}', 'a collection agency');
const COSTS_MAY_FOLLOW = 'The costs of collection may be charged to you.';

/** What follows a final notice: the hand-over on its day, to the agency by name where configured. */
const HAND_OVER = either(
  'settlementOffered',
  `If payment does not follow, we will hand the claim over to ${AGENCY}{{#handOverDate}} on {{handOverDate}}{{/handOverDate}}. ${COSTS_MAY_FOLLOW}`,
  either(
    'payBy',
    either(
      'handOverDate',
      `If we have not received the open amount of {{total}} by {{payBy}}, we will hand the claim over to ${AGENCY} on {{handOverDate}}. ${COSTS_MAY_FOLLOW}`,
      `If we have not received the open amount of {{total}} by {{payBy}}, we will hand the claim over to a collection agency. ${COSTS_MAY_FOLLOW}`,
    ),
    `Unless we receive the open amount of {{total}} very shortly, we will hand the claim over to a collection agency without further notice. ${COSTS_MAY_FOLLOW}`,
  ),
);

const FOURTEEN_DAY_CLOSING = [
  'You can still pay the open amount of {{total}} without extra costs {{fourteenDayTerm}}. Please pay by {{termEndsOn}} at the latest.',
  '{{consequence}} of {{costs}} in addition to the open amount (Article 6:96 of the Dutch Civil Code), and we will hand the claim over to a collection agency.',
  'If you cannot pay the full amount at once, please contact us to discuss a payment plan.',
];

const INTERRUPTION_CLOSING = [
  'We hereby expressly reserve our right to payment. This letter interrupts the limitation period of our claim (article 3:317 of the Dutch Civil Code): the period starts again.',
  'We ask you to pay the amount outstanding. If you have any questions, or cannot pay in one go, please contact us.',
];

/** The English letters as the system shipped them: version 1 of every template. */
export const ENGLISH_TEXTS: Record<LetterTemplateId, LanguageTexts> = {
  'payment-reminder-friendly': {
    one: asking(
      'Reminder: invoice {{invoiceNumber}} is still open',
      ['Perhaps it has escaped your attention, but we have not yet received payment of the invoice below.'],
      [
        `Would you please pay the open amount of {{total}} ${byWhen('as soon as possible')}? If you have paid in the meantime, please disregard this reminder.`,
        'Do you have a question about the invoice? Please get in touch, we are happy to help.',
      ],
    ),
    many: asking(
      'Reminder: {{invoiceCount}} invoices are still open',
      ['Perhaps it has escaped your attention, but we have not yet received payment of the invoices below.'],
      [
        `Would you please pay the open amount of {{total}} ${byWhen('as soon as possible')}? If you have paid in the meantime, please disregard this reminder.`,
        'Do you have a question about the invoice? Please get in touch, we are happy to help.',
      ],
    ),
  },
  'payment-reminder-firm': {
    one: asking(
      'Payment reminder: invoice {{invoiceNumber}} is overdue',
      ['We have not received payment of the invoice below, although the payment term has passed.'],
      [
        `We ask you to pay the open amount of {{total}} ${byWhen('without delay')}.`,
        'If you cannot pay at once, or if something is wrong with the invoice, please contact us today so that we can find a solution together.',
      ],
    ),
    many: asking(
      'Payment reminder: {{invoiceCount}} invoices are overdue',
      ['We have not received payment of the invoices below, although the payment term has passed.'],
      [
        `We ask you to pay the open amount of {{total}} ${byWhen('without delay')}.`,
        'If you cannot pay at once, or if something is wrong with the invoice, please contact us today so that we can find a solution together.',
      ],
    ),
  },
  'payment-reminder-formal': {
    one: asking(
      'Formal notice: invoice {{invoiceNumber}} unpaid',
      ['Despite our earlier reminders, we have still not received payment of the invoice below.'],
      [
        `We demand that you pay the open amount of {{total}} ${byWhen('without delay')}.`,
        'If payment is not made, we will have to take further steps. The costs of these may be charged to you.',
      ],
    ),
    many: asking(
      'Formal notice: {{invoiceCount}} invoices unpaid',
      ['Despite our earlier reminders, we have still not received payment of the invoices below.'],
      [
        `We demand that you pay the open amount of {{total}} ${byWhen('without delay')}.`,
        'If payment is not made, we will have to take further steps. The costs of these may be charged to you.',
      ],
    ),
  },
  'payment-reminder-final': {
    one: asking(
      'Final notice before collection: invoice {{invoiceNumber}}',
      ['This is our final notice. Despite repeated requests, the invoice below has still not been paid.'],
      [HAND_OVER, 'This is your last opportunity to settle the matter without a third party.'],
    ),
    many: asking(
      'Final notice before collection: {{invoiceCount}} invoices',
      ['This is our final notice. Despite repeated requests, the invoices below have still not been paid.'],
      [HAND_OVER, 'This is your last opportunity to settle the matter without a third party.'],
    ),
  },
  'fourteen-day-letter': {
    one: asking(
      'Formal notice: pay invoice {{invoiceNumber}} within 14 days without extra costs',
      ['Despite our earlier reminders, we have not received payment of the invoice below.'],
      FOURTEEN_DAY_CLOSING,
    ),
    many: asking(
      'Formal notice: pay {{invoiceCount}} invoices within 14 days without extra costs',
      ['Despite our earlier reminders, we have not received payment of the invoices below.'],
      FOURTEEN_DAY_CLOSING,
    ),
  },
  'collection-agency-handover': {
    one: telling(
      'Handed over to a collection agency: invoice {{invoiceNumber}}',
      [
        'Despite our reminders and our final notice, we have not received payment of the invoice below. We have therefore handed the claim of {{total}} over to a collection agency.',
      ],
      [
        'The collection agency will contact you shortly. From now on, all contact about this claim goes through the collection agency. The costs of collection may be charged to you.',
      ],
    ),
    many: telling(
      'Handed over to a collection agency: {{invoiceCount}} invoices',
      [
        'Despite our reminders and our final notice, we have not received payment of the invoices below. We have therefore handed the claim of {{total}} over to a collection agency.',
      ],
      [
        'The collection agency will contact you shortly. From now on, all contact about this claim goes through the collection agency. The costs of collection may be charged to you.',
      ],
    ),
  },
  'interruption-letter': {
    one: telling(
      'Interruption of the limitation period: invoice {{invoiceNumber}}',
      ['According to our records, the invoice below has not been paid. {{total}} is outstanding.'],
      INTERRUPTION_CLOSING,
    ),
    many: telling(
      'Interruption of the limitation period: {{invoiceCount}} invoices',
      ['According to our records, the invoices below have not been paid. {{total}} is outstanding.'],
      INTERRUPTION_CLOSING,
    ),
  },
};
