import * as z from 'zod';
import { idPath } from '../api/schemas/api-schemas';
import { creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { updatePolicy } from '../use-cases/policies/update-policy';

// The policy's own rules (dunningPolicySchema) are applied by the use case, after it knows the version.
const body = z.record(z.string(), z.unknown());

export const handler = httpHandler({ route: 'put-policy', path: idPath, body }, async ({ path, body }) =>
  updatePolicy(creditStore(), path.id, body),
);
