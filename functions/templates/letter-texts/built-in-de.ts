import { asking, either, telling } from './built-in-layout';
import type { LanguageTexts, LetterTemplateId } from './letter-template';

/** "innerhalb von 14 Tagen nach Erhalt dieses Schreibens, spätestens bis zum 3. März 2026", or `otherwise`. */
const byWhen = (otherwise: string) =>
  either(
    'payBy',
    '{{#termDays}}innerhalb von {{termDays}} Tagen nach Erhalt dieses Schreibens, {{/termDays}}spätestens bis zum {{payBy}}',
    otherwise,
  );

const AGENCY = either('agency', '{{agency}}', 'ein Inkassobüro');
const COSTS_MAY_FOLLOW = 'Die Kosten dafür können Ihnen in Rechnung gestellt werden.';

const HAND_OVER = either(
  'settlementOffered',
  `Bleibt die Zahlung aus, übergeben wir die Forderung {{#handOverDate}}am {{handOverDate}} {{/handOverDate}}an ${AGENCY}. ${COSTS_MAY_FOLLOW}`,
  either(
    'payBy',
    either(
      'handOverDate',
      `Haben wir den offenen Betrag von {{total}} nicht bis zum {{payBy}} erhalten, übergeben wir die Forderung am {{handOverDate}} an ${AGENCY}. ${COSTS_MAY_FOLLOW}`,
      `Haben wir den offenen Betrag von {{total}} nicht bis zum {{payBy}} erhalten, übergeben wir die Forderung an ein Inkassobüro. ${COSTS_MAY_FOLLOW}`,
    ),
    `Erhalten wir den offenen Betrag von {{total}} nicht umgehend, übergeben wir die Forderung ohne weitere Ankündigung an ein Inkassobüro. ${COSTS_MAY_FOLLOW}`,
  ),
);

const FRIENDLY_CLOSING = [
  `Bitte begleichen Sie den offenen Betrag von {{total}} ${byWhen('so bald wie möglich')}. Sollten Sie inzwischen bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.`,
  'Haben Sie Fragen zur Rechnung? Melden Sie sich gern bei uns, wir helfen Ihnen weiter.',
];
const FIRM_CLOSING = [
  `Wir bitten Sie, den offenen Betrag von {{total}} ${byWhen('unverzüglich')} zu bezahlen.`,
  'Wenn Sie nicht sofort zahlen können oder mit der Rechnung etwas nicht stimmt, setzen Sie sich bitte noch heute mit uns in Verbindung, damit wir gemeinsam eine Lösung finden.',
];
const FORMAL_CLOSING = [
  `Wir fordern Sie auf, den offenen Betrag von {{total}} ${byWhen('unverzüglich')} zu bezahlen.`,
  'Bleibt die Zahlung aus, sind wir gezwungen, weitere Schritte einzuleiten. Die dadurch entstehenden Kosten können Ihnen in Rechnung gestellt werden.',
];
const FINAL_CLOSING = [
  HAND_OVER,
  'Dies ist Ihre letzte Gelegenheit, die Angelegenheit ohne Einschaltung Dritter zu regeln.',
];
const FOURTEEN_DAY_CLOSING = [
  'Sie können den offenen Betrag von {{total}} noch ohne zusätzliche Kosten {{fourteenDayTerm}} bezahlen. Bitte zahlen Sie spätestens bis zum {{termEndsOn}}.',
  '{{consequence}} in Höhe von {{costs}} (Artikel 6:96 des niederländischen Bürgerlichen Gesetzbuchs), und wir übergeben die Forderung an ein Inkassobüro.',
  'Wenn Sie den Betrag nicht auf einmal zahlen können, wenden Sie sich bitte an uns, um eine Ratenzahlung zu vereinbaren.',
];
const HANDOVER_CLOSING = [
  'Das Inkassobüro wird sich in Kürze mit Ihnen in Verbindung setzen. Ab sofort läuft jeder Kontakt zu dieser Forderung über das Inkassobüro. Die Kosten des Inkassos können Ihnen in Rechnung gestellt werden.',
];
const INTERRUPTION_CLOSING = [
  'Wir behalten uns hiermit ausdrücklich unser Recht auf Zahlung vor. Dieses Schreiben unterbricht die Verjährung unserer Forderung (Artikel 3:317 des niederländischen Bürgerlichen Gesetzbuchs): Die Verjährungsfrist beginnt erneut zu laufen.',
  'Wir bitten Sie, den offenen Betrag zu bezahlen. Wenn Sie Fragen haben oder nicht auf einmal zahlen können, setzen Sie sich bitte mit uns in Verbindung.',
];

