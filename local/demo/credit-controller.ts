import type { CallOutcome } from '../../functions/core/tasks/collection-task';
import type { CallApi } from './controller-api';
import type { DayJournal } from './day-journal';
import { hashOf } from './seeded-random';

/** A controller gets through a handful of calls a day; the rest of the list waits for tomorrow. */
const CALLS_PER_DAY = 5;
/** A task stays on the list for most of a day before it is called, so that people can see it there. */
const MIN_TASK_AGE_MS = 20 * 3_600_000;

interface ListedTask {
  id: string;
  kind: string;
  priority: number;
  createdAt: string;
}

const NOTES: Record<CallOutcome, string> = {
  no_answer: 'Geen gehoor; voicemail ingesproken.',
  reached: 'Gesproken met de administratie; betaling toegezegd.',
  wrong_contact: 'Nummer hoort niet bij deze debiteur.',
  promised: 'Betaling toegezegd op een vaste datum.',
  disputed: 'Debiteur betwist de factuur.',
  plan_requested: 'Debiteur vraagt om een betalingsregeling.',
  financial_trouble: 'Debiteur geeft aan in financiële problemen te zitten.',
};

/**
 * One working day of a credit controller: the most urgent call tasks that have been on the list
 * for a while are called and their outcome recorded through the API, which resumes the waiting
 * dunning workflow. Most calls go unanswered, as they do.
 */
export async function workCallTasks(api: CallApi, now: Date, journal: DayJournal): Promise<void> {
  const list = await api('GET', '/tasks');
  if (list.status !== 200) throw new Error(`GET /tasks answered ${list.status}`);
  const tasks = (list.body as { tasks: ListedTask[] }).tasks
    .filter((task) => task.kind === 'call' && now.getTime() - Date.parse(task.createdAt) >= MIN_TASK_AGE_MS)
    .sort((a, b) => b.priority - a.priority)
    .slice(0, CALLS_PER_DAY);
  for (const task of tasks) {
    const outcome = outcomeOf(task.id);
    const answer = await api('POST', `/tasks/${encodeURIComponent(task.id)}/outcome`, {
      outcome,
      note: NOTES[outcome],
    });
    // 409: the task was closed meanwhile (the invoice got paid); nothing to record.
    if (answer.status === 200) journal.call(outcome);
    else if (answer.status !== 409) journal.problem(`outcome of task ${task.id} answered ${answer.status}`);
  }
}

/** Seventy in a hundred calls go unanswered, one in twenty reaches the wrong person; fixed per task. */
function outcomeOf(taskId: string): CallOutcome {
  const roll = hashOf(taskId) % 100;
  if (roll < 70) return 'no_answer';
  return roll < 95 ? 'reached' : 'wrong_contact';
}
