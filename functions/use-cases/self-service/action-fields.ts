import type { SelfServiceForm } from '../../api/schemas/self-service-schemas';

/** A posted form as the actions take it: checked, without its nonce and CSRF token. */
export type ActionFields = SelfServiceForm extends infer F
  ? F extends SelfServiceForm
    ? Omit<F, 'nonce' | 'csrf'>
    : never
  : never;
