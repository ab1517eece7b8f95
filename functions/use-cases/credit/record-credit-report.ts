import { nextReportDue, type CreditReport, type ReportCadence } from '../../core/credit/credit-report';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { formatMoney } from '../../core/money';
import type { CollectionTask } from '../../core/tasks/collection-task';
import { ownerStamp } from '../../core/worklist/account-owner';
import type { Clock } from '../../ports/clock';
import type { CreditBureau } from '../../ports/credit-bureau';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { notFound } from '../refusal';

export interface CreditReportDeps {
  store: CreditStore;
  clock: Clock;
  bureau: CreditBureau;
  /** Days between reports per risk class (configuration). */
  cadence: ReportCadence;
}

export interface RecordedReport {
  report: CreditReport;
  /** Whether it is now the debtor's latest report (an older one only goes on the timeline). */
  latest: boolean;
  nextReportDue: string;
  /** The task that asks for the next report on that day. */
  refreshTaskId: string;
}

const REFRESH_TASK = 'credit-report--';

/**
 * POST /debtors/{id}/credit-reports: records what the bureau said. The latest report (by its
 * date) is kept on the debtor, shown in the debtor view and read by the credit check; every
 * report goes on the timeline. A `refresh_credit_report` task asks for the next one on the day
 * the risk class's cadence makes it due: it waits off the list (snoozed) until then, and a newer
 * report closes it.
 */
export async function recordCreditReport(
  deps: CreditReportDeps,
  request: { debtorId: string; by: string },
): Promise<RecordedReport> {
  const debtor = await deps.store.getDebtor(request.debtorId);
  if (!debtor) throw notFound(`Debtor ${request.debtorId} does not exist.`);
  const bureauReport = await deps.bureau.reportOn(debtor);
  return retryOnConflict(async () => {
    const current = await deps.store.getDebtor(request.debtorId);
    if (!current) throw notFound(`Debtor ${request.debtorId} does not exist.`);
    const now = deps.clock.now();
    const at = now.toISOString();
    const report: CreditReport = { ...bureauReport, recordedAt: at, recordedBy: `user:${request.by}` };
    const previous = current.creditReport;
    const latest = !previous || previous.reportDate <= report.reportDate;
    const dueOn = nextReportDue(latest ? report : previous, deps.cadence);
    const refreshTaskId = `${REFRESH_TASK}${current.id}--${dueOn}`;

    const writes: StoreWrite[] = [];
    if (latest) {
      writes.push({
        kind: 'putDebtor',
        debtor: revised(current, { creditReport: report }, now),
        expectedVersion: current.version,
      });
    }
    const event: TimelineEvent = {
      at,
      type: 'credit_report_recorded',
      actor: report.recordedBy,
      summary: `Credit report of ${report.provider} of ${report.reportDate}: score ${report.score}, ${report.riskClass} risk, recommended limit ${formatMoney(report.recommendedLimit, 'en')}`,
      details: { ...bureauReport, nextReportDue: dueOn },
    };
    writes.push({ kind: 'appendEvent', subject: { debtorId: current.id }, event });
    const open = (await deps.store.listOpenTasksOfDebtor(current.id)).filter(
      (task) => task.kind === 'refresh_credit_report',
    );
    for (const task of open.filter((task) => task.id !== refreshTaskId)) {
      writes.push({ kind: 'putTask', task: doneBy(task, report, now), expectedVersion: task.version });
    }
    if (!open.some((task) => task.id === refreshTaskId) && !(await deps.store.getTask(refreshTaskId))) {
      const task: CollectionTask = {
        id: refreshTaskId,
        kind: 'refresh_credit_report',
        status: 'open',
        debtorId: current.id,
        dueDate: dueOn,
        priority: 0,
        summary: `Ask for a new credit report on ${current.name}: the last one (${report.reportDate}, ${report.riskClass} risk) is due for a refresh`,
        snoozed: { until: dueOn, reason: 'the next credit report is due then', by: 'workflow', at },
        ...ownerStamp(current),
      };
      writes.push({ kind: 'putTask', task: firstVersion(task, at), expectedVersion: null });
    }
    await deps.store.commit(writes);
    return { report, latest, nextReportDue: dueOn, refreshTaskId };
  });
}

function doneBy(task: TaskRecord, report: CreditReport, now: Date): TaskRecord {
  return revised(
    task,
    {
      status: 'closed',
      outcome: {
        result: 'done',
        note: `a report of ${report.reportDate} was recorded`,
        by: report.recordedBy,
        at: now.toISOString(),
      },
    },
    now,
  );
}
