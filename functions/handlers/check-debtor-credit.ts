import { creditConfigFromEnvironment } from '../shared/dependencies/credit-config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { authorityOfRoles, creditCheck } from '../use-cases/credit/credit-check';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  orderAuthority: creditConfigFromEnvironment().ORDER_AUTHORITY,
};

export const handler = httpHandler('check-debtor-credit', ({ path, query, caller }) =>
  creditCheck(deps, {
    debtorId: path.id,
    orderAmount: query.orderAmount,
    ...(query.currency ? { currency: query.currency } : {}),
    caller: { actor: `user:${caller.sub}`, authority: authorityOfRoles(caller.roles) },
  }),
);
