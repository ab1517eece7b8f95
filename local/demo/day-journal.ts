import type { CallOutcome } from '../../functions/core/tasks/collection-task';

const NAMED_PAYMENTS = 3;

/**
 * What the demo did during one virtual day, told in one line at its end: with a day every two
 * seconds, a line per payment or call would bury the rest of the console.
 */
export class DayJournal {
  private day: string | undefined;
  private payments: string[] = [];
  private calls = new Map<CallOutcome, number>();
  private problems: string[] = [];

  /** `today` names the virtual day an entry belongs to. */
  constructor(private readonly today: () => string) {}

  payment(description: string): void {
    this.note();
    this.payments.push(description);
  }

  call(outcome: CallOutcome): void {
    this.note();
    this.calls.set(outcome, (this.calls.get(outcome) ?? 0) + 1);
  }

  problem(description: string): void {
    this.note();
    this.problems.push(description);
  }

  /**
   * The line of the day that was written in, or undefined when nothing happened; starts a new
   * day either way. Named after its first entry, not after the moment of closing: on a fast
   * clock the closing job may wake a few virtual minutes into the next day.
   */
  close(): string | undefined {
    const day = this.day;
    const parts: string[] = [];
    if (this.payments.length > 0) {
      const named = this.payments.slice(0, NAMED_PAYMENTS).join(', ');
      const more =
        this.payments.length > NAMED_PAYMENTS ? `, +${this.payments.length - NAMED_PAYMENTS} more` : '';
      parts.push(`${plural(this.payments.length, 'payment')} (${named}${more})`);
    }
    const callCount = [...this.calls.values()].reduce((total, n) => total + n, 0);
    if (callCount > 0) {
      const outcomes = [...this.calls].map(([outcome, n]) => `${n} ${outcome.replace('_', ' ')}`).join(', ');
      parts.push(`${plural(callCount, 'call')} worked (${outcomes})`);
    }
    if (this.problems.length > 0)
      parts.push(`${plural(this.problems.length, 'problem')}, first: ${this.problems[0]}`);
    this.day = undefined;
    this.payments = [];
    this.calls = new Map();
    this.problems = [];
    return parts.length > 0 ? `demo: ${day}: ${parts.join('; ')}` : undefined;
  }

  private note(): void {
    this.day ??= this.today();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
