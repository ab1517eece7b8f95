import type { DebtorRecord } from '../../ports/credit-store';
import type { SubmissionResult } from '../../ports/self-service-records';
import { renderConfirmationEmail } from '../../templates/self-service/confirmation-email';
import { pageLanguage } from './page-view';
import type { SelfServiceDeps } from './self-service-deps';

/** Confirms an action of the page to the debtor by email; a debtor without an address gets none. */
export async function sendConfirmation(
  deps: SelfServiceDeps,
  debtor: DebtorRecord,
  result: SubmissionResult,
): Promise<void> {
  if (!debtor.email) return;
  const rendered = renderConfirmationEmail({
    language: pageLanguage(debtor),
    debtorName: debtor.name,
    creditorName: deps.creditor.name,
    result,
  });
  await deps.mailer.send({
    to: debtor.email,
    ...rendered,
    tags: { kind: 'self-service' },
  });
}
