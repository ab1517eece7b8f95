import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { recordSignal } from '../use-cases/credit/record-signal';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['account-managers']),
};

export const handler = httpHandler(
  'record-debtor-signal',
  async ({ path, body, caller }) =>
    new Reply(
      201,
      await recordSignal(deps, { debtorId: path.id, kind: body.kind, note: body.note, by: caller.sub }),
    ),
);
