import type { InvoiceRecord } from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';

/**
 * Stops the running execution of an invoice whose new state was already committed. Called after
 * the commit on purpose: if the stop is lost, every task re-reads the invoice and skips, and the
 * invoice is no longer in the sweep's index, so nothing is sent for a settled invoice.
 */
export async function stopExecutionOf(
  workflow: DunningWorkflow,
  before: InvoiceRecord,
  reason: string,
): Promise<void> {
  if (before.dunning?.status === 'running') await workflow.stop(before.dunning.execution, reason);
}
