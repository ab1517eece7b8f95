/**
 * `npm run --silent token -- <group>` prints an ID token for the local API, and nothing else,
 * and `npm run --silent token -- order-system` the access token of the order system's app client,
 * so that `TOKEN=$(npm run --silent token -- controller)` works. It signs with the key the
 * local cloud keeps in .local/auth/ (creating it if the local cloud has not run yet), so the
 * token is accepted by a local cloud that is already running.
 */
import { ROLES } from '../functions/api/routes';
import { createLocalIssuer, isRole, LOCAL_AUTH_DIR } from './auth/local-issuer';

const group = process.argv[2];
if (group === 'order-system') {
  const issuer = await createLocalIssuer({ keyDir: LOCAL_AUTH_DIR });
  process.stdout.write(`${await issuer.issueClientToken()}\n`);
  process.exit(0);
}
if (!isRole(group)) {
  const given = group === undefined ? 'no group given' : `unknown group "${group}"`;
  console.error(
    `token: ${given}. Usage: npm run --silent token -- <${[...ROLES, 'order-system'].join('|')}>`,
  );
  process.exit(2);
}

const issuer = await createLocalIssuer({ keyDir: LOCAL_AUTH_DIR });
process.stdout.write(`${await issuer.issueToken({ group })}\n`);
