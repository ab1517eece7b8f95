import { letterTemplatesFromEnvironment } from '../shared/dependencies/letter-templates-from-environment';
import { cachedTemplateReader } from '../use-cases/templates/template-reader';
import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { sendInterruptionLetter } from '../use-cases/claims/interruption-letter';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
  // The current wording an admin gave the letter, read at most once a minute per warm function.
  templates: cachedTemplateReader(letterTemplatesFromEnvironment(), clock),
};

export const handler = httpHandler('send-interruption-letter', async ({ path, body, caller }) =>
  sendInterruptionLetter(deps, {
    invoiceId: path.id,
    by: caller.sub,
    reason: body.reason,
  }),
);
