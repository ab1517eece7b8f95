import { addDays, assertCalendarDate, type CalendarDate, isAfter, isBefore } from '../calendar/calendar-date';
import type { DebtorKind } from '../ledger/debtor';
import { type Money, money } from '../money';
import { badDebtVat } from './bad-debt-vat';
import { claimMessages, type ExplanationLanguage } from './claim-explanation';
import { consumerDefault } from './consumer-default';
import { assessFourteenDayLetters, type FourteenDayLetterAssessment } from './fourteen-day-letter';
import { checkLegalPolicy, type LegalPolicy } from './legal-policy';
import { letterCosts } from './letter-costs';
import type { LetterRequestKind } from './letter-request';
import { claimLimitation, type Limitation } from './limitation';
import { calculateStatutoryInterest, type StatutoryInterest } from './statutory-interest';
import type { StatutoryRate } from './statutory-rates';
import {
  collectionCostsWithinStatedAmount,
  EU_FIXED_COMPENSATION_CENTS,
  vatOnCollectionCosts,
  WIK_MAXIMUM_CENTS,
  WIK_MINIMUM_CENTS,
  wikCollectionCosts,
} from './wik-collection-costs';
import type { WrittenNotice } from './written-notice';

/**
 * The claim on one invoice as of a date: what the debtor owes (principal, statutory interest,
 * collection costs or compensation, VAT on the costs), from when, and why in plain words; plus
 * the dates that matter (limitation, bad-debt VAT). Pure: everything it needs is passed in.
 * Throws StatutoryRateNotKnownError when interest needs a rate the table does not have.
 */
export type CostsRule = 'wik-scale' | 'fixed-compensation' | 'none';

export interface InvoicePayment {
  readonly receivedOn: CalendarDate;
  /** What the payment paid off the principal. */
  readonly amount: Money;
  /** What it paid, before the principal, to costs and to interest a letter demanded (art. 6:44 BW), in cents. */
  readonly toCosts?: number;
  readonly toInterest?: number;
}

export interface ClaimInvoiceFacts {
  readonly invoiceId: string;
  readonly debtorKind: DebtorKind;
  /** A sale of goods to a consumer: the price lapses after 2 years (art. 7:28 BW). */
  readonly consumerPurchase?: boolean;
  /** The invoiced amount (including VAT). */
  readonly principal: Money;
  readonly dueDate: CalendarDate;
  readonly payments?: readonly InvoicePayment[];
  /** Reminders and 14-day letters with their delivery evidence. */
  readonly notices?: readonly WrittenNotice[];
  /** What letters stating the claim asked of this invoice (letter-request.ts), by when. */
  readonly requests?: readonly AskedOfInvoice[];
}

/** One letter's request, as far as this invoice is concerned. */
export interface AskedOfInvoice {
  readonly kind: LetterRequestKind;
  readonly sentOn: CalendarDate;
  readonly payBy: CalendarDate;
  /** This invoice's part of the amount asked, in cents. */
  readonly part: number;
}

/** Another invoice a 14-day letter of this invoice lists: what it owed, and what was paid on it. */
export type LetterInvoiceFacts = Pick<ClaimInvoiceFacts, 'invoiceId' | 'principal' | 'payments'>;

export interface ClaimInput {
  readonly invoice: ClaimInvoiceFacts;
  /**
   * The other invoices listed by the invoice's 14-day letters: the letter's costs are over their
   * combined principal and shared over them. A listed invoice not given here counts as owing nothing.
   */
  readonly letterInvoices?: readonly LetterInvoiceFacts[];
  readonly policy: LegalPolicy;
  readonly rates: readonly StatutoryRate[];
  readonly asOf: CalendarDate;
  /** Language of `explanation`; English when not given. */
  readonly language?: ExplanationLanguage;
  /** A claim lapsing within this many days raises a task; 90 when not given. */
  readonly lapseWarningDays?: number;
}

