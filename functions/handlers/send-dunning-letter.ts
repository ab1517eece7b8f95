import { setTimeout as sleep } from 'node:timers/promises';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { selfServiceLinksFromEnvironment } from '../shared/self-service-config';
import { paymentProviderFromEnvironment } from '../shared/dependencies/payment-provider-from-environment';
import { postFromEnvironment } from '../shared/dependencies/post-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { sendDunningLetter } from '../use-cases/steps/send-dunning-letter-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';

const provider = paymentProviderFromEnvironment();

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
  selfServiceLink: selfServiceLinksFromEnvironment(clock),
  // Mollie's payment links where the invoicing system gave an invoice none.
  ...(provider ? { paymentLinks: provider } : {}),
  // Letters by post: the PDF to the printed-letters bucket, the order to the print queue.
  post: postFromEnvironment(),
  // Production waits: while another execution holds the debtor's letter of the day, this task
  // waits a few real moments for it to be sent rather than failing into the ASL's retry. The use
  // case takes the wait as an argument so that its tests need not wait.
  pause: (ms: number) => sleep(ms),
};

/** SendFirstReminder, SendSecondReminder and SendFinalNotice of the dunning state machine. */
export const handler = stepHandler(stepPayloadSchema, (payload) => sendDunningLetter(deps, payload));
