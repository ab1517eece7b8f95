import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { BUSINESS_TIME_ZONE, localDate } from '../../functions/core/calendar/time-zone';
import { type PortfolioReport, portfolioReport } from '../../functions/use-cases/reports/portfolio-report';
import {
  type EmailFigures,
  emailFigures,
  executionsByStatus,
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
  /** Null when the table could not be read; `problems` says why. */
  portfolio: PortfolioReport | null;
  operations: {
    executions: Record<string, number> | null;
    emails: EmailFigures | null;
    snsMessages: Record<string, number> | null;
  };
  /** One line per source that could not be read: the rest of the page still shows. */
  problems: string[];
}

const LOCAL = { region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/**
 * Reads the figures afresh on every call: the page is a live view, refreshed every few seconds.
 * The portfolio is the production report; the operations are read from the local emulators.
 */
export function dashboardReader(sources: DashboardSources): () => Promise<DashboardFigures> {
  const store = new DynamoDbCreditStore(
    new DynamoDBClient({ ...LOCAL, endpoint: sources.dynamodbEndpoint }),
    sources.tableName,
  );
  const sfn = new SFNClient({ ...LOCAL, endpoint: sources.sfnEndpoint });

  return async () => {
    const now = sources.clock.now();
    const today = localDate(now, BUSINESS_TIME_ZONE);
    const problems: string[] = [];
    const settle = async <T>(source: string, read: Promise<T>): Promise<T | null> => {
      try {
        return await read;
      } catch (error) {
        problems.push(`${source}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    const [portfolio, executions, emails, snsMessages] = await Promise.all([
      // The report's today is the page's today: both read the one instant taken above.
      settle('DynamoDB', portfolioReport({ store, clock: { now: () => now } })),
      settle('Step Functions', executionsByStatus(sfn, sources.stateMachineArn)),
      settle('SES', emailFigures(sources.sesUrl)),
      settle('SNS', snsMessagesByTopic(sources.snsUrl)),
    ]);
    return {
      virtualNow: now.toISOString(),
      today,
      portfolio,
      operations: { executions, emails, snsMessages },
      problems,
    };
  };
}