/** Amounts are integer cents in `currency`. */
export interface Claim {
  readonly invoiceId: string;
  readonly asOf: CalendarDate;
  readonly currency: string;
  readonly principal: number;
  readonly interest: {
    readonly amount: number;
    readonly periods: readonly {
      readonly from: CalendarDate;
      readonly to: CalendarDate;
      readonly days: number;
      readonly ratePercent: number;
      readonly amount: number;
    }[];
  };
  readonly costs: {
    readonly amount: number;
    readonly vat: number;
    readonly rule: CostsRule;
    /** The day the costs are (or will be) due; null when that is not known yet. */
    readonly dueFrom: CalendarDate | null;
    /** The 14-day letter that listed this invoice with others: the costs above are this invoice's share. */
    readonly letter?: CostsLetter;
  };
  readonly total: number;
  readonly explanation: readonly string[];
  /** When the claim lapses and whether that raises a task (see limitation.ts). */
  readonly limitation: Limitation;
  readonly badDebtVat: {
    readonly reclaimableFrom: CalendarDate;
    readonly reclaimable: boolean;
  };
}

/** A 14-day letter over several invoices and the costs it carries for all of them together. */
export interface CostsLetter {
  /** The letter's message id, as on the invoice's timeline and letters on file. */
  readonly id?: string;
  readonly sentOn: CalendarDate;
  readonly invoiceIds: readonly string[];
  /** The combined principal still open when the term ended. */
  readonly principal: number;
  /** The letter's costs and VAT over that principal; `costs.amount` and `costs.vat` are this invoice's share. */
  readonly amount: number;
  readonly vat: number;
}

interface Costs {
  amount: number;
  vat: number;
  rule: CostsRule;
  dueFrom: CalendarDate | null;
  letter?: CostsLetter;
}

