import type { CalendarDate } from '../calendar/calendar-date';
import { formatMoney, type Money } from '../money';
import type { FourteenDayLetterProblem } from './fourteen-day-letter';
import type { StatutoryInterestKind } from './statutory-rates';

/**
 * The plain-words explanation of a claim, in Dutch and English: debtors and credit controllers
 * read these lines, so each says what applies, from when, and which article says so.
 * Dates stay ISO (YYYY-MM-DD) in both languages so they match the claim's fields.
 */
export type ExplanationLanguage = 'nl' | 'en';

const COMPOUNDING_ARTICLE: Record<StatutoryInterestKind, string> = {
  commercial: 'art. 6:119a lid 3 BW',
  consumer: 'art. 6:119 lid 2 BW',
};

const BESLUIT = 'Besluit vergoeding voor buitengerechtelijke incassokosten';

export interface ClaimMessages {
  principal(open: Money): string;
  principalAfterPayments(invoiced: Money, paid: Money, open: Money): string;
  overpaid(excess: Money): string;
  interestNotCharged(): string;
  commercialInterestFrom(startsOn: CalendarDate, dueDate: CalendarDate): string;
  consumerNotInDefault(): string;
  consumerInterestFrom(receivedOn: CalendarDate, termEndsOn: CalendarDate, startsOn: CalendarDate): string;
  interestNotStarted(startsOn: CalendarDate, asOf: CalendarDate): string;
  dayCount(startsOn: CalendarDate, asOf: CalendarDate): string;
  period(
    from: CalendarDate,
    to: CalendarDate,
    days: number,
    ratePercent: number,
    base: Money,
    amount: Money,
  ): string;
  capitalised(kind: StatutoryInterestKind, on: CalendarDate, added: Money, newBase: Money): string;
  unverifiedRate(ratePercent: number, from: CalendarDate): string;
  rateFromEcb(ratePercent: number, ecbPercent: number, from: CalendarDate): string;
  paymentsLowerInterest(): string;
  costsNotCharged(): string;
  costsNotInEuros(currency: string): string;
  noFourteenDayLetter(): string;
  invalidFourteenDayLetter(sentOn: CalendarDate, problems: readonly FourteenDayLetterProblem[]): string;
  fourteenDayLetterNotReceived(sentOn: CalendarDate): string;
  fourteenDayTermRunning(
    receivedOn: CalendarDate,
    termEndsOn: CalendarDate,
    dueFrom: CalendarDate,
    stated: Money,
  ): string;
  termExtended(termLastDay: CalendarDate, termEndsOn: CalendarDate): string;
  paidWithinTerm(termEndsOn: CalendarDate): string;
  consumerCosts(
    amount: Money,
    base: Money,
    receivedOn: CalendarDate,
    termEndsOn: CalendarDate,
    dueFrom: CalendarDate,
  ): string;
  cappedAtStatedCosts(stated: Money): string;
  settledAsAsked(asked: Money, sentOn: CalendarDate, payBy: CalendarDate, offer: boolean): string;
  claimPartsPaid(costs: Money, interest: Money): string;
  sharedLetterCosts(
    sentOn: CalendarDate,
    invoices: number,
    costs: Money,
    combined: Money,
    share: Money,
    receivedOn: CalendarDate,
    termEndsOn: CalendarDate,
    dueFrom: CalendarDate,
  ): string;
  wikMinimum(minimum: Money): string;
  wikMaximum(maximum: Money): string;
  fixedCompensation(amount: Money, dueFrom: CalendarDate, dueDate: CalendarDate): string;
  fixedCompensationNotYetDue(amount: Money, dueFrom: CalendarDate): string;
  businessWikCosts(amount: Money, base: Money, dueFrom: CalendarDate): string;
  businessCostsNotYetDue(dueFrom: CalendarDate): string;
  paidOnTime(): string;
  vatAdded(vat: Money, ratePercent: number): string;
  noVatCreditorDeducts(): string;
  noVatOnFixedCompensation(): string;
  total(asOf: CalendarDate, total: Money): string;
  lapsesOn(lapsesOn: CalendarDate, years: number, article: string, runsFrom: CalendarDate): string;
  limitationRestarted(receivedOn: CalendarDate): string;
  lapsesSoon(daysLeft: number): string;
  lapsed(lapsesOn: CalendarDate): string;
  badDebtVat(reclaimableFrom: CalendarDate): string;
}

