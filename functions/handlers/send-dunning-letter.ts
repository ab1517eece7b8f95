import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { cachedTemplateReader } from '../use-cases/templates/template-reader';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { replyAddressesFromEnvironment } from '../shared/reply-config';
import { selfServiceLinksFromEnvironment } from '../shared/self-service-config';
import { paymentProviderFromEnvironment } from '../shared/dependencies/payment-provider-from-environment';
import { textSenderOnFirstUse } from '../shared/dependencies/text-sender-on-first-use';
import { postOnFirstUse } from '../shared/dependencies/post-on-first-use';
import { stepHandler } from '../shared/step/step-handler';
import { sendDunningLetter } from '../use-cases/steps/send-dunning-letter-step';
import { parkUntilNextStep } from '../use-cases/steps/park-until-next-step';
import { parkingStepPayloadSchema } from '../use-cases/steps/step-payload';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';

const provider = paymentProviderFromEnvironment();
const replyAddress = replyAddressesFromEnvironment();

// Email is how most letters go: the mailer is made at cold start. Texts, letters by post, payment
// links and answering the state's own token are what only some steps do: their clients are loaded
// on first use (see docs/architecture.md).
const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
  selfServiceLink: selfServiceLinksFromEnvironment(clock),
  // The current wording an admin gave the letter, read at most once a minute per warm function.
  templates: cachedTemplateReader(letterTemplatesFromEnvironment(), clock),
  // Reminders on the sms channel, to the debtor's mobile number.
  texts: textSenderOnFirstUse(),
  // Mollie's payment links where the invoicing system gave an invoice none.
  ...(provider ? { paymentLinks: provider } : {}),
  // Each letter's own reply-to address, so that a reply finds the letter it answers.
  ...(replyAddress ? { replyAddress } : {}),
  // Letters by post: the PDF to the printed-letters bucket, the order to the print queue.
  post: postOnFirstUse(),
  // Production waits: while another execution holds the debtor's letter of the day, this task
  // waits a few real moments for it to be sent rather than failing into the ASL's retry. The use
  // case takes the wait as an argument so that its tests need not wait.
  pause: (ms: number) => sleep(ms),
  // Answers the state's own token when parking until the next step would not end on time.
  workflow: dunningWorkflowOnFirstUse(),
};

/**
 * SendFirstReminder, SendSecondReminder and SendFinalNotice of the dunning state machine: each
 * sends, then parks until the next step (waitForTaskToken; Step Functions ignores what this returns).
 */
export const handler = stepHandler(parkingStepPayloadSchema, async (payload) =>
  parkUntilNextStep(deps, payload.park, await sendDunningLetter(deps, payload)),
);
