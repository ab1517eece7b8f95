import * as z from 'zod';
import { readConfig } from '../shared/config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { httpHandler } from '../shared/http/http-handler';
import { assignPayment } from '../use-cases/payments/assign-payment';

const config = readConfig(
  z.object({ PAYMENT_REFERENCE_SCHEME: z.enum(['rf', 'betalingskenmerk']).default('rf') }),
);

// An assigned payment pays invoices, which stops their dunning (the workflow, at cold start). A
// change of credit status, a reward and its thank-you email follow only some payments: SNS's and
// SES's clients are loaded with the first of them.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  notifier: notifierOnFirstUse(['credit-status', 'customer-rewards']),
  // The thank-you email to a debtor whose payment made it a good payer, where the policy says so.
  mailer: mailerOnFirstUse(),
  clock,
  referenceScheme: config.PAYMENT_REFERENCE_SCHEME,
};

export const handler = httpHandler('assign-payment', async ({ path, body, caller }) =>
  assignPayment(deps, {
    paymentId: path.id,
    target: body.to === 'invoice' ? { invoiceId: body.id } : { debtorId: body.id },
    by: caller.sub,
  }),
);
