import { asking, either, telling } from './built-in-layout';
import type { LanguageTexts, LetterTemplateId } from './letter-template';

/** "binnen 14 dagen na ontvangst van deze brief, uiterlijk op 3 maart 2026", or `otherwise` without a date. */
const byWhen = (otherwise: string) =>
  either(
    'payBy',
    '{{#termDays}}binnen {{termDays}} dagen na ontvangst van deze brief, {{/termDays}}uiterlijk op {{payBy}}',
    otherwise,
  );

const AGENCY = either('agency', '{{agency}}', 'een incassobureau');
const COSTS_MAY_FOLLOW = 'De kosten daarvan kunnen voor uw rekening komen.';

/** What follows a final notice: the hand-over on its day, to the agency by name where configured. */
const HAND_OVER = either(
  'settlementOffered',
  `Blijft betaling uit, dan dragen wij de vordering {{#handOverDate}}op {{handOverDate}} {{/handOverDate}}over aan ${AGENCY}. ${COSTS_MAY_FOLLOW}`,
  either(
    'payBy',
    either(
      'handOverDate',
      `Hebben wij het openstaande bedrag van {{total}} niet uiterlijk op {{payBy}} ontvangen, dan dragen wij de vordering op {{handOverDate}} over aan ${AGENCY}. ${COSTS_MAY_FOLLOW}`,
      `Hebben wij het openstaande bedrag van {{total}} niet uiterlijk op {{payBy}} ontvangen, dan dragen wij de vordering over aan een incassobureau. ${COSTS_MAY_FOLLOW}`,
    ),
    `Ontvangen wij het openstaande bedrag van {{total}} niet op zeer korte termijn, dan dragen wij de vordering zonder nadere aankondiging over aan een incassobureau. ${COSTS_MAY_FOLLOW}`,
  ),
);

