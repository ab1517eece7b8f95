import { idPath } from '../api/schemas/api-schemas';
import { claimQuery } from '../api/schemas/claim-schemas';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { invoiceClaim } from '../use-cases/claims/invoice-claim';

export const handler = httpHandler(
  { route: 'get-invoice-claim', path: idPath, query: claimQuery },
  async ({ path, query }) => invoiceClaim({ store: creditStore(), clock }, path.id, query.asOf),
);
