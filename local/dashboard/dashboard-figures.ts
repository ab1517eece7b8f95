import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { addDays, type CalendarDate } from '../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../functions/core/calendar/time-zone';
import { type Workload, workload } from '../../functions/core/reports/workload';
import type { CreditStore } from '../../functions/ports/credit-store';
import { type AgencyReport, agencyReport } from '../../functions/use-cases/collection-agency/agency-report';
import { isTaskOverdue } from '../../functions/use-cases/reports/daily-metrics';
import {
  type PortfolioHistory,
  type PortfolioReportOnDay,
  portfolioHistory,
  portfolioOnDay,
} from '../../functions/use-cases/reports/portfolio-on-day';
import {
  type EmailFigures,
  emailFigures,
  executionsByOutcome,
  snsMessagesByTopic,
} from './operations-figures';

/** Where the dashboard reads its figures: the local services, each by its own protocol. */
export interface DashboardSources {
  dynamodbEndpoint: string;
  tableName: string;
  sfnEndpoint: string;
  stateMachineArn: string;
  /** The SES emulator's base URL (its JSON view is GET /store). */
  sesUrl: string;
  /** The local SNS's base URL (its JSON view is GET /messages). */
  snsUrl: string;
  clock: { now(): Date };
}

export interface DashboardFigures {
  virtualNow: string;
  today: string;
  /** As GET /reports/portfolio answers today; null when it could not be read (`problems` says why). */
  portfolio: PortfolioReportOnDay | null;
  /** As GET /reports/portfolio/history answers for the last 90 days, today included: the DSO line. */
  history: PortfolioHistory | null;
  /** As GET /reports/agency answers: the claims handed over, those still at the agency apart. */
  agency: AgencyReport | null;
  /** The credit controllers' open tasks, and those past their due day. */
  tasks: OpenWork | null;
  operations: {
    /** Executions by how they stand or ended, stopped ones by the reason they were stopped. */
    executions: Record<string, number> | null;
    emails: EmailFigures | null;
    snsMessages: Record<string, number> | null;
  };
  /** One line per source that could not be read: the rest of the page still shows. */
  problems: string[];
}

export interface OpenWork extends Workload {
  /** Still open after the day they were due (or snoozed to): work that went stale. */
  overdue: number;
}

/** The DSO line covers the standard DSO's own period: 90 days, today included. */
const HISTORY_DAYS = 90;

const LOCAL = { region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/**
 * Reads the figures afresh on every call: the page is a live view, refreshed every few seconds.
 * The portfolio, its history and the agency's claims come from the report use cases the API
 * answers with (a bounded number of items, never a scan); the operations from the local emulators.
 */
export function dashboardReader(sources: DashboardSources): () => Promise<DashboardFigures> {
  const store = new DynamoDbCreditStore(
    new DynamoDBClient({ ...LOCAL, endpoint: sources.dynamodbEndpoint }),
    sources.tableName,
  );
  const sfn = new SFNClient({ ...LOCAL, endpoint: sources.sfnEndpoint });
  const stopReasons = new Map<string, string>();

  return async () => {
    const now = sources.clock.now();
    const today = localDate(now, BUSINESS_TIME_ZONE);
    // Every report reads the one instant taken above: their today is the page's today.
    const deps = { store, clock: { now: () => now } };
    const problems: string[] = [];
    const settle = async <T>(source: string, read: Promise<T>): Promise<T | null> => {
      try {
        return await read;
      } catch (error) {
        problems.push(`${source}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    const [portfolio, history, agency, tasks, executions, emails, snsMessages] = await Promise.all([
      settle('portfolio report', portfolioOnDay(deps, {})),
      settle('portfolio history', portfolioHistory(deps, { from: addDays(today, 1 - HISTORY_DAYS) })),
      settle('agency report', agencyReport(deps, {})),
      settle('open tasks', openWork(store, today)),
      settle('Step Functions', executionsByOutcome(sfn, sources.stateMachineArn, stopReasons)),
      settle('SES', emailFigures(sources.sesUrl)),
      settle('SNS', snsMessagesByTopic(sources.snsUrl)),
    ]);
    return {
      virtualNow: now.toISOString(),
      today,
      portfolio,
      history,
      agency,
      tasks,
      operations: { executions, emails, snsMessages },
      problems,
    };
  };
}

/** The open tasks as the daily metrics count them: all of them, and those overdue. */
async function openWork(store: Pick<CreditStore, 'listOpenTasks'>, today: CalendarDate): Promise<OpenWork> {
  const tasks = await store.listOpenTasks();
  return { ...workload(tasks), overdue: tasks.filter((task) => isTaskOverdue(task, today)).length };
}
