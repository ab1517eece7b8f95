import { isCurrencyCode } from '../../core/money';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { type ColleagueLanguage, stepName } from '../../templates/colleagues/colleague-words';
import { summaryIn } from '../../templates/colleagues/timeline-summaries';
import { localDateTime, systemActorName, timelineTitle, UNKNOWN_USER } from '../../templates/timeline-words';
import { shownMoney } from '../../templates/shown-money';

/** Who did something, as a reader knows them: a person by name and email, or a part of the system. */
export interface TimelineActor {
  kind: 'user' | 'system' | 'debtor';
  /** The stored actor: 'user:<sub>', 'workflow', 'sweep', 'invoicing-system', 'debtor', 'debtor-email'. */
  id: string;
  name: string;
  email?: string;
}

/** One entry of a timeline as the API shows it. */
export interface TimelineEntry {
  /** Its place in the order things happened, from 1; ties of the same instant are ordered by cause. */
  sequence: number;
  /** ISO 8601 instant. */
  at: string;
  /** The same instant on the business calendar, in the reader's language: "4 maart 2026 om 09:00". */
  atLocal: string;
  type: TimelineEvent['type'];
  /** What kind of entry it is, in the reader's language. */
  title: string;
  /** The dunning step it belongs to, named in the reader's language. */
  step?: { slot: string; name: string };
  actor: TimelineActor;
  /** What happened, in the reader's language (a person's own words, and a few kinds, as stored). */
  summary: string;
  /** As recorded, with every amount of money as `{ amount, currency, formatted }`. */
  details?: Record<string, unknown>;
  /** On a debtor's timeline: the invoice the entry is about. */
  invoiceId?: string;
}

export interface TimelineReading {
  language: ColleagueLanguage;
  timeZone: string;
}

/** An entry and what the reader needs to show its money: the currency of its invoice, if any. */
export interface StoredEntry {
  event: TimelineEvent;
  currency?: string;
  invoiceId?: string;
}

/**
 * Entries that are the consequence of another at the same instant come after it: the dunning
 * started after the invoice arrived, a delivery or a bounce after its email, the invoice paid
 * after the payment, the dunning stopped after both.
 */
const CONSEQUENCE_RANK: Partial<Record<TimelineEvent['type'], number>> = {
  dunning_started: 1,
  email_delivered: 1,
  email_bounced: 1,
  invoice_paid: 1,
  overpayment_credited: 1,
  dunning_stopped: 2,
  dunning_completed: 2,
  credit_hold_lifted: 2,
};

/** Entries about an email: they cannot have happened before it was sent. */
const FOLLOWS_EMAIL = new Set<TimelineEvent['type']>(['email_delivered', 'email_bounced']);

const messageIdOf = (event: TimelineEvent): string | undefined =>
  typeof event.details?.messageId === 'string' ? event.details.messageId : undefined;

/**
 * The entries in the order they happened, numbered from 1. SES may time a delivery a moment
 * before we record the email as sent (we record after SES answers): such an entry is placed
 * right after its email. Entries of the same instant go cause first, then as stored.
 */
export function inOrder<T extends StoredEntry>(entries: readonly T[]): (T & { sequence: number })[] {
  const sentAt = new Map<string, string>();
  for (const { event } of entries) {
    const id = messageIdOf(event);
    if (event.type === 'email_sent' && id && !sentAt.has(id)) sentAt.set(id, event.at);
  }
  const keyed = entries.map((entry, place) => {
    const sent = FOLLOWS_EMAIL.has(entry.event.type) ? sentAt.get(messageIdOf(entry.event) ?? '') : undefined;
    const at = sent && sent > entry.event.at ? sent : entry.event.at;
    return { entry, at, rank: CONSEQUENCE_RANK[entry.event.type] ?? 0, place };
  });
  keyed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.rank - b.rank || a.place - b.place));
  return keyed.map(({ entry }, i) => ({ ...entry, sequence: i + 1 }));
}

/** One stored entry as the reader sees it. */
export function shownEntry(
  entry: StoredEntry & { sequence: number },
  reading: TimelineReading,
): TimelineEntry {
  const { event } = entry;
  const { language } = reading;
  const slot = typeof event.details?.slot === 'string' ? event.details.slot : undefined;
  return {
    sequence: entry.sequence,
    at: event.at,
    atLocal: localDateTime(event.at, reading.timeZone, language),
    type: event.type,
    title: timelineTitle(event.type, language),
    ...(slot ? { step: { slot, name: stepName(slot, language) } } : {}),
    actor: actorOf(event, language),
    summary: summaryIn(event, language, entry.currency),
    ...(event.details ? { details: withMoneyShown(event.details, entry.currency, language) } : {}),
    ...(entry.invoiceId ? { invoiceId: entry.invoiceId } : {}),
  };
}

/** The invoice's (or debtor's) entries, in order, as the reader sees them. */
export function timelineView(entries: readonly StoredEntry[], reading: TimelineReading): TimelineEntry[] {
  return inOrder(entries).map((entry) => shownEntry(entry, reading));
}

function actorOf(event: TimelineEvent, language: ColleagueLanguage): TimelineActor {
  const user =
    event.actor.startsWith('user:') || event.actorName !== undefined || event.actorEmail !== undefined;
  if (!user) {
    // The debtor acted themselves, from the self-service page or by replying to a letter.
    const kind = event.actor === 'debtor' || event.actor === 'debtor-email' ? 'debtor' : 'system';
    return { kind, id: event.actor, name: systemActorName(event.actor, language) };
  }
  return {
    kind: 'user',
    id: event.actor,
    name: event.actorName ?? event.actorEmail ?? UNKNOWN_USER[language],
    ...(event.actorEmail ? { email: event.actorEmail } : {}),
  };
}

/** Fields that hold a number of cents wherever they appear in an entry's details. */
const MONEY_FIELDS = new Set([
  'amount',
  'openAmount',
  'totalAmount',
  'orderAmount',
  'creditAmount',
  'appliedAmount',
  'paidAmount',
  'principal',
  'interest',
  'costs',
  'part',
  'handedBack',
  'lowered',
  'writtenOff',
  'vatReclaimable',
  'exposure',
  'toCosts',
  'toInterest',
  'available',
  'creditLimit',
]);

/**
 * The details with every amount of money in one shape, `{ amount, currency, formatted }`: a
 * money object gains its formatted amount; a number of cents in a money field becomes one, in the
 * currency the nearest enclosing object names, else the invoice's. Without a known currency a
 * number is left as it is rather than guessed.
 */
export function withMoneyShown(
  details: Record<string, unknown>,
  currency: string | undefined,
  language: ColleagueLanguage,
): Record<string, unknown> {
  return shownIn(details, currency, language) as Record<string, unknown>;
}

function shownIn(value: unknown, currency: string | undefined, language: ColleagueLanguage): unknown {
  if (Array.isArray(value)) return value.map((item) => shownIn(item, currency, language));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const own =
    typeof object.currency === 'string' && isCurrencyCode(object.currency) ? object.currency : currency;
  if (
    Number.isSafeInteger(object.amount) &&
    own &&
    Object.keys(object).every((key) => key === 'amount' || key === 'currency' || key === 'formatted')
  ) {
    return shownMoney({ amount: object.amount as number, currency: own }, language);
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, field]) => [
      key,
      MONEY_FIELDS.has(key) && Number.isSafeInteger(field) && own
        ? shownMoney({ amount: field as number, currency: own }, language)
        : shownIn(field, own, language),
    ]),
  );
}
