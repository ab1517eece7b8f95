import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { assignOwner } from '../use-cases/accounts/assign-owner';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('put-debtor-owner', async ({ path, body, caller }) =>
  assignOwner(deps, { debtorId: path.id, owner: body.owner, by: caller.sub }),
);
