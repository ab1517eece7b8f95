import * as z from 'zod';
import { readConfig } from '../shared/config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { assignPayment } from '../use-cases/payments/assign-payment';

const config = readConfig(
  z.object({ PAYMENT_REFERENCE_SCHEME: z.enum(['rf', 'betalingskenmerk']).default('rf') }),
);

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  notifier: notifierFromEnvironment(['credit-status', 'customer-rewards']),
  // The thank-you email to a debtor whose payment made it a good payer, where the policy says so.
  mailer: mailerFromEnvironment(),
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
