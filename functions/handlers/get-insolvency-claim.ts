import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { renderInsolvencyClaimPage } from '../templates/insolvency-claim-page';
import { insolvencyClaim } from '../use-cases/special/insolvency-claim';

const deps = { store: creditStoreFromEnvironment(), clock };
const creditor = readCreditor();

export const handler = httpHandler('get-insolvency-claim', async ({ path, query }) => {
  const statement = await insolvencyClaim(deps, path.id);
  if (query.format !== 'html') return statement;
  return new Reply(200, renderInsolvencyClaimPage(statement, creditor.name), {
    'content-type': 'text/html; charset=utf-8',
  });
});
