import { asking, either, telling } from './built-in-layout';
import type { LanguageTexts, LetterTemplateId } from './letter-template';

/** "dans un délai de 14 jours à compter de la réception de la présente lettre, au plus tard le 3 mars 2026", or `otherwise`. */
const byWhen = (otherwise: string) =>
  either(
    'payBy',
    '{{#termDays}}dans un délai de {{termDays}} jours à compter de la réception de la présente lettre, {{/termDays}}au plus tard le {{payBy}}',
    otherwise,
  );

const AGENCY = either('agency', '{{agency}}', 'une agence de recouvrement');
const COSTS_MAY_FOLLOW = 'Les frais de recouvrement pourront être mis à votre charge.';

const HAND_OVER = either(
  'settlementOffered',
  `À défaut de paiement, nous transmettrons la créance à ${AGENCY}{{#handOverDate}} le {{handOverDate}}{{/handOverDate}}. ${COSTS_MAY_FOLLOW}`,
  either(
    'payBy',
    either(
      'handOverDate',
      `Si nous n’avons pas reçu le montant dû de {{total}} au plus tard le {{payBy}}, nous transmettrons la créance à ${AGENCY} le {{handOverDate}}. ${COSTS_MAY_FOLLOW}`,
      `Si nous n’avons pas reçu le montant dû de {{total}} au plus tard le {{payBy}}, nous transmettrons la créance à une agence de recouvrement. ${COSTS_MAY_FOLLOW}`,
    ),
    `Si nous ne recevons pas très rapidement le montant dû de {{total}}, nous transmettrons la créance à une agence de recouvrement sans autre avis. ${COSTS_MAY_FOLLOW}`,
  ),
);

const FRIENDLY_CLOSING = [
  `Nous vous prions de bien vouloir régler le montant dû de {{total}} ${byWhen('dès que possible')}. Si vous avez effectué le paiement entre-temps, veuillez ne pas tenir compte de ce rappel.`,
  'Vous avez une question sur la facture ? N’hésitez pas à nous contacter, nous vous aiderons volontiers.',
];
const FIRM_CLOSING = [
  `Nous vous demandons de régler le montant dû de {{total}} ${byWhen('sans délai')}.`,
  'Si vous ne pouvez pas payer immédiatement, ou si la facture vous semble incorrecte, contactez-nous dès aujourd’hui afin que nous trouvions ensemble une solution.',
];
const FORMAL_CLOSING = [
  `Nous vous mettons en demeure de régler le montant dû de {{total}} ${byWhen('sans délai')}.`,
  'À défaut de paiement, nous serons contraints d’engager d’autres démarches, dont les frais pourront être mis à votre charge.',
];
const FINAL_CLOSING = [
  HAND_OVER,
  'C’est votre dernière occasion de régler cette affaire sans l’intervention d’un tiers.',
];
const FOURTEEN_DAY_CLOSING = [
  'Vous pouvez encore régler le montant dû de {{total}} sans frais supplémentaires {{fourteenDayTerm}}. Veuillez payer au plus tard le {{termEndsOn}}.',
  '{{consequence}} d’un montant de {{costs}} (article 6:96 du Code civil néerlandais), et nous transmettrons la créance à une agence de recouvrement.',
  'Si vous ne pouvez pas payer la totalité en une seule fois, contactez-nous pour convenir d’un échéancier.',
];
const HANDOVER_CLOSING = [
  'L’agence de recouvrement prendra prochainement contact avec vous. Désormais, tout contact concernant cette créance passe par l’agence de recouvrement. Les frais de recouvrement pourront être mis à votre charge.',
];
const INTERRUPTION_CLOSING = [
  'Par la présente, nous nous réservons expressément notre droit au paiement. Cette lettre interrompt la prescription de notre créance (article 3:317 du Code civil néerlandais) : un nouveau délai commence à courir.',
  'Nous vous prions de régler le montant dû. Pour toute question, ou si vous ne pouvez pas payer en une seule fois, veuillez nous contacter.',
];

