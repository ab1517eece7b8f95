import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { addNote } from '../use-cases/accounts/add-note';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler(
  'add-debtor-note',
  async ({ path, body, caller }) =>
    new Reply(201, await addNote(deps, { debtorId: path.id, text: body.text, by: caller.sub })),
);
