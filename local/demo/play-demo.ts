import { BUSINESS_TIME_ZONE, localDate } from '../../functions/core/calendar/time-zone';
import { AgencyClient } from '../collection-agency/agency-client';
import { runDaily } from '../cloud/daily-schedule';
import { LOCAL_AGENCY_WEBHOOK_SECRET } from '../cloud/environment';
import type { LocalCloud } from '../cloud/local-cloud';
import { controllerApi } from './controller-api';
import { collectOneClaimAtAgency } from './demo-agency';
import { playDebtorReplies } from './demo-replies';
import { arrangeWithDebtors } from './demo-arrangements';
import { workCallTasks } from './credit-controller';
import { DayJournal } from './day-journal';
import { enterDemoRates } from './demo-rates';
import { markerStore } from './demo-marker';
import { buildPortfolio } from './demo-portfolio';
import { invoiceStateReader } from './invoice-states';
import { loadPortfolio } from './load-portfolio';
import { playPayments } from './payment-player';
import { debtorsUseTheirPage } from './self-service-debtors';
import { webhookSender } from './webhook-sender';

const CONTROLLER_STARTS = { hour: 10, minute: 0, timeZone: BUSINESS_TIME_ZONE };
const AGENCY_WORKS = { hour: 11, minute: 0, timeZone: BUSINESS_TIME_ZONE };
const DAY_ENDS = { hour: 23, minute: 59, timeZone: BUSINESS_TIME_ZONE };

/**
 * Loads the demo portfolio through the invoicing webhook and returns; then plays it in the
 * background on the virtual clock: debtors pay as their behaviour says, and a credit controller
 * works the call tasks every morning. With `dataDir`, a restart on the same data does not load
 * again but plays on. The playback ends when `signal` aborts or the local cloud stops.
 */
export async function playDemo(
  cloud: LocalCloud,
  options: { dataDir?: string; log: (line: string) => void; signal?: AbortSignal },
): Promise<void> {
  // Without a signal the playback lasts as long as the local cloud: cloud.stop() disposes the
  // clock, and every sleeper of the playback then ends quietly.
  const stop = options.signal ?? new AbortController().signal;

  const marker = markerStore(options.dataDir);
  const saved = marker.read();
  const loadedAt = saved ? Date.parse(saved.loadedAt) : cloud.clock.nowMs();
  const portfolio = buildPortfolio(localDate(new Date(loadedAt), BUSINESS_TIME_ZONE));
  const send = webhookSender({
    apiUrl: cloud.endpoints.api,
    secret: cloud.webhookSecret,
    now: () => cloud.clock.now(),
  });
  const posted: string[] = [];
  let agencyCollected = saved?.agencyCollected;
  const remember = (status: 'loading' | 'loaded') =>
    marker.write({
      loadedAt: new Date(loadedAt).toISOString(),
      status,
      paymentsPosted: posted,
      ...(agencyCollected ? { agencyCollected } : {}),
    });

  if (saved?.status === 'loaded') {
    posted.push(...saved.paymentsPosted);
    options.log(`demo: portfolio of ${portfolio.today} already loaded; playing on`);
  } else {
    remember('loading');
    options.log(
      `demo: sending ${portfolio.debtors.length} debtors and ${portfolio.invoices.length} invoices through the invoicing webhook…`,
    );
    // Time stands still while the backlog arrives, so that the portfolio is loaded as of one moment.
    const speed = cloud.clock.daySeconds;
    cloud.clock.setSpeed(null);
    const report = await loadPortfolio(portfolio, send, loadedAt).finally(() => cloud.clock.setSpeed(speed));
    posted.push(...report.paymentsPosted);
    // Loaded even when some deliveries were refused: a refusal would only repeat on every restart.
    remember('loaded');
    options.log(
      `demo: ${report.debtors} debtors and ${report.invoices} invoices loaded (${posted.length} payments before today)`,
    );
    if (report.failures.length > 0) {
      options.log(`demo: ${report.failures.length} deliveries failed, first: ${report.failures[0]}`);
    }
  }

  const rates = await enterDemoRates(cloud.endpoints.api, cloud.issuer);
  if (rates) options.log(rates);

  const journal = new DayJournal(() => localDate(cloud.clock.now(), BUSINESS_TIME_ZONE));
  const api = controllerApi(cloud.endpoints.api, cloud.issuer);
  // Once, with the portfolio: a promise, a dispute and a payment plan to look at from the start.
  if (saved?.status !== 'loaded') options.log(await arrangeWithDebtors(api, portfolio.today));
  if (saved?.status !== 'loaded')
    options.log(await debtorsUseTheirPage(cloud.endpoints.api, api, portfolio.today, cloud.clock.now()));
  const alreadyPosted = new Set(posted);
  void playPayments(
    portfolio.payments.filter((payment) => !alreadyPosted.has(payment.id)),
    new Map(portfolio.invoices.map((invoice) => [invoice.id, invoice])),
    {
      activity: cloud.activity,
      send,
      api,
      readStates: invoiceStateReader({ endpoint: cloud.endpoints.dynamodb, tableName: cloud.tableName }),
      journal,
      onPosted: (ids) => {
        posted.push(...ids);
        remember('loaded');
      },
    },
    stop,
  );
  void runDaily(
    cloud.activity,
    'demo credit controller',
    CONTROLLER_STARTS,
    () => workCallTasks(api, cloud.clock.now(), journal),
    stop,
    (error) => journal.problem(error instanceof Error ? error.message : String(error)),
  );
  // Two debtors answer a letter by email: one in person, one with an out-of-office notice.
  playDebtorReplies(cloud, stop, options.log);
  // Once a claim has reached the agency: the agency collects on it through its signed webhook.
  const agency = new AgencyClient({ apiUrl: cloud.endpoints.api, secret: LOCAL_AGENCY_WEBHOOK_SECRET });
  void runDaily(
    cloud.activity,
    'demo collection agency',
    AGENCY_WORKS,
    async () => {
      if (agencyCollected) return;
      const line = await collectOneClaimAtAgency(api, agency, cloud.clock.now());
      if (!line) return;
      agencyCollected = line;
      remember('loaded');
      options.log(line);
    },
    stop,
    (error) => journal.problem(error instanceof Error ? error.message : String(error)),
  );
  void runDaily(
    cloud.activity,
    'demo day journal',
    DAY_ENDS,
    async () => {
      const line = journal.close();
      if (line) options.log(line);
    },
    stop,
    // Closing the journal only formats a line: there is nothing that could fail.
    () => {},
  );
}
