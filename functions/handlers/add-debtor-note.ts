import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { addNote } from '../use-cases/accounts/add-note';
import { setSmsOptOut } from '../use-cases/sms/sms-opt-out';

const deps = { store: creditStoreFromEnvironment(), clock };

/** What a controller records on the debtor's file: a note, and the debtor's wish for no texts. */
export const handler = capabilityHandler([
  [
    routeAt('POST', '/debtors/{id}/notes'),
    routeHandler(
      routeAt('POST', '/debtors/{id}/notes'),
      async ({ path, body, caller }) =>
        new Reply(201, await addNote(deps, { debtorId: path.id, text: body.text, by: caller.sub })),
    ),
  ],
  [
    routeAt('PUT', '/debtors/{id}/sms-opt-out'),
    routeHandler(routeAt('PUT', '/debtors/{id}/sms-opt-out'), async ({ path, body, caller }) =>
      setSmsOptOut(deps, { debtorId: path.id, optOut: body.optOut, by: `user:${caller.sub}` }),
    ),
  ],
]);
