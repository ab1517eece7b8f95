import { readCreditor } from '../shared/creditor';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planStepHandler } from '../shared/step/plan-step-handler';
import { sendInstalmentReminder } from '../use-cases/plans/instalment-reminder';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
};

/** SendInstalmentReminder of the payment-plan state machine. */
export const handler = planStepHandler((payload) => sendInstalmentReminder(deps, payload));
