/**
 * What the API answers to the Invoice, Search, Reports and Settings pages, as its use cases
 * declare it (type-only imports: nothing of the server is bundled), so that a changed answer
 * breaks the console's build.
 */
export type { InvoiceView } from '../../../functions/use-cases/queries/invoice-view';
export type { Claim } from '../../../functions/core/legal/claim';
import type { findDebtors } from '../../../functions/use-cases/accounts/find-debtors';
import type { findInvoices } from '../../../functions/use-cases/accounts/find-invoices';

/** GET /debtors and GET /invoices: a page of what matched. */
export type DebtorList = Awaited<ReturnType<typeof findDebtors>>;
export type InvoiceList = Awaited<ReturnType<typeof findInvoices>>;
export type DebtorSummary = DebtorList['debtors'][number];
export type InvoiceSummary = InvoiceList['invoices'][number];
export type {
  PortfolioHistory,
  PortfolioReportOnDay,
} from '../../../functions/use-cases/reports/portfolio-on-day';
export type {
  DisputesReport,
  DunningReport,
  ForecastReport,
  PromisesReport,
} from '../../../functions/use-cases/reports/fact-reports';
export type { ControllersReport } from '../../../functions/use-cases/reports/controllers-report';
export type { PortfolioBucket } from '../../../functions/core/reports/portfolio-day';
export type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
export type { RateTable } from '../../../functions/use-cases/rates/rate-table';
export type { WorklistRules } from '../../../functions/core/worklist/worklist-rules';
export type { DisputeCauseList } from '../../../functions/core/disputes/dispute-causes';
export type { ScoreRules } from '../../../functions/core/score/score-rules';
export type { LetterTemplateVersion } from '../../../functions/templates/letter-texts/letter-template';
import type { listTemplates } from '../../../functions/use-cases/templates/template-catalogue';
/** GET /templates: every letter template at its current version. */
export type TemplateList = Awaited<ReturnType<typeof listTemplates>>;
