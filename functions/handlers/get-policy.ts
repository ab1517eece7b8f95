import * as z from 'zod';
import { idPath } from '../api/schemas/api-schemas';
import { creditStore } from '../shared/dependencies/credit-store';
import { NotFoundError } from '../shared/http/errors';
import { httpHandler } from '../shared/http/http-handler';
import { policyFor } from '../use-cases/policies/policy-catalogue';

const query = z.object({ version: z.coerce.number().int().min(1).optional() });

export const handler = httpHandler({ route: 'get-policy', path: idPath, query }, async ({ path, query }) => {
  const policy = await policyFor(creditStore(), path.id, query.version, { storeSeed: false });
  if (!policy)
    throw new NotFoundError(
      `Policy ${path.id}${query.version ? ` version ${query.version}` : ''} does not exist.`,
    );
  return policy;
});