export function buildClaim(input: ClaimInput): Claim {
  const { invoice, policy, rates } = input;
  const asOf = assertCalendarDate(input.asOf, 'asOf');
  const dueDate = assertCalendarDate(invoice.dueDate, 'dueDate');
  const policyProblems = checkLegalPolicy(policy);
  if (policyProblems.length > 0) throw new RangeError(`invalid legal policy: ${policyProblems.join('; ')}`);
  const say = claimMessages(input.language ?? 'en');
  const currency = invoice.principal.currency;
  const cents = (amount: number): Money => money(amount, currency);
  const explanation: string[] = [];

  // Only what had happened by the as-of date counts.
  const payments = (invoice.payments ?? []).filter((p) => !isAfter(p.receivedOn, asOf));
  const notices = (invoice.notices ?? []).filter((n) => !isAfter(n.sentOn, asOf));
  for (const payment of payments) {
    if (payment.amount.currency !== currency) {
      throw new RangeError(`payment in ${payment.amount.currency} on an invoice in ${currency}`);
    }
  }
  const paidBefore = (day: CalendarDate): number =>
    payments.filter((p) => isBefore(p.receivedOn, day)).reduce((sum, p) => sum + p.amount.amount, 0);
  const paid = paidBefore(addDays(asOf, 1));
  const openPrincipal = Math.max(0, invoice.principal.amount - paid);
  const excess = Math.max(0, paid - invoice.principal.amount);

  explanation.push(
    paid > 0
      ? say.principalAfterPayments(invoice.principal, cents(paid), cents(openPrincipal))
      : say.principal(cents(openPrincipal)),
  );
  if (excess > 0) explanation.push(say.overpaid(cents(excess)));

  const settled = settledAsAsked();
  if (settled) {
    explanation.push(
      say.settledAsAsked(
        cents(settled.part),
        settled.sentOn,
        settled.payBy,
        settled.kind === 'principal-settlement',
      ),
    );
  }
  const interest = settled ? { amount: cents(0), periods: [] } : statutoryInterest();
  const costs: Costs = settled ? { amount: 0, vat: 0, rule: 'none', dueFrom: null } : collectionCosts();
  // Art. 6:44 BW: what payments paid to costs and interest is deducted from those, not from the principal.
  const paidToCosts = payments.reduce((sum, p) => sum + (p.toCosts ?? 0), 0);
  const paidToInterest = payments.reduce((sum, p) => sum + (p.toInterest ?? 0), 0);
  if (paidToCosts + paidToInterest > 0) {
    explanation.push(say.claimPartsPaid(cents(paidToCosts), cents(paidToInterest)));
  }
  const total = Math.max(
    0,
    openPrincipal +
      Math.max(0, interest.amount.amount - paidToInterest) +
      Math.max(0, costs.amount + costs.vat - paidToCosts) -
      excess,
  );
  explanation.push(say.total(asOf, cents(total)));

  const limitation = claimLimitation({
    dueDate,
    consumerPurchase: invoice.debtorKind === 'consumer' && invoice.consumerPurchase === true,
    notices,
    postalDeliveryDays: policy.postalDeliveryDays,
    asOf,
    warningDays: input.lapseWarningDays,
  });
  explanation.push(
    say.lapsesOn(limitation.lapsesOn, limitation.periodYears, limitation.article, limitation.runsFrom),
  );
  if (limitation.restartedByReminderReceivedOn) {
    explanation.push(say.limitationRestarted(limitation.restartedByReminderReceivedOn));
  }
  if (limitation.status === 'lapses-soon') explanation.push(say.lapsesSoon(limitation.daysLeft));
  if (limitation.status === 'lapsed') explanation.push(say.lapsed(limitation.lapsesOn));

  const vatRelief = badDebtVat(dueDate, asOf);
  explanation.push(say.badDebtVat(vatRelief.reclaimableFrom));

  return {
    invoiceId: invoice.invoiceId,
    asOf,
    currency,
    principal: openPrincipal,
    interest: {
      amount: interest.amount.amount,
      periods: interest.periods.map((p) => ({
        from: p.from,
        to: p.to,
        days: p.days,
        ratePercent: p.ratePercent,
        amount: p.amount.amount,
      })),
    },
    costs,
    total,
    explanation,
    limitation,
    badDebtVat: vatRelief,
  };

  /**
   * A letter asked an amount by a day, and what it asked was paid by then: that settles the claim
   * (the creditor bound itself by the letter), so no further interest or costs are claimed.
   */
  function settledAsAsked(): AskedOfInvoice | undefined {
    return (invoice.requests ?? []).find((asked) => {
      if (isAfter(asked.sentOn, asOf) || asked.part <= 0) return false;
      const paidInTerm = payments
        .filter((p) => !isBefore(p.receivedOn, asked.sentOn) && !isAfter(p.receivedOn, asked.payBy))
        .reduce((total, p) => total + p.amount.amount + (p.toCosts ?? 0) + (p.toInterest ?? 0), 0);
      return paidInTerm >= asked.part;
    });
  }

  function statutoryInterest(): Pick<StatutoryInterest, 'amount' | 'periods'> {
    const none = { amount: cents(0), periods: [] };
    if (!policy.chargeInterest) {
      explanation.push(say.interestNotCharged());
      return none;
    }
    const kind = invoice.debtorKind === 'business' ? 'commercial' : 'consumer';
    let startsOn: CalendarDate;
    if (kind === 'commercial') {
      // Art. 6:119a lid 1-2 BW: from the day after the agreed last day for payment.
      startsOn = addDays(dueDate, 1);
      explanation.push(say.commercialInterestFrom(startsOn, dueDate));
    } else {
      const inDefault = consumerDefault(dueDate, notices, policy.postalDeliveryDays);
      if (!inDefault) {
        explanation.push(say.consumerNotInDefault());
        return none;
      }
      startsOn = inDefault.inDefaultFrom;
      explanation.push(say.consumerInterestFrom(inDefault.receivedOn, inDefault.termEndsOn, startsOn));
    }
    if (isBefore(asOf, startsOn)) {
      explanation.push(say.interestNotStarted(startsOn, asOf));
      return none;
    }
    const result = calculateStatutoryInterest({
      kind,
      principal: invoice.principal,
      startsOn,
      asOf,
      rates,
      principalReductions: payments.map((p) => ({ on: p.receivedOn, amount: p.amount })),
    });
    explanation.push(say.dayCount(startsOn, asOf));
    for (const period of result.periods) {
      const step = result.capitalisations.find((c) => c.on === period.from);
      if (step) explanation.push(say.capitalised(kind, step.on, step.added, step.newBase));
      explanation.push(
        say.period(period.from, period.to, period.days, period.ratePercent, period.base, period.amount),
      );
    }
    const derived = new Map<CalendarDate, [number, number]>();
    const unverified = new Map<CalendarDate, number>();
    for (const period of result.periods) {
      if (period.rateEcbPercent !== undefined) {
        derived.set(period.rateEffectiveFrom, [period.ratePercent, period.rateEcbPercent]);
      }
      if (!period.rateVerified) unverified.set(period.rateEffectiveFrom, period.ratePercent);
    }
    for (const [from, [ratePercent, ecb]] of derived)
      explanation.push(say.rateFromEcb(ratePercent, ecb, from));
    for (const [from, ratePercent] of unverified) explanation.push(say.unverifiedRate(ratePercent, from));
    if (payments.length > 0) explanation.push(say.paymentsLowerInterest());
    return result;
  }

  function collectionCosts(): Costs {
    if (!policy.chargeCosts) {
      explanation.push(say.costsNotCharged());
      return { amount: 0, vat: 0, rule: 'none', dueFrom: null };
    }
    if (currency !== 'EUR') {
      explanation.push(say.costsNotInEuros(currency));
      return { amount: 0, vat: 0, rule: 'none', dueFrom: null };
    }
    const openBefore = (day: CalendarDate): number => Math.max(0, invoice.principal.amount - paidBefore(day));

    if (invoice.debtorKind === 'business') {
      // Art. 6:96 lid 4-5 BW: due as soon as the debtor is in default, the day after the due date.
      const dueFrom = addDays(dueDate, 1);
      const rule = policy.businessCosts;
      const base = openBefore(dueFrom);
      if (base === 0) {
        explanation.push(say.paidOnTime());
        return { amount: 0, vat: 0, rule, dueFrom: null };
      }
      if (rule === 'fixed-compensation') {
        const amount = cents(EU_FIXED_COMPENSATION_CENTS);
        if (isBefore(asOf, dueFrom)) {
          explanation.push(say.fixedCompensationNotYetDue(amount, dueFrom));
          return { amount: 0, vat: 0, rule, dueFrom };
        }
        explanation.push(say.fixedCompensation(amount, dueFrom, dueDate));
        // The EUR 40 is a fixed sum set by law, not a fee for collection work that bears VAT.
        if (!policy.creditorCanDeductVat) explanation.push(say.noVatOnFixedCompensation());
        return { amount: amount.amount, vat: 0, rule, dueFrom };
      }
      if (isBefore(asOf, dueFrom)) {
        explanation.push(say.businessCostsNotYetDue(dueFrom));
        return { amount: 0, vat: 0, rule, dueFrom };
      }
      const wik = wikCollectionCosts(cents(base));
      explanation.push(say.businessWikCosts(wik.amount, cents(base), dueFrom));
      return withScaleNotesAndVat(wik.amount, wik.minimumApplied, wik.maximumApplied, rule, dueFrom);
    }

    const letter = assessFourteenDayLetters({
      dueDate,
      notices,
      asOf,
      postalDeliveryDays: policy.postalDeliveryDays,
    });
    const rule = 'wik-scale';
    switch (letter.status) {
      case 'no-letter':
        explanation.push(say.noFourteenDayLetter());
        return { amount: 0, vat: 0, rule, dueFrom: null };
      case 'invalid':
        explanation.push(say.invalidFourteenDayLetter(letter.sentOn, letter.problems));
        return { amount: 0, vat: 0, rule, dueFrom: null };
      case 'not-received':
        explanation.push(say.fourteenDayLetterNotReceived(letter.sentOn));
        return { amount: 0, vat: 0, rule, dueFrom: null };
      case 'term-running':
        explanation.push(
          say.fourteenDayTermRunning(
            letter.receivedOn,
            letter.termEndsOn,
            letter.costsDueFrom,
            letter.statedCosts,
          ),
        );
        if (letter.extendedByAtw) explanation.push(say.termExtended(letter.termLastDay, letter.termEndsOn));
        return { amount: 0, vat: 0, rule, dueFrom: letter.costsDueFrom };
      case 'term-passed': {
        if (letter.invoiceIds && letter.invoiceIds.length > 1) return sharedLetterCosts(letter);
        // HR 2016:2704: a part payment within the term lowers the costs, so the scale is
        // applied to what was still open on the last day of the term.
        const base = openBefore(letter.costsDueFrom);
        if (base === 0) {
          explanation.push(say.paidWithinTerm(letter.termEndsOn));
          return { amount: 0, vat: 0, rule, dueFrom: null };
        }
        const wik = wikCollectionCosts(cents(base));
        // The letter states the costs (with VAT where charged); more than that cannot be charged.
        const limited = collectionCostsWithinStatedAmount(
          wik.amount,
          letter.statedCosts,
          policy.creditorCanDeductVat,
          policy.vatRatePercent,
        );
        explanation.push(
          say.consumerCosts(
            limited.costs,
            cents(base),
            letter.receivedOn,
            letter.termEndsOn,
            letter.costsDueFrom,
          ),
        );
        if (letter.extendedByAtw) explanation.push(say.termExtended(letter.termLastDay, letter.termEndsOn));
        if (limited.capped) explanation.push(say.cappedAtStatedCosts(letter.statedCosts));
        return withScaleNotesAndVat(
          limited.costs,
          !limited.capped && wik.minimumApplied,
          !limited.capped && wik.maximumApplied,
          rule,
          letter.costsDueFrom,
        );
      }
    }
  }

  /** The costs of a 14-day letter over several invoices: computed once, on their combined principal, and shared. */
  function sharedLetterCosts(
    letter: Extract<FourteenDayLetterAssessment, { status: 'term-running' | 'term-passed' }>,
  ): Costs {
    const rule = 'wik-scale';
    const invoiceIds = letter.invoiceIds ?? [invoice.invoiceId];
    const others = new Map((input.letterInvoices ?? []).map((facts) => [facts.invoiceId, facts]));
    const bases = invoiceIds.map((invoiceId) => {
      const facts = invoiceId === invoice.invoiceId ? invoice : others.get(invoiceId);
      return { invoiceId, base: facts ? openOn(facts, letter.costsDueFrom) : 0 };
    });
    const shared = letterCosts({
      statedCosts: letter.statedCosts,
      bases,
      creditorCanDeductVat: policy.creditorCanDeductVat,
      vatRatePercent: policy.vatRatePercent,
    });
    const share = shared.shares.find((each) => each.invoiceId === invoice.invoiceId) ?? { costs: 0, vat: 0 };
    explanation.push(
      say.sharedLetterCosts(
        letter.sentOn,
        invoiceIds.length,
        shared.costs,
        shared.principal,
        cents(share.costs),
        letter.receivedOn,
        letter.termEndsOn,
        letter.costsDueFrom,
      ),
    );
    if (letter.extendedByAtw) explanation.push(say.termExtended(letter.termLastDay, letter.termEndsOn));
    if (shared.capped) explanation.push(say.cappedAtStatedCosts(letter.statedCosts));
    if (shared.minimumApplied) explanation.push(say.wikMinimum(cents(WIK_MINIMUM_CENTS)));
    if (shared.maximumApplied) explanation.push(say.wikMaximum(cents(WIK_MAXIMUM_CENTS)));
    explanation.push(
      policy.creditorCanDeductVat
        ? say.noVatCreditorDeducts()
        : say.vatAdded(cents(share.vat), policy.vatRatePercent),
    );
    return {
      amount: share.costs,
      vat: share.vat,
      rule,
      dueFrom: letter.costsDueFrom,
      letter: {
        ...(letter.letterId ? { id: letter.letterId } : {}),
        sentOn: letter.sentOn,
        invoiceIds,
        principal: shared.principal.amount,
        amount: shared.costs.amount,
        vat: shared.vat.amount,
      },
    };
  }

  /** Principal of `facts` still open before `day` (payments received on earlier days). */
  function openOn(facts: LetterInvoiceFacts, day: CalendarDate): number {
    const paidEarlier = (facts.payments ?? [])
      .filter((p) => isBefore(p.receivedOn, day))
      .reduce((total, p) => total + p.amount.amount, 0);
    return Math.max(0, facts.principal.amount - paidEarlier);
  }

  function withScaleNotesAndVat(
    amount: Money,
    minimumApplied: boolean,
    maximumApplied: boolean,
    rule: CostsRule,
    dueFrom: CalendarDate,
  ): Costs {
    if (minimumApplied) explanation.push(say.wikMinimum(cents(WIK_MINIMUM_CENTS)));
    if (maximumApplied) explanation.push(say.wikMaximum(cents(WIK_MAXIMUM_CENTS)));
    const vat = vatOnCollectionCosts(amount, policy.creditorCanDeductVat, policy.vatRatePercent);
    explanation.push(
      policy.creditorCanDeductVat ? say.noVatCreditorDeducts() : say.vatAdded(vat, policy.vatRatePercent),
    );
    return { amount: amount.amount, vat: vat.amount, rule, dueFrom };
  }
}
