import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { installClock } from '../../functions/adapters/clock/system-clock';
import { TOPIC_NAMES, type TopicName } from '../../functions/catalogue';
import { newHandlerEnvironment } from '../api/handler-loader';
import { startLocalApi } from '../api/local-api';
import type { LocalRoute } from '../api/local-routes';
import { createLocalIssuer, type LocalIssuer } from '../auth/local-issuer';
import { Activity } from '../clock/activity';
import { VirtualClock } from '../clock/virtual-clock';
import { consoleRoutes } from '../console/console-routes';
import { dashboardRoutes } from '../dashboard/dashboard-routes';
import { ensureTable } from '../dynamodb/create-table';
import { startDynamoDbLocal } from '../dynamodb/dynamodb-local';
import { type FaultProxy, startFaultProxy } from '../faults/fault-proxy';
import { startSesEventDestination } from '../ses/ses-event-destination';
import { type StoredEmail, startSesLocal } from '../ses/ses-local';
import { type PublishedMessage, type PublishedText, startSnsServer } from '../sns/sns-server';
import { startStepFunctionsServer } from '../stepfunctions/server';
import { type MollieServer, startMollieServer } from '../mollie/mollie-server';
import { type LocalS3Server, startLocalS3 } from '../s3/s3-server';
import { startLocalLambda } from '../lambda/lambda-server';
import { type LocalSmtpServer, startLocalSmtp } from '../smtp/smtp-server';
import { replyMailDelivery } from '../smtp/reply-mail-delivery';
import { runDaily, runWeekly } from './daily-schedule';
import { printedLetterRoutes } from '../s3/printed-letter-routes';
import {
  LOCAL_ACCOUNT,
  LOCAL_BUCKETS,
  LOCAL_REGION,
  LOCAL_WEBHOOK_SECRET,
  type LocalEndpoints,
  localEnvironment,
  providerEnvironment,
  UNSET_WITHOUT_MOLLIE,
} from './environment';
import { type InvocationListener, type InvokeFunction, lambdaRuntime } from './lambda-runtime';
import { snsEventOf } from './sns-lambda-event';
import { createStateMachines } from './state-machines';

export interface LocalCloudOptions {
  /** Real seconds per virtual day; null freezes time (tests move it with clock.advance). */
  daySeconds: number | null;
  /** Virtual time at start. Default: the real time now. */
  start?: Date;
  /** Keep DynamoDB data under this directory; in memory when absent. */
  dataDir?: string;
  /** Use a running DynamoDB (the tests' shared DynamoDB Local) instead of starting one. */
  dynamodbEndpoint?: string;
  tableName?: string;
  /** Preferred ports; 0 or absent = any free port. A busy preferred port falls back to a free one. */
  ports?: Partial<Record<'api' | 'ses' | 'sns' | 's3' | 'sfn' | 'dynamodb' | 'mollie' | 'smtp', number>>;
  /** Where the local token issuer keeps its key (shared with `npm run token`); in memory when absent. */
  authDir?: string;
  /** Run the daily sweep at 06:00 Europe/Amsterdam virtual time. Default true. */
  dailySweep?: boolean;
  /** Send the weekly summary to managers on Mondays at 07:00 Europe/Amsterdam virtual time. Default: as `dailySweep`. */
  weeklySummary?: boolean;
  extraRoutes?: readonly LocalRoute[];
  onInvoke?: InvocationListener;
  /** Puts a fault proxy in front of SES so that tests can throttle it (cloud.sesFaults). */
  sesFaultProxy?: boolean;
  /** The address the letters' self-service links start with; default: the local API's. */
  selfServiceBaseUrl?: string;
  /** Addresses whose deliveries SES reports late: the local cloud publishes no event for them. */
  sesSlowMailboxes?: readonly string[];
  log?: (line: string) => void;
  /** Run the Mollie-compatible server and point the handlers at it. Default true. */
  mollie?: boolean;
}