/** The German letters of version 1: the Dutch and English ones, in German. */
export const GERMAN_TEXTS: Record<LetterTemplateId, LanguageTexts> = {
  'payment-reminder-friendly': {
    one: asking(
      'Erinnerung: Rechnung {{invoiceNumber}} ist noch offen',
      [
        'Vielleicht ist es Ihrer Aufmerksamkeit entgangen, aber wir haben die Zahlung der unten aufgeführten Rechnung noch nicht erhalten.',
      ],
      FRIENDLY_CLOSING,
    ),
    many: asking(
      'Erinnerung: {{invoiceCount}} Rechnungen sind noch offen',
      [
        'Vielleicht ist es Ihrer Aufmerksamkeit entgangen, aber wir haben die Zahlung der unten aufgeführten Rechnungen noch nicht erhalten.',
      ],
      FRIENDLY_CLOSING,
    ),
  },
  'payment-reminder-firm': {
    one: asking(
      'Zahlungserinnerung: Rechnung {{invoiceNumber}} ist überfällig',
      [
        'Wir haben die Zahlung der unten aufgeführten Rechnung noch nicht erhalten, obwohl die Zahlungsfrist abgelaufen ist.',
      ],
      FIRM_CLOSING,
    ),
    many: asking(
      'Zahlungserinnerung: {{invoiceCount}} Rechnungen sind überfällig',
      [
        'Wir haben die Zahlung der unten aufgeführten Rechnungen noch nicht erhalten, obwohl die Zahlungsfrist abgelaufen ist.',
      ],
      FIRM_CLOSING,
    ),
  },
  'payment-reminder-formal': {
    one: asking(
      'Mahnung: Rechnung {{invoiceNumber}} unbezahlt',
      [
        'Trotz unserer bisherigen Erinnerungen haben wir die Zahlung der unten aufgeführten Rechnung noch immer nicht erhalten.',
      ],
      FORMAL_CLOSING,
    ),
    many: asking(
      'Mahnung: {{invoiceCount}} Rechnungen unbezahlt',
      [
        'Trotz unserer bisherigen Erinnerungen haben wir die Zahlung der unten aufgeführten Rechnungen noch immer nicht erhalten.',
      ],
      FORMAL_CLOSING,
    ),
  },
  'payment-reminder-final': {
    one: asking(
      'Letzte Mahnung vor dem Inkasso: Rechnung {{invoiceNumber}}',
      [
        'Dies ist unsere letzte Mahnung. Trotz wiederholter Aufforderungen ist die unten aufgeführte Rechnung noch immer nicht bezahlt.',
      ],
      FINAL_CLOSING,
    ),
    many: asking(
      'Letzte Mahnung vor dem Inkasso: {{invoiceCount}} Rechnungen',
      [
        'Dies ist unsere letzte Mahnung. Trotz wiederholter Aufforderungen sind die unten aufgeführten Rechnungen noch immer nicht bezahlt.',
      ],
      FINAL_CLOSING,
    ),
  },
  'fourteen-day-letter': {
    one: asking(
      'Mahnung: Zahlen Sie Rechnung {{invoiceNumber}} innerhalb von 14 Tagen ohne zusätzliche Kosten',
      [
        'Trotz unserer bisherigen Erinnerungen haben wir die Zahlung der unten aufgeführten Rechnung nicht erhalten.',
      ],
      FOURTEEN_DAY_CLOSING,
    ),
    many: asking(
      'Mahnung: Zahlen Sie {{invoiceCount}} Rechnungen innerhalb von 14 Tagen ohne zusätzliche Kosten',
      [
        'Trotz unserer bisherigen Erinnerungen haben wir die Zahlung der unten aufgeführten Rechnungen nicht erhalten.',
      ],
      FOURTEEN_DAY_CLOSING,
    ),
  },
  'collection-agency-handover': {
    one: telling(
      'An ein Inkassobüro übergeben: Rechnung {{invoiceNumber}}',
      [
        'Trotz unserer Erinnerungen und unserer letzten Mahnung haben wir die Zahlung der unten aufgeführten Rechnung nicht erhalten. Wir haben die Forderung von {{total}} daher einem Inkassobüro übergeben.',
      ],
      HANDOVER_CLOSING,
    ),
    many: telling(
      'An ein Inkassobüro übergeben: {{invoiceCount}} Rechnungen',
      [
        'Trotz unserer Erinnerungen und unserer letzten Mahnung haben wir die Zahlung der unten aufgeführten Rechnungen nicht erhalten. Wir haben die Forderung von {{total}} daher einem Inkassobüro übergeben.',
      ],
      HANDOVER_CLOSING,
    ),
  },
  'interruption-letter': {
    one: telling(
      'Unterbrechung der Verjährung: Rechnung {{invoiceNumber}}',
      [
        'Nach unseren Unterlagen ist die unten aufgeführte Rechnung noch nicht bezahlt. Offen sind {{total}}.',
      ],
      INTERRUPTION_CLOSING,
    ),
    many: telling(
      'Unterbrechung der Verjährung: {{invoiceCount}} Rechnungen',
      [
        'Nach unseren Unterlagen sind die unten aufgeführten Rechnungen noch nicht bezahlt. Offen sind {{total}}.',
      ],
      INTERRUPTION_CLOSING,
    ),
  },
};