function percent(value: number, language: ExplanationLanguage): string {
  const text = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 4,
  }).format(value);
  return `${text}%`;
}

const PROBLEMS: Record<ExplanationLanguage, Record<FourteenDayLetterProblem, string>> = {
  en: {
    'sent-before-overdue': 'it was sent before the invoice was overdue',
    'term-shorter-than-14-days': 'it gives less than 14 days',
    'costs-not-stated': 'it does not state the amount of the costs',
    'pay-by-date-too-early':
      'the last day to pay it prints falls less than 14 days after the day after it was received; a new 14-day letter is needed',
  },
  nl: {
    'sent-before-overdue': 'hij is verstuurd voordat de factuur vervallen was',
    'term-shorter-than-14-days': 'hij geeft minder dan 14 dagen',
    'costs-not-stated': 'hij vermeldt de hoogte van de kosten niet',
    'pay-by-date-too-early':
      'de uiterste betaaldatum die erin staat valt minder dan 14 dagen na de dag na ontvangst; er is een nieuwe veertiendagenbrief nodig',
  },
};

const english: ClaimMessages = {
  principal: (open) => `Open principal: ${m(open, 'en')}.`,
  principalAfterPayments: (invoiced, paid, open) =>
    `Open principal: ${m(open, 'en')} (${m(invoiced, 'en')} invoiced, ${m(paid, 'en')} paid).`,
  overpaid: (excess) =>
    `Payments exceed the principal by ${m(excess, 'en')}; the excess is deducted from the total.`,
  interestNotCharged: () => 'No statutory interest is charged: the policy for this creditor says so.',
  commercialInterestFrom: (startsOn, dueDate) =>
    `Statutory commercial interest (art. 6:119a BW) runs from ${startsOn}, the day after the due date ${dueDate}, without a reminder.`,
  consumerNotInDefault: () =>
    'No statutory interest yet: a consumer owes statutory interest (art. 6:119 BW) only once in default, after the term of a written reminder that was received; no such reminder has been received.',
  consumerInterestFrom: (receivedOn, termEndsOn, startsOn) =>
    `Statutory consumer interest (art. 6:119 BW) runs from ${startsOn}: the written reminder received on ${receivedOn} gave until ${termEndsOn}, so the debtor is in default from ${startsOn}.`,
  interestNotStarted: (startsOn, asOf) =>
    `Interest starts on ${startsOn}, after ${asOf}: no interest is due yet.`,
  dayCount: (startsOn, asOf) =>
    `Day count: actual days / 365, also in leap years; ${startsOn} and ${asOf} both count. The interest is rounded half up to the cent once, on the total; the periods are shares of that total.`,
  period: (from, to, days, ratePercent, base, amount) =>
    `${from} to ${to}: ${days} days at ${percent(ratePercent, 'en')} on ${m(base, 'en')}: ${m(amount, 'en')}.`,
  capitalised: (kind, on, added, newBase) =>
    `On ${on} a full year had passed: the interest over that year (${m(added, 'en')}) was added to the amount, which became ${m(newBase, 'en')} (${COMPOUNDING_ARTICLE[kind]}).`,
  unverifiedRate: (ratePercent, from) =>
    `The rate of ${percent(ratePercent, 'en')} from ${from} has not yet been verified against the published rate.`,
  rateFromEcb: (ratePercent, ecbPercent, from) =>
    `The commercial rate of ${percent(ratePercent, 'en')} from ${from} is the ECB main refinancing rate of ${percent(ecbPercent, 'en')} on that day plus 8 points (art. 6:120 lid 2 BW).`,
  paymentsLowerInterest: () => 'Payments lower the amount interest runs on from the day they were received.',
  costsNotCharged: () => 'No collection costs are charged: the policy for this creditor says so.',
  costsNotInEuros: (currency) =>
    `No collection costs: the statutory amounts are in euros and this invoice is in ${currency}.`,
  noFourteenDayLetter: () =>
    'Collection costs not yet due: no 14-day letter (art. 6:96 lid 6 BW) has been sent.',
  invalidFourteenDayLetter: (sentOn, problems) =>
    `Collection costs not yet due: the 14-day letter sent on ${sentOn} does not count because ${problems.map((p) => PROBLEMS.en[p]).join(' and ')}.`,
  fourteenDayLetterNotReceived: (sentOn) =>
    `Collection costs not yet due: there is no proof that the 14-day letter sent on ${sentOn} was received.`,
  fourteenDayTermRunning: (receivedOn, termEndsOn, dueFrom, stated) =>
    `Collection costs not yet due: the 14-day letter was received on ${receivedOn}, the term ends on ${termEndsOn}. If the principal is not paid by then, costs of up to ${m(stated, 'en')} are due from ${dueFrom}.`,
  termExtended: (termLastDay, termEndsOn) =>
    `The term would end on ${termLastDay}, a Saturday, Sunday or public holiday, so it runs on to ${termEndsOn} (art. 1 Algemene termijnenwet).`,
  paidWithinTerm: (termEndsOn) =>
    `No collection costs: the principal was paid within the term of the 14-day letter, which ended on ${termEndsOn}.`,
  consumerCosts: (amount, base, receivedOn, termEndsOn, dueFrom) =>
    `Collection costs of ${m(amount, 'en')} under the WIK scale (art. 6:96 BW; ${BESLUIT}, art. 2) over the principal of ${m(base, 'en')} still open when the term ended; due from ${dueFrom}: the 14-day letter was received on ${receivedOn} and the term ended on ${termEndsOn}.`,
  cappedAtStatedCosts: (stated) =>
    `Costs and any VAT on them are limited to ${m(stated, 'en')}, the amount the 14-day letter states.`,
  claimPartsPaid: (costs, interest) =>
    `Payments went to the costs and interest first (art. 6:44 BW): ${m(costs, 'en')} to costs and ${m(interest, 'en')} to interest, deducted from those in the total.`,
  settledAsAsked: (asked, sentOn, payBy, offer) =>
    `Settled: the letter of ${sentOn} asked ${m(asked, 'en')} by ${payBy}${offer ? ', waiving interest and costs' : ''}, and that was paid in time; no further interest or costs are claimed.`,
  sharedLetterCosts: (sentOn, invoices, costs, combined, share, receivedOn, termEndsOn, dueFrom) =>
    `The 14-day letter of ${sentOn} lists ${invoices} invoices and states one amount of costs over them: collection costs of ${m(costs, 'en')} under the WIK scale (art. 6:96 BW; ${BESLUIT}, art. 2) over their combined principal of ${m(combined, 'en')} still open when the term ended, shared in proportion; this invoice's share is ${m(share, 'en')}, due from ${dueFrom}: the letter was received on ${receivedOn} and the term ended on ${termEndsOn}.`,
  wikMinimum: (minimum) => `The minimum of ${m(minimum, 'en')} applies.`,
  wikMaximum: (maximum) => `The maximum of ${m(maximum, 'en')} applies.`,
  fixedCompensation: (amount, dueFrom, dueDate) =>
    `Fixed compensation of ${m(amount, 'en')} for this invoice (art. 6:96 lid 4 BW; Directive 2011/7/EU, art. 6), due from ${dueFrom}, the day after the due date ${dueDate}, without a reminder.`,
  fixedCompensationNotYetDue: (amount, dueFrom) =>
    `Fixed compensation not yet due: ${m(amount, 'en')} becomes due on ${dueFrom}, the day after the due date.`,
  businessWikCosts: (amount, base, dueFrom) =>
    `Collection costs of ${m(amount, 'en')} under the WIK scale (${BESLUIT}, art. 2) over the principal of ${m(base, 'en')}, as the terms agreed with this business debtor allow (art. 6:96 lid 5 BW); due from ${dueFrom}, the day after the due date.`,
  businessCostsNotYetDue: (dueFrom) =>
    `Collection costs not yet due: they become due on ${dueFrom}, the day after the due date.`,
  paidOnTime: () => 'No collection costs: the principal was paid by the due date.',
  vatAdded: (vat, ratePercent) =>
    `VAT of ${m(vat, 'en')} (${percent(ratePercent, 'en')}) is added to the costs because the creditor cannot deduct it (${BESLUIT}, art. 2 lid 3).`,
  noVatCreditorDeducts: () => 'No VAT on the costs: the creditor can deduct VAT.',
  noVatOnFixedCompensation: () =>
    'No VAT on the fixed compensation: it is a fixed sum set by law, not a charge for collection work.',
  total: (asOf, total) => `Total claimed as of ${asOf}: ${m(total, 'en')}.`,
  lapsesOn: (lapsesOn, years, article, runsFrom) =>
    `The claim lapses on ${lapsesOn}: ${years} years (${article}) counted from ${runsFrom}.`,
  limitationRestarted: (receivedOn) =>
    `The written reminder received on ${receivedOn} restarted that period (art. 3:317 and 3:319 BW).`,
  lapsesSoon: (daysLeft) =>
    `It lapses in ${daysLeft} days: a written reminder before then restarts the period, so a task is raised.`,
  lapsed: (lapsesOn) =>
    `The claim lapsed on ${lapsesOn}: if the debtor invokes this, payment can no longer be enforced (art. 3:307 BW).`,
  badDebtVat: (reclaimableFrom) =>
    `The VAT on this invoice may be reclaimed as a bad debt from ${reclaimableFrom}, one year after the due date passed (art. 29 lid 2 Wet OB 1968); it must be paid back if the debtor pays later.`,
};

