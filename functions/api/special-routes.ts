import { idPath } from './schemas/api-schemas';
import { specialManagementBody } from './schemas/special-schemas';
import type { Role, RouteSpec } from './routes';

/** The special-management team (Bijzonder Beheer); managers may do what it does. */
const specialTeam: readonly Role[] = ['special', 'manager'];

/** The routes of special management, insolvency and write-off, part of the one route table. */
export const SPECIAL_ROUTES = [
  {
    method: 'POST',
    path: '/debtors/{id}/special-management',
    handler: 'place-in-special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      "Takes the debtor out of the normal cycle: every running dunning stops (a recorded pause, no letter, no call) and its tasks move to the special team's list",
    request: { path: idPath, body: specialManagementBody },
  },
  {
    method: 'DELETE',
    path: '/debtors/{id}/special-management',
    handler: 'end-special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary: 'Returns the debtor to the normal cycle: each invoice resumes at the step after its last',
    request: { path: idPath },
  },
] as const satisfies readonly RouteSpec[];
