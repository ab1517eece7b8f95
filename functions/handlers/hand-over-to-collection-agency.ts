import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { cachedTemplateReader } from '../use-cases/templates/template-reader';
import { agencyLanguageFromEnvironment } from '../shared/agency-config';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { stepHandler } from '../shared/step/step-handler';
import { handOverToCollectionAgency } from '../use-cases/steps/hand-over-to-collection-agency-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['collection-agency']),
  creditor: readCreditor(),
  mailer: mailerFromEnvironment(),
  agencyLanguage: agencyLanguageFromEnvironment(),
  // The current wording an admin gave the letter, read at most once a minute per warm function.
  templates: cachedTemplateReader(letterTemplatesFromEnvironment(), clock),
};

/** HandOverToCollectionAgency, the last step of the dunning state machine. */
export const handler = stepHandler(stepPayloadSchema, (payload) => handOverToCollectionAgency(deps, payload));