export interface LocalCloud {
  clock: VirtualClock;
  /** What the local cloud is busy with: invocations, requests, executions, schedules. */
  activity: Activity;
  endpoints: LocalEndpoints & { api: string; inbox: string };
  tableName: string;
  stateMachineArn: string;
  /** statemachines/payment-plan.asl.json. */
  paymentPlanStateMachineArn: string;
  webhookSecret: string;
  issuer: LocalIssuer;
  /** The S3-compatible server: its object events, as S3 notifications would deliver them. */
  s3: LocalS3Server;
  /** The SMTP server that takes the debtors' replies for the reply domain, as SES does in AWS. */
  smtp: LocalSmtpServer;
  /** The Mollie-compatible server (absent with `mollie: false`): its checkout, links and payments. */
  mollie?: MollieServer;
  /** Present with `sesFaultProxy`: fails the next SES calls like a throttled SES would. */
  sesFaults?: FaultProxy;
  /** Every email the SES emulator received, oldest first. */
  emails(): Promise<StoredEmail[]>;
  /** Every message published to SNS, oldest first. */
  notifications(): PublishedMessage[];
  /** Every text SNS sent to a phone number, oldest first. */
  texts(): PublishedText[];
  /** Invokes a catalogue function in-process, as Lambda would. */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /**
   * Resolves once no Lambda invocation or API request is in flight and no execution or schedule
   * has a timer due at or before the virtual now; throws, naming what is busy, after `timeoutMs`.
   */
  idle(timeoutMs?: number): Promise<void>;
  /** When the next timer (a Wait, a time limit, a retry pause, a schedule) is due, if any. */
  nextTimerAt(): Date | undefined;
  /** Moves the frozen clock to `at` from timer to timer, idle after each (see Activity.advanceTo). */
  advanceTo(at: Date): Promise<void>;
  /** advanceTo, `ms` from the virtual now. */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole system on this machine: DynamoDB Local, the SES v2 emulator, the SNS and
 * Step Functions servers, the API shim and the daily sweep, all on one virtual clock, with the
 * real handlers and the real state-machine files. Used by `npm start` and by integration tests.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`stop failed: ${String(e)}`));
  };
  try {
    // Frozen while the services start, so that start-up takes no virtual days; runs once ready.
    const clock = new VirtualClock({ start: options.start ?? new Date(), daySeconds: null });
    installClock(clock);
    stops.push(async () => clock.dispose());
    const activity = new Activity(clock);

    let dynamodbEndpoint = options.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dbPath = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
      if (dbPath) mkdirSync(dbPath, { recursive: true });
      const db = await startDynamoDbLocal({ port: options.ports?.dynamodb, dbPath });
      stops.push(() => db.stop());
      if (!db.loopbackOnly) {
        log('DynamoDB Local listens on every interface: this Java runtime cannot run its loopback launcher');
      }
      dynamodbEndpoint = db.endpoint;
    }
    const clientConfig = {
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    const tableName = options.tableName ?? 'credit-control';
    await ensureTable(new DynamoDBClient({ ...clientConfig, endpoint: dynamodbEndpoint }), tableName);

    const ses = await startSesLocal({ port: options.ports?.ses });
    stops.push(() => ses.stop());
    const sns = await startSnsServer({
      port: options.ports?.sns,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      now: () => clock.now(),
    });
    stops.push(() => sns.stop());
    // S3: the buckets the functions name in their environment, empty at each start.
    const s3 = await startLocalS3({ port: options.ports?.s3, buckets: Object.values(LOCAL_BUCKETS) });
    stops.push(() => s3.stop());

    const lambdas = tracked(lambdaRuntime(options.onInvoke), activity);
    const sfnServer = await startStepFunctionsServer({
      port: options.ports?.sfn,
      clock,
      activity,
      lambdas,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
    });
    stops.push(() => sfnServer.stop());

    const snsClient = new SNSClient({ ...clientConfig, endpoint: sns.url });
    const topicArns = {} as Record<TopicName, string>;
    for (const topic of TOPIC_NAMES) {
      const out = await snsClient.send(new CreateTopicCommand({ Name: topic }));
      topicArns[topic] = out.TopicArn ?? '';
    }
    // SDK → (fault proxy) → event destination → SES emulator; events go to SNS and, as the
    // email-events topic's Lambda subscription does in AWS, to record-email-event.
    const sesEvents = await startSesEventDestination({
      target: ses.url,
      now: () => clock.now(),
      publish: (event) =>
        activity.track(`SES ${event.eventType} event`, async () => {
          const message = JSON.stringify(event);
          const published = await snsClient.send(
            new PublishCommand({ TopicArn: topicArns['email-events'], Message: message }),
          );
          await invoke(
            'record-email-event',
            snsEventOf(topicArns['email-events'], published.MessageId ?? '', message),
          );
        }),
      onError: (error) => log(`SES event not delivered: ${String(error)}`),
      ...(options.sesSlowMailboxes ? { slowMailboxes: options.sesSlowMailboxes } : {}),
    });
    stops.push(() => sesEvents.stop());
    const sesFaults = options.sesFaultProxy ? await startFaultProxy(sesEvents.url) : undefined;
    if (sesFaults) stops.push(() => sesFaults.stop());

    const sfnClient = new SFNClient({ ...clientConfig, endpoint: sfnServer.url });
    stops.push(async () => sfnClient.destroy());
    const stateMachines = await createStateMachines(sfnClient);
    const stateMachineArn = stateMachines.dunning;
    if (!stateMachineArn) throw new Error('statemachines/dunning.asl.json is missing');
    const paymentPlanStateMachineArn = stateMachines['payment-plan'];
    if (!paymentPlanStateMachineArn) throw new Error('statemachines/payment-plan.asl.json is missing');

    // Lambda's Invoke API, for the functions that invoke another and wait for it.
    const lambdaServer = await startLocalLambda({
      invoke: async (name, event) => {
        const fn = lambdas.get(name);
        if (!fn) throw new Error(`no function named ${name}`);
        return fn(event);
      },
    });
    stops.push(() => lambdaServer.stop());

    const endpoints: LocalEndpoints = {
      dynamodb: dynamodbEndpoint,
      ses: sesFaults?.url ?? sesEvents.url,
      sns: sns.url,
      s3: s3.url,
      sfn: sfnServer.url,
      lambda: lambdaServer.url,
    };
    Object.assign(
      process.env,
      localEnvironment(endpoints, {
        tableName,
        stateMachineArn,
        paymentPlanStateMachineArn,
        topicArns,
        webhookSecret: LOCAL_WEBHOOK_SECRET,
      }),
    );
    newHandlerEnvironment();

    const invoke = async (name: string, event: unknown) => {
      const fn = lambdas.get(name);
      if (!fn) throw new Error(`no function named ${name} in functions/catalogue.ts`);
      return fn(event);
    };

    // Replies: SMTP for the reply domain → the reply-mail bucket → its event → record-email-event,
    // as SES's receipt rule and the bucket's notification do in AWS.
    const smtp = await startLocalSmtp({
      port: options.ports?.smtp,
      ...replyMailDelivery({ s3, activity, invoke, log }),
    });
    stops.push(() => smtp.stop());

    const issuer = await createLocalIssuer(options.authDir ? { keyDir: options.authDir } : {});
    let ready = false;
    // Its own client, failing fast: /health must answer while DynamoDB Local hangs or is gone.
    const healthDb = new DynamoDBClient({
      ...clientConfig,
      endpoint: dynamodbEndpoint,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
    });
    stops.push(async () => healthDb.destroy());
    const api = await startLocalApi({
      port: options.ports?.api ?? 0,
      tokens: issuer,
      ready: () => ready,
      healthChecks: [
        {
          name: 'dynamodb',
          check: async () => {
            await healthDb.send(new DescribeTableCommand({ TableName: tableName }));
          },
        },
      ],
      clock,
      onRequest: (what) => activity.begin(`API request ${what}`),
      extraRoutes: [
        ...dashboardRoutes({
          dynamodbEndpoint,
          tableName,
          sfnEndpoint: sfnServer.url,
          stateMachineArn,
          sesUrl: ses.url,
          snsUrl: sns.url,
          clock,
        }),
        {
          // What the scheduler does at 06:00, on demand: start due invoices, restore lost executions.
          method: 'POST',
          path: '/_local/sweep',
          handle: async () => ({
            status: 200,
            body: await invoke('sweep-due-invoices', { source: 'local.api' }),
          }),
        },
        ...consoleRoutes(issuer),
        ...printedLetterRoutes(s3.url),
        ...(options.extraRoutes ?? []),
      ],
      log,
    });
    stops.push(() => api.stop());
    // The letters' links lead to this API; a test or a developer may name another address.
    process.env.SELF_SERVICE_BASE_URL = options.selfServiceBaseUrl ?? api.url;

    // Mollie: the handlers find it as they find the emulators, through their environment.
    const mollie =
      options.mollie === false
        ? undefined
        : await startMollieServer({ port: options.ports?.mollie, now: () => clock.now(), log });
    if (mollie) stops.push(() => mollie.stop());
    Object.assign(process.env, providerEnvironment(mollie?.url, api.url));
    for (const name of UNSET_WITHOUT_MOLLIE) if (!mollie) delete process.env[name];
    newHandlerEnvironment();

    const sweepStateMachineArn = stateMachines['daily-sweep'];
    if (options.dailySweep !== false && sweepStateMachineArn) {
      const sweepStop = new AbortController();
      // As EventBridge Scheduler does: an execution of the sweep's state machine, which calls the
      // sweep function slice after slice; the local cloud is busy until it ends.
      let runs = 0;
      const sweep = async () => {
        runs += 1;
        await sfnClient.send(
          new StartExecutionCommand({
            stateMachineArn: sweepStateMachineArn,
            name: `sweep-${clock
              .now()
              .toISOString()
              .replace(/[^0-9]/g, '')}-${runs}`,
            input: JSON.stringify({ source: 'local.scheduler' }),
          }),
        );
      };
      // Once at start (restores what a restart lost), then every day at 06:00 in Amsterdam.
      void sweep().catch((e: unknown) => log(`sweep failed: ${String(e)}`));
      void runDaily(
        activity,
        'daily sweep',
        { hour: 6, minute: 0, timeZone: 'Europe/Amsterdam' },
        sweep,
        sweepStop.signal,
        (e) => log(`sweep failed: ${String(e)}`),
      );
      stops.push(async () => sweepStop.abort());
    }

    if (options.weeklySummary ?? options.dailySweep !== false) {
      const summaryStop = new AbortController();
      // As the summary's EventBridge Scheduler schedule does: the reports function, with its job.
      void runWeekly(
        activity,
        'weekly summary',
        { weekday: 1, hour: 7, minute: 0, timeZone: 'Europe/Amsterdam' },
        async () => {
          await invoke('reports', { job: 'weekly-summary' });
        },
        summaryStop.signal,
        (e) => log(`weekly summary failed: ${String(e)}`),
      );
      stops.push(async () => summaryStop.abort());
    }

    clock.setSpeed(options.daySeconds);
    ready = true;
    return {
      clock,
      activity,
      endpoints: { ...endpoints, api: api.url, inbox: ses.url },
      tableName,
      stateMachineArn,
      paymentPlanStateMachineArn,
      webhookSecret: LOCAL_WEBHOOK_SECRET,
      issuer,
      s3,
      smtp,
      ...(mollie ? { mollie } : {}),
      ...(sesFaults ? { sesFaults } : {}),
      emails: () => ses.emails(),
      notifications: () => sns.messages(),
      texts: () => sns.texts(),
      invoke,
      idle: (timeoutMs) => activity.idle(timeoutMs),
      nextTimerAt: () => {
        const at = clock.nextWakeAt();
        return at === undefined ? undefined : new Date(at);
      },
      advanceTo: (at) => activity.advanceTo(at),
      advance: (ms) => activity.advanceTo(clock.nowMs() + ms),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The Lambda service as the activity sees it: every invocation is busy until it returns. */
function tracked(lambdas: Map<string, InvokeFunction>, activity: Activity): Map<string, InvokeFunction> {
  return new Map(
    [...lambdas].map(([name, invoke]) => [
      name,
      (event: unknown) => activity.track(`Lambda ${name}`, () => invoke(event)),
    ]),
  );
}
