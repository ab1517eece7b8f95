import { money } from '../core/money';
import { type ClaimBlock, formatAmount, formatCalendarDate } from './letter-document';
import type { LetterClaim, LetterInput } from './letter-input';
import type { Wording } from './wording';

/**
 * The claims of the letter's invoices summed into one statement, formatted for its language.
 * Interest is stated for all invoices or for none: when a rate is not known for one of them, the
 * letter leaves interest out and says it is claimed separately, so its total never holds a part
 * of the interest that reads as all of it.
 */
export function claimBlock(input: LetterInput, wording: Wording): ClaimBlock | undefined {
  // A settlement offer asks the principal: the letter prints no total it does not pursue.
  if (input.request?.kind === 'principal-settlement') return undefined;
  const claims = input.claims ?? [];
  const [first] = claims;
  if (!first) return undefined;
  const { asOf, currency } = first.figures;
  if (claims.some(({ figures }) => figures.asOf !== asOf || figures.currency !== currency)) {
    throw new Error('a letter states the claims of its invoices as of one day and in one currency');
  }
  const say = wording.claim;
  const amount = (cents: number) => formatAmount(money(cents, currency), wording.locale);
  const sum = (part: (claim: LetterClaim) => number) =>
    claims.reduce((total, claim) => total + part(claim), 0);
  const kind = first.debtorKind;
  const interestLeftOut = claims.some((claim) => claim.interest === 'rate-not-known');
  const interestStated = !interestLeftOut && claims.some((claim) => claim.interest === 'included');
  const interest = interestStated ? sum((claim) => claim.figures.interest.amount) : 0;
  const interestDropped = interestStated ? 0 : sum((claim) => claim.figures.interest.amount);

  const rows: ClaimBlock['rows'] = [
    { label: say.principal, amount: amount(sum((claim) => claim.figures.principal)), details: [] },
  ];
  if (interestStated) {
    const periods = interestPeriods(claims, wording, amount);
    rows.push({
      label: say.interest[kind],
      amount: amount(interest),
      details: periods.length > 0 ? periods : [say.notYetDue],
    });
  }
  const rule = claims.map((claim) => claim.figures.costs.rule).find((each) => each !== 'none');
  const costs = sum((claim) => claim.figures.costs.amount);
  // The 14-day letter states the costs that become due once, in its own words: no second row.
  const costsStatedElsewhere = input.template === 'fourteen-day-letter' && costs === 0;
  if (rule && !costsStatedElsewhere) {
    rows.push({ label: say.costs[rule], amount: amount(costs), details: costs === 0 ? [say.notYetDue] : [] });
    const vat = sum((claim) => claim.figures.costs.vat);
    if (vat > 0) rows.push({ label: say.vat, amount: amount(vat), details: [] });
  }

  const notes = [
    ...(interestLeftOut ? [say.interestClaimedSeparately[kind]] : []),
    ...(interest > 0 ? [say.interestContinues[kind]] : []),
  ];
  return {
    heading: say.heading(formatCalendarDate(asOf, wording.locale)),
    rows,
    total: { label: say.total, amount: amount(sum((claim) => claim.figures.total) - interestDropped) },
    notes,
  };
}

/** One line per interest period; with the invoice's number when there are several, with the amount when the sum has parts. */
function interestPeriods(
  claims: readonly LetterClaim[],
  wording: Wording,
  amount: (cents: number) => string,
) {
  const say = wording.claim;
  const percent = new Intl.NumberFormat(wording.locale, { maximumFractionDigits: 4 });
  const date = (day: string) => formatCalendarDate(day, wording.locale);
  const periods = claims.flatMap((claim) =>
    claim.interest === 'included'
      ? claim.figures.interest.periods.map((period) => ({ invoiceNumber: claim.invoiceNumber, period }))
      : [],
  );
  return periods.map(({ invoiceNumber, period }) => {
    const line = say.period(
      `${percent.format(period.ratePercent)}%`,
      date(period.from),
      date(period.to),
      period.days,
    );
    const withAmount = periods.length > 1 ? `${line}: ${amount(period.amount)}` : line;
    return claims.length > 1 ? say.ofInvoice(invoiceNumber, withAmount) : withAmount;
  });
}
