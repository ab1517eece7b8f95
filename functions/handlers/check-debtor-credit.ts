import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { ROUTES } from '../api/routes';
import { creditConfigFromEnvironment } from '../shared/dependencies/credit-config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { machineHandler } from '../shared/http/machine-handler';
import { authorityOfRoles, creditCheck } from '../use-cases/credit/credit-check';

const deps = {
  store: creditStoreFromEnvironment(),
  clock,
  orderAuthority: creditConfigFromEnvironment().ORDER_AUTHORITY,
};

const ORDER_SYSTEM_PATH = '/order-system/debtors/{id}/credit-check';
const orderSystemRoute = ROUTES.find((route) => route.path === ORDER_SYSTEM_PATH);
if (!orderSystemRoute) throw new Error(`No route ${ORDER_SYSTEM_PATH} in functions/api/routes.ts`);

/** GET /debtors/{id}/credit-check: a controller or manager asks, within their role's order authority. */
const forPeople = httpHandler('check-debtor-credit', ({ path, query, caller }) =>
  creditCheck(deps, {
    debtorId: path.id,
    orderAmount: query.orderAmount,
    ...(query.currency ? { currency: query.currency } : {}),
    caller: { actor: `user:${caller.sub}`, authority: authorityOfRoles(caller.roles) },
  }),
);

/** GET /order-system/debtors/{id}/credit-check: the order system's app client asks. */
const forOrderSystem = machineHandler(orderSystemRoute, ({ path, query, client }) =>
  creditCheck(deps, {
    debtorId: path.id,
    orderAmount: query.orderAmount,
    ...(query.currency ? { currency: query.currency } : {}),
    caller: { actor: `client:${client.clientId}`, authority: 'order-system' },
  }),
);

/** Both routes of the credit check, told apart by the resource API Gateway matched. */
export const handler = (event: APIGatewayProxyEvent, context: Context) =>
  event.resource === ORDER_SYSTEM_PATH ? forOrderSystem(event, context) : forPeople(event, context);