const dutch: ClaimMessages = {
  principal: (open) => `Openstaande hoofdsom: ${m(open, 'nl')}.`,
  principalAfterPayments: (invoiced, paid, open) =>
    `Openstaande hoofdsom: ${m(open, 'nl')} (${m(invoiced, 'nl')} gefactureerd, ${m(paid, 'nl')} betaald).`,
  overpaid: (excess) =>
    `Er is ${m(excess, 'nl')} meer betaald dan de hoofdsom; dat bedrag gaat van het totaal af.`,
  interestNotCharged: () => 'Er wordt geen wettelijke rente berekend: zo is het beleid van deze schuldeiser.',
  commercialInterestFrom: (startsOn, dueDate) =>
    `De wettelijke handelsrente (art. 6:119a BW) loopt vanaf ${startsOn}, de dag na de vervaldatum ${dueDate}, zonder dat een aanmaning nodig is.`,
  consumerNotInDefault: () =>
    'Nog geen wettelijke rente: een consument is wettelijke rente (art. 6:119 BW) pas verschuldigd als hij in verzuim is, na afloop van de termijn in een ontvangen schriftelijke aanmaning; zo’n aanmaning is nog niet ontvangen.',
  consumerInterestFrom: (receivedOn, termEndsOn, startsOn) =>
    `De wettelijke rente (art. 6:119 BW) loopt vanaf ${startsOn}: de schriftelijke aanmaning die op ${receivedOn} is ontvangen gaf tot en met ${termEndsOn}, dus de schuldenaar is vanaf ${startsOn} in verzuim.`,
  interestNotStarted: (startsOn, asOf) =>
    `De rente gaat in op ${startsOn}, na ${asOf}: er is nog geen rente verschuldigd.`,
  dayCount: (startsOn, asOf) =>
    `Dagtelling: werkelijke dagen / 365, ook in schrikkeljaren; ${startsOn} en ${asOf} tellen allebei mee. De rente wordt één keer op hele centen afgerond (half naar boven), over het totaal; de perioden zijn delen van dat totaal.`,
  period: (from, to, days, ratePercent, base, amount) =>
    `${from} t/m ${to}: ${days} dagen tegen ${percent(ratePercent, 'nl')} over ${m(base, 'nl')}: ${m(amount, 'nl')}.`,
  capitalised: (kind, on, added, newBase) =>
    `Op ${on} was een vol jaar verstreken: de rente over dat jaar (${m(added, 'nl')}) is bij het bedrag opgeteld, dat daardoor ${m(newBase, 'nl')} werd (${COMPOUNDING_ARTICLE[kind]}).`,
  unverifiedRate: (ratePercent, from) =>
    `Het percentage van ${percent(ratePercent, 'nl')} vanaf ${from} is nog niet gecontroleerd aan het gepubliceerde percentage.`,
  rateFromEcb: (ratePercent, ecbPercent, from) =>
    `De handelsrente van ${percent(ratePercent, 'nl')} vanaf ${from} is de basisherfinancieringsrente van de ECB van ${percent(ecbPercent, 'nl')} op die dag plus 8 procentpunten (art. 6:120 lid 2 BW).`,
  paymentsLowerInterest: () =>
    'Betalingen verlagen het bedrag waarover rente loopt vanaf de dag van ontvangst.',
  costsNotCharged: () => 'Er worden geen incassokosten berekend: zo is het beleid van deze schuldeiser.',
  costsNotInEuros: (currency) =>
    `Geen incassokosten: de wettelijke bedragen zijn in euro’s en deze factuur is in ${currency}.`,
  noFourteenDayLetter: () =>
    'Incassokosten nog niet verschuldigd: er is geen veertiendagenbrief (art. 6:96 lid 6 BW) verstuurd.',
  invalidFourteenDayLetter: (sentOn, problems) =>
    `Incassokosten nog niet verschuldigd: de veertiendagenbrief van ${sentOn} telt niet, want ${problems.map((p) => PROBLEMS.nl[p]).join(' en ')}.`,
  fourteenDayLetterNotReceived: (sentOn) =>
    `Incassokosten nog niet verschuldigd: er is geen bewijs dat de veertiendagenbrief van ${sentOn} is ontvangen.`,
  fourteenDayTermRunning: (receivedOn, termEndsOn, dueFrom, stated) =>
    `Incassokosten nog niet verschuldigd: de veertiendagenbrief is ontvangen op ${receivedOn}, de termijn eindigt op ${termEndsOn}. Is de hoofdsom dan niet betaald, dan zijn vanaf ${dueFrom} incassokosten van ten hoogste ${m(stated, 'nl')} verschuldigd.`,
  termExtended: (termLastDay, termEndsOn) =>
    `De termijn zou eindigen op ${termLastDay}, een zaterdag, zondag of feestdag, en loopt daarom door tot en met ${termEndsOn} (art. 1 Algemene termijnenwet).`,
  paidWithinTerm: (termEndsOn) =>
    `Geen incassokosten: de hoofdsom is betaald binnen de termijn van de veertiendagenbrief, die eindigde op ${termEndsOn}.`,
  consumerCosts: (amount, base, receivedOn, termEndsOn, dueFrom) =>
    `Incassokosten van ${m(amount, 'nl')} volgens de WIK-staffel (art. 6:96 BW; ${BESLUIT}, art. 2) over de hoofdsom van ${m(base, 'nl')} die bij het einde van de termijn nog openstond; verschuldigd vanaf ${dueFrom}: de veertiendagenbrief is ontvangen op ${receivedOn} en de termijn eindigde op ${termEndsOn}.`,
  cappedAtStatedCosts: (stated) =>
    `Kosten en eventuele btw daarover zijn beperkt tot ${m(stated, 'nl')}, het bedrag dat in de veertiendagenbrief staat.`,
  claimPartsPaid: (costs, interest) =>
    `Betalingen zijn eerst op de kosten en de rente in mindering gebracht (art. 6:44 BW): ${m(costs, 'nl')} op de kosten en ${m(interest, 'nl')} op de rente; dat gaat in het totaal van die posten af.`,
  settledAsAsked: (asked, sentOn, payBy, offer) =>
    `Voldaan: de brief van ${sentOn} vroeg ${m(asked, 'nl')} uiterlijk ${payBy}${offer ? ', met afstand van rente en kosten' : ''}, en dat is op tijd betaald; er worden geen verdere rente en kosten gevorderd.`,
  sharedLetterCosts: (sentOn, invoices, costs, combined, share, receivedOn, termEndsOn, dueFrom) =>
    `De veertiendagenbrief van ${sentOn} noemt ${invoices} facturen en vermeldt één bedrag aan kosten over die facturen samen: incassokosten van ${m(costs, 'nl')} volgens de WIK-staffel (art. 6:96 BW; ${BESLUIT}, art. 2) over hun samengetelde hoofdsom van ${m(combined, 'nl')} die bij het einde van de termijn nog openstond, naar verhouding verdeeld; het deel van deze factuur is ${m(share, 'nl')}, verschuldigd vanaf ${dueFrom}: de brief is ontvangen op ${receivedOn} en de termijn eindigde op ${termEndsOn}.`,
  wikMinimum: (minimum) => `Het minimum van ${m(minimum, 'nl')} geldt.`,
  wikMaximum: (maximum) => `Het maximum van ${m(maximum, 'nl')} geldt.`,
  fixedCompensation: (amount, dueFrom, dueDate) =>
    `Vaste vergoeding van ${m(amount, 'nl')} voor deze factuur (art. 6:96 lid 4 BW; richtlijn 2011/7/EU, art. 6), verschuldigd vanaf ${dueFrom}, de dag na de vervaldatum ${dueDate}, zonder aanmaning.`,
  fixedCompensationNotYetDue: (amount, dueFrom) =>
    `Vaste vergoeding nog niet verschuldigd: ${m(amount, 'nl')} wordt verschuldigd op ${dueFrom}, de dag na de vervaldatum.`,
  businessWikCosts: (amount, base, dueFrom) =>
    `Incassokosten van ${m(amount, 'nl')} volgens de WIK-staffel (${BESLUIT}, art. 2) over de hoofdsom van ${m(base, 'nl')}, zoals de met deze zakelijke klant overeengekomen voorwaarden toestaan (art. 6:96 lid 5 BW); verschuldigd vanaf ${dueFrom}, de dag na de vervaldatum.`,
  businessCostsNotYetDue: (dueFrom) =>
    `Incassokosten nog niet verschuldigd: ze worden verschuldigd op ${dueFrom}, de dag na de vervaldatum.`,
  paidOnTime: () => 'Geen incassokosten: de hoofdsom is op of voor de vervaldatum betaald.',
  vatAdded: (vat, ratePercent) =>
    `Btw van ${m(vat, 'nl')} (${percent(ratePercent, 'nl')}) komt bij de kosten omdat de schuldeiser de btw niet kan verrekenen (${BESLUIT}, art. 2 lid 3).`,
  noVatCreditorDeducts: () => 'Geen btw over de kosten: de schuldeiser kan de btw verrekenen.',
  noVatOnFixedCompensation: () =>
    'Geen btw over de vaste vergoeding: het is een wettelijk vast bedrag, geen vergoeding voor incassowerk.',
  total: (asOf, total) => `Totaal gevorderd per ${asOf}: ${m(total, 'nl')}.`,
  lapsesOn: (lapsesOn, years, article, runsFrom) =>
    `De vordering verjaart op ${lapsesOn}: ${years} jaar (${article}) gerekend vanaf ${runsFrom}.`,
  limitationRestarted: (receivedOn) =>
    `De schriftelijke aanmaning die op ${receivedOn} is ontvangen heeft die termijn opnieuw laten beginnen (art. 3:317 en 3:319 BW).`,
  lapsesSoon: (daysLeft) =>
    `Ze verjaart over ${daysLeft} dagen: een schriftelijke aanmaning vóór die datum stuit de verjaring, daarom wordt een taak aangemaakt.`,
  lapsed: (lapsesOn) =>
    `De vordering is verjaard op ${lapsesOn}: beroept de schuldenaar zich daarop, dan kan betaling niet meer worden afgedwongen (art. 3:307 BW).`,
  badDebtVat: (reclaimableFrom) =>
    `De btw op deze factuur mag vanaf ${reclaimableFrom} worden teruggevraagd als oninbare vordering, een jaar na het verstrijken van de vervaldatum (art. 29 lid 2 Wet OB 1968); wordt later alsnog betaald, dan moet die btw weer worden afgedragen.`,
};

function m(value: Money, language: ExplanationLanguage): string {
  return formatMoney(value, language);
}

export function claimMessages(language: ExplanationLanguage): ClaimMessages {
  return language === 'nl' ? dutch : english;
}