/** The Dutch letters as the system shipped them: version 1 of every template. */
export const DUTCH_TEXTS: Record<LetterTemplateId, LanguageTexts> = {
  'payment-reminder-friendly': {
    one: asking(
      'Herinnering: factuur {{invoiceNumber}} staat nog open',
      [
        'Wellicht is het aan uw aandacht ontsnapt, maar wij hebben de betaling van onderstaande factuur nog niet ontvangen.',
      ],
      [
        `Wilt u het openstaande bedrag van {{total}} ${byWhen('zo snel mogelijk')} betalen? Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.`,
        'Heeft u vragen over de factuur? Neem dan gerust contact met ons op, wij helpen u graag.',
      ],
    ),
    many: asking(
      'Herinnering: {{invoiceCount}} facturen staan nog open',
      [
        'Wellicht is het aan uw aandacht ontsnapt, maar wij hebben de betaling van onderstaande facturen nog niet ontvangen.',
      ],
      [
        `Wilt u het openstaande bedrag van {{total}} ${byWhen('zo snel mogelijk')} betalen? Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.`,
        'Heeft u vragen over de factuur? Neem dan gerust contact met ons op, wij helpen u graag.',
      ],
    ),
  },
  'payment-reminder-firm': {
    one: asking(
      'Betalingsherinnering: factuur {{invoiceNumber}} is vervallen',
      [
        'Wij hebben de betaling van onderstaande factuur nog niet ontvangen, terwijl de betalingstermijn inmiddels is verstreken.',
      ],
      [
        `Wij verzoeken u het openstaande bedrag van {{total}} ${byWhen('per omgaande')} te betalen.`,
        'Kunt u niet direct betalen, of klopt er iets niet aan de factuur? Neem dan vandaag nog contact met ons op, zodat wij samen een oplossing kunnen vinden.',
      ],
    ),
    many: asking(
      'Betalingsherinnering: {{invoiceCount}} facturen zijn vervallen',
      [
        'Wij hebben de betaling van onderstaande facturen nog niet ontvangen, terwijl de betalingstermijn inmiddels is verstreken.',
      ],
      [
        `Wij verzoeken u het openstaande bedrag van {{total}} ${byWhen('per omgaande')} te betalen.`,
        'Kunt u niet direct betalen, of klopt er iets niet aan de factuur? Neem dan vandaag nog contact met ons op, zodat wij samen een oplossing kunnen vinden.',
      ],
    ),
  },
  'payment-reminder-formal': {
    one: asking(
      'Aanmaning: factuur {{invoiceNumber}}',
      [
        'Ondanks onze eerdere herinneringen hebben wij de betaling van onderstaande factuur nog altijd niet ontvangen.',
      ],
      [
        `Wij sommeren u het openstaande bedrag van {{total}} ${byWhen('per omgaande')} te voldoen.`,
        'Blijft betaling uit, dan zijn wij genoodzaakt verdere stappen te nemen. De kosten daarvan kunnen voor uw rekening komen.',
      ],
    ),
    many: asking(
      'Aanmaning: {{invoiceCount}} facturen',
      [
        'Ondanks onze eerdere herinneringen hebben wij de betaling van onderstaande facturen nog altijd niet ontvangen.',
      ],
      [
        `Wij sommeren u het openstaande bedrag van {{total}} ${byWhen('per omgaande')} te voldoen.`,
        'Blijft betaling uit, dan zijn wij genoodzaakt verdere stappen te nemen. De kosten daarvan kunnen voor uw rekening komen.',
      ],
    ),
  },
  'payment-reminder-final': {
    one: asking(
      'Laatste aanmaning vóór incasso: factuur {{invoiceNumber}}',
      [
        'Dit is onze laatste aanmaning. Ondanks herhaalde verzoeken is onderstaande factuur nog altijd niet betaald.',
      ],
      [HAND_OVER, 'Dit is uw laatste gelegenheid om de zaak zonder tussenkomst van derden af te handelen.'],
    ),
    many: asking(
      'Laatste aanmaning vóór incasso: {{invoiceCount}} facturen',
      [
        'Dit is onze laatste aanmaning. Ondanks herhaalde verzoeken zijn onderstaande facturen nog altijd niet betaald.',
      ],
      [HAND_OVER, 'Dit is uw laatste gelegenheid om de zaak zonder tussenkomst van derden af te handelen.'],
    ),
  },
  'fourteen-day-letter': {
    one: asking(
      'Aanmaning: betaal factuur {{invoiceNumber}} binnen 14 dagen zonder extra kosten',
      [
        'Ondanks onze eerdere herinneringen hebben wij de betaling van onderstaande factuur nog niet ontvangen.',
      ],
      [
        'U kunt het openstaande bedrag van {{total}} nog zonder extra kosten betalen {{fourteenDayTerm}}. Betaal daarom uiterlijk op {{termEndsOn}}.',
        '{{consequence}} van {{costs}} (artikel 6:96 Burgerlijk Wetboek), en dragen wij de vordering over aan een incassobureau.',
        'Kunt u niet in één keer betalen? Neem dan contact met ons op, dan bespreken wij graag een betalingsregeling.',
      ],
    ),
    many: asking(
      'Aanmaning: betaal {{invoiceCount}} facturen binnen 14 dagen zonder extra kosten',
      [
        'Ondanks onze eerdere herinneringen hebben wij de betaling van onderstaande facturen nog niet ontvangen.',
      ],
      [
        'U kunt het openstaande bedrag van {{total}} nog zonder extra kosten betalen {{fourteenDayTerm}}. Betaal daarom uiterlijk op {{termEndsOn}}.',
        '{{consequence}} van {{costs}} (artikel 6:96 Burgerlijk Wetboek), en dragen wij de vordering over aan een incassobureau.',
        'Kunt u niet in één keer betalen? Neem dan contact met ons op, dan bespreken wij graag een betalingsregeling.',
      ],
    ),
  },
  'collection-agency-handover': {
    one: telling(
      'Overgedragen aan een incassobureau: factuur {{invoiceNumber}}',
      [
        'Ondanks onze herinneringen en onze laatste aanmaning hebben wij de betaling van onderstaande factuur niet ontvangen. Wij hebben de vordering van {{total}} daarom uit handen gegeven aan een incassobureau.',
      ],
      [
        'Het incassobureau neemt binnenkort contact met u op. Vanaf nu verloopt alle contact over deze vordering via het incassobureau. De kosten van de incasso kunnen voor uw rekening komen.',
      ],
    ),
    many: telling(
      'Overgedragen aan een incassobureau: {{invoiceCount}} facturen',
      [
        'Ondanks onze herinneringen en onze laatste aanmaning hebben wij de betaling van onderstaande facturen niet ontvangen. Wij hebben de vordering van {{total}} daarom uit handen gegeven aan een incassobureau.',
      ],
      [
        'Het incassobureau neemt binnenkort contact met u op. Vanaf nu verloopt alle contact over deze vordering via het incassobureau. De kosten van de incasso kunnen voor uw rekening komen.',
      ],
    ),
  },
  'interruption-letter': {
    one: telling(
      'Stuiting van de verjaring: factuur {{invoiceNumber}}',
      ['Volgens onze administratie is onderstaande factuur nog niet betaald. Er staat {{total}} open.'],
      [
        'Wij behouden ons hierbij uitdrukkelijk ons recht op nakoming voor. Met deze brief stuiten wij de verjaring van onze vordering (artikel 3:317 Burgerlijk Wetboek): de verjaringstermijn begint opnieuw te lopen.',
        'Wij verzoeken u het openstaande bedrag alsnog te betalen. Heeft u vragen, of kunt u niet in één keer betalen? Neem dan contact met ons op.',
      ],
    ),
    many: telling(
      'Stuiting van de verjaring: {{invoiceCount}} facturen',
      ['Volgens onze administratie zijn onderstaande facturen nog niet betaald. Er staat {{total}} open.'],
      [
        'Wij behouden ons hierbij uitdrukkelijk ons recht op nakoming voor. Met deze brief stuiten wij de verjaring van onze vordering (artikel 3:317 Burgerlijk Wetboek): de verjaringstermijn begint opnieuw te lopen.',
        'Wij verzoeken u het openstaande bedrag alsnog te betalen. Heeft u vragen, of kunt u niet in één keer betalen? Neem dan contact met ons op.',
      ],
    ),
  },
};
