/**
 * What a sweep run does once, before its first page or at its finish: the day's money review,
 * overdue disputes, the portfolio's snapshot, the day's metrics, the pre-due notices and the
 * payment plans' restore. The ranges of the fanned-out sweep, most of a run's calls, need none
 * of it: the sweep's function loads this module with the run's first or last step.
 */
export { reviewMoneyDaily } from '../payments/daily-money-review';
export { raiseOverdueDisputeTasks } from '../disputes/overdue-disputes';
export { closePortfolioDays } from '../reports/portfolio-snapshots';
export { dailyMetrics } from '../reports/daily-metrics';
export { sendPreDueNotices } from '../pre-due/pre-due-notices';
export { restorePlanExecutions } from '../plans/restore-plan-executions';
