import { readBusinessLanguage } from '../shared/business-language';
import { readCreditor } from '../shared/creditor';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { readReportRecipients } from '../shared/report-recipients';
import { scheduledHandler } from '../shared/schedule/scheduled-handler';
import { withScheduledJobs } from '../shared/schedule/scheduled-job';
import type { WeeklySummaryOutcome } from '../use-cases/reports/weekly-summary';
import { WEEKLY_SUMMARY_JOB } from '../use-cases/reports/weekly-summary-job';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { csvReply, wantsCsv } from '../shared/http/csv-reply';
import { routeHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { controllersReport } from '../use-cases/reports/controllers-report';
import {
  disputesReport,
  dunningReport,
  forecastReport,
  promisesReport,
} from '../use-cases/reports/fact-reports';
import { disputesCsv, dunningCsv, forecastCsv, promisesCsv } from '../use-cases/reports/fact-reports-csv';
import { portfolioCsv } from '../use-cases/reports/portfolio-csv';
import { portfolioHistory, portfolioOnDay } from '../use-cases/reports/portfolio-on-day';
import {
  provisionPercentagesFromEnvironment,
  smallBalanceCriteriaFromEnvironment,
} from '../shared/special-config';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  percentages: provisionPercentagesFromEnvironment(),
  criteria: smallBalanceCriteriaFromEnvironment(),
};
const creditor = readCreditor();
// The weekly summary is the only email, once a week: SES's client is loaded for it alone.
const summary = {
  ...deps,
  mailer: mailerOnFirstUse(),
  recipients: readReportRecipients(),
  language: readBusinessLanguage(),
};

/** Monday 07:00 Amsterdam (EventBridge Scheduler; locally the local cloud's timer): the weekly summary. */
const weeklySummary = scheduledHandler(
  {
    job: WEEKLY_SUMMARY_JOB,
    summarize: (outcome: WeeklySummaryOutcome) => ({
      counts: { WeeklySummariesSent: outcome.status === 'sent' ? 1 : 0 },
      failures: [],
      details: outcome,
    }),
  },
  async (context) => {
    const { sendWeeklySummary } = await import('../use-cases/reports/weekly-summary');
    return sendWeeklySummary(summary, { owner: context.awsRequestId });
  },
);

/**
 * The reports and statements, one function for their routes (see capability-handler.ts): the
 * portfolio and its history (JSON, or CSV when asked), the claim to file with a trustee, the VAT
 * relief of a period, the doubtful-debt provision, the small balances proposed for write-off,
 * the controllers' figures, and the dunning, promise, dispute and forecast reports (JSON or CSV);
 * and, on its schedule, the weekly summary to managers. The dashboard's reports are loaded at cold
 * start; the special team's (the trustee's claim with its letter texts, VAT relief, provision,
 * write-off proposals) and the weekly summary are loaded with their first request.
 */
const routes = capabilityHandler([
  [
    routeAt('GET', '/reports/portfolio'),
    routeHandler(routeAt('GET', '/reports/portfolio'), async ({ query, event }) => {
      const report = await portfolioOnDay(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(portfolioCsv([report]), `portfolio-${report.asOf}.csv`);
    }),
  ],
  [
    routeAt('GET', '/reports/portfolio/history'),
    routeHandler(routeAt('GET', '/reports/portfolio/history'), async ({ query, event }) => {
      const history = await portfolioHistory(deps, query);
      if (!wantsCsv(event, query.format)) return history;
      return csvReply(portfolioCsv(history.days), `portfolio-${history.from}-${history.to}.csv`);
    }),
  ],
  [
    routeAt('GET', '/debtors/{id}/insolvency-claim'),
    routeHandler(routeAt('GET', '/debtors/{id}/insolvency-claim'), async ({ path, query }) => {
      const [{ insolvencyClaim }, { renderInsolvencyClaimPage }] = await Promise.all([
        import('../use-cases/special/insolvency-claim'),
        import('../templates/insolvency-claim-page'),
      ]);
      const statement = await insolvencyClaim(deps, path.id);
      if (query.format !== 'html') return statement;
      return new Reply(200, renderInsolvencyClaimPage(statement, creditor.name), {
        'content-type': 'text/html; charset=utf-8',
      });
    }),
  ],
  [
    routeAt('GET', '/reports/vat-relief'),
    routeHandler(routeAt('GET', '/reports/vat-relief'), async ({ query }) => {
      const { vatReliefReport } = await import('../use-cases/reports/vat-relief-report');
      return vatReliefReport(deps.store, query.period);
    }),
  ],
  [
    routeAt('GET', '/reports/provision'),
    routeHandler(routeAt('GET', '/reports/provision'), async ({ query }) => {
      const { provisionCsv, provisionReport } = await import('../use-cases/special/provision-report');
      const report = await provisionReport(deps);
      if (query.format !== 'csv') return report;
      return new Reply(200, provisionCsv(report), { 'content-type': 'text/csv; charset=utf-8' });
    }),
  ],
  [
    routeAt('GET', '/write-off-proposals'),
    routeHandler(routeAt('GET', '/write-off-proposals'), async () => {
      const { currentWriteOffProposal } = await import('../use-cases/special/write-off-proposals');
      return currentWriteOffProposal(deps);
    }),
  ],
  [
    routeAt('GET', '/reports/controllers'),
    routeHandler(routeAt('GET', '/reports/controllers'), async ({ query }) =>
      controllersReport(deps.store, query),
    ),
  ],
  [
    routeAt('GET', '/reports/dunning'),
    routeHandler(routeAt('GET', '/reports/dunning'), async ({ query, event }) => {
      const report = await dunningReport(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(dunningCsv(report), `dunning-${report.from}-${report.to}.csv`);
    }),
  ],
  [
    routeAt('GET', '/reports/promises'),
    routeHandler(routeAt('GET', '/reports/promises'), async ({ query, event }) => {
      const report = await promisesReport(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(promisesCsv(report), `promises-${report.from}-${report.to}.csv`);
    }),
  ],
  [
    routeAt('GET', '/reports/disputes'),
    routeHandler(routeAt('GET', '/reports/disputes'), async ({ query, event }) => {
      const report = await disputesReport(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(disputesCsv(report), `disputes-${report.from}-${report.to}.csv`);
    }),
  ],
  [
    routeAt('GET', '/reports/forecast'),
    routeHandler(routeAt('GET', '/reports/forecast'), async ({ query, event }) => {
      const report = await forecastReport(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(forecastCsv(report), `forecast-${report.asOf}.csv`);
    }),
  ],
]);

export const handler = withScheduledJobs(routes, { [WEEKLY_SUMMARY_JOB]: weeklySummary });
