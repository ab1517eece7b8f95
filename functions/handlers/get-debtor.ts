import { idPath } from '../api/schemas/api-schemas';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { debtorView } from '../use-cases/queries/debtor-view';

export const handler = httpHandler({ route: 'get-debtor', path: idPath }, async ({ path }) =>
  debtorView({ store: creditStore(), clock }, path.id),
);
