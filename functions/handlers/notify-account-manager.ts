import { readBusinessLanguage } from '../shared/business-language';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { notifyAccountManager } from '../use-cases/steps/notify-account-manager-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['account-managers', 'credit-status']),
  businessLanguage: readBusinessLanguage(),
};

/** EscalateToAccountManager of the dunning state machine. */
export const handler = stepHandler(stepPayloadSchema, (payload) => notifyAccountManager(deps, payload));
