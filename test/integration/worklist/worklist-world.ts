import type { CloudHarness } from '../workflow/local-cloud-harness';

export interface WorklistBody {
  date: string;
  rulesVersion: number;
  entries: {
    debtorId: string;
    name: string;
    owner: { sub: string; email?: string } | null;
    priority: number;
    reasons: { factor: string; points: number; detail: string }[];
    tasks: {
      id: string;
      kind: string;
      invoiceId?: string;
      debtorName?: string;
      phone?: string;
      openAmount?: number;
      outcomes: string[];
    }[];
    overdueAmount: number;
    currency: string;
    oldestDaysOverdue: number;
    brokenPromises: number;
    nextAction: string;
    returnsOn?: string;
  }[];
  /** Debtors off today's list until a later day, each as an entry. */
  waiting?: WorklistBody['entries'];
  managerTasks?: { id: string; why: string }[];
}

/** GET /worklist as a role sees it. */
export async function worklistOf(
  h: CloudHarness,
  group: 'controller' | 'manager' = 'controller',
  query = '',
): Promise<WorklistBody> {
  const answer = await h.get<WorklistBody>(`/worklist${query}`, group);
  if (answer.status !== 200)
    throw new Error(`GET /worklist: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The entries of the given debtors only, in the worklist's order: other tests' debtors share no table, but be plain. */
export function entriesOf(list: WorklistBody, debtorIds: readonly string[]) {
  return list.entries.filter((entry) => debtorIds.includes(entry.debtorId));
}
