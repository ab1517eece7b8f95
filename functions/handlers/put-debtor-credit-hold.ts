import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { putCreditHold } from '../use-cases/credit/put-credit-hold';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['credit-status']),
};

export const handler = httpHandler('put-debtor-credit-hold', ({ path, body, caller }) =>
  putCreditHold(deps, { debtorId: path.id, hold: body.hold, reason: body.reason, by: caller.sub }),
);