/** The French letters of version 1: the Dutch and English ones, in French. */
export const FRENCH_TEXTS: Record<LetterTemplateId, LanguageTexts> = {
  'payment-reminder-friendly': {
    one: asking(
      'Rappel : la facture {{invoiceNumber}} est toujours impayée',
      ['Sauf erreur de notre part, nous n’avons pas encore reçu le paiement de la facture ci-dessous.'],
      FRIENDLY_CLOSING,
    ),
    many: asking(
      'Rappel : {{invoiceCount}} factures sont toujours impayées',
      ['Sauf erreur de notre part, nous n’avons pas encore reçu le paiement des factures ci-dessous.'],
      FRIENDLY_CLOSING,
    ),
  },
  'payment-reminder-firm': {
    one: asking(
      'Relance : la facture {{invoiceNumber}} est échue',
      [
        'Nous n’avons pas reçu le paiement de la facture ci-dessous, bien que le délai de paiement soit dépassé.',
      ],
      FIRM_CLOSING,
    ),
    many: asking(
      'Relance : {{invoiceCount}} factures sont échues',
      [
        'Nous n’avons pas reçu le paiement des factures ci-dessous, bien que le délai de paiement soit dépassé.',
      ],
      FIRM_CLOSING,
    ),
  },
  'payment-reminder-formal': {
    one: asking(
      'Mise en demeure : facture {{invoiceNumber}} impayée',
      ['Malgré nos précédents rappels, nous n’avons toujours pas reçu le paiement de la facture ci-dessous.'],
      FORMAL_CLOSING,
    ),
    many: asking(
      'Mise en demeure : {{invoiceCount}} factures impayées',
      ['Malgré nos précédents rappels, nous n’avons toujours pas reçu le paiement des factures ci-dessous.'],
      FORMAL_CLOSING,
    ),
  },
  'payment-reminder-final': {
    one: asking(
      'Dernier rappel avant recouvrement : facture {{invoiceNumber}}',
      [
        'Ceci est notre dernier rappel. Malgré nos demandes répétées, la facture ci-dessous n’est toujours pas réglée.',
      ],
      FINAL_CLOSING,
    ),
    many: asking(
      'Dernier rappel avant recouvrement : {{invoiceCount}} factures',
      [
        'Ceci est notre dernier rappel. Malgré nos demandes répétées, les factures ci-dessous ne sont toujours pas réglées.',
      ],
      FINAL_CLOSING,
    ),
  },
  'fourteen-day-letter': {
    one: asking(
      'Mise en demeure : payez la facture {{invoiceNumber}} sous 14 jours sans frais supplémentaires',
      ['Malgré nos précédents rappels, nous n’avons pas reçu le paiement de la facture ci-dessous.'],
      FOURTEEN_DAY_CLOSING,
    ),
    many: asking(
      'Mise en demeure : payez {{invoiceCount}} factures sous 14 jours sans frais supplémentaires',
      ['Malgré nos précédents rappels, nous n’avons pas reçu le paiement des factures ci-dessous.'],
      FOURTEEN_DAY_CLOSING,
    ),
  },
  'collection-agency-handover': {
    one: telling(
      'Transmis à une agence de recouvrement : facture {{invoiceNumber}}',
      [
        'Malgré nos rappels et notre dernier avis, nous n’avons pas reçu le paiement de la facture ci-dessous. Nous avons donc confié la créance de {{total}} à une agence de recouvrement.',
      ],
      HANDOVER_CLOSING,
    ),
    many: telling(
      'Transmis à une agence de recouvrement : {{invoiceCount}} factures',
      [
        'Malgré nos rappels et notre dernier avis, nous n’avons pas reçu le paiement des factures ci-dessous. Nous avons donc confié la créance de {{total}} à une agence de recouvrement.',
      ],
      HANDOVER_CLOSING,
    ),
  },
  'interruption-letter': {
    one: telling(
      'Interruption de la prescription : facture {{invoiceNumber}}',
      ['Selon nos registres, la facture ci-dessous n’a pas été réglée. Le montant dû s’élève à {{total}}.'],
      INTERRUPTION_CLOSING,
    ),
    many: telling(
      'Interruption de la prescription : {{invoiceCount}} factures',
      [
        'Selon nos registres, les factures ci-dessous n’ont pas été réglées. Le montant dû s’élève à {{total}}.',
      ],
      INTERRUPTION_CLOSING,
    ),
  },
};
