import type { CloudHarness } from '../workflow/local-cloud-harness';

interface PolicyBody {
  steps: { slot: string; channel: string }[];
  [field: string]: unknown;
}

/**
 * Stores a business policy of its own (the seed business-standard, changed by `change`) under
 * `id`, so that a debtor put in that segment is dunned by it and no other test's debtors are.
 */
export async function storePolicy(
  h: CloudHarness,
  id: string,
  change: (policy: PolicyBody) => PolicyBody,
): Promise<void> {
  const seed = (await h.get<PolicyBody>('/policies/business-standard')).body;
  const { version: _version, id: _id, ...rest } = seed;
  const answer = await h.send('PUT', `/policies/${id}`, change({ ...rest, steps: seed.steps }), 'admin');
  if (answer.status !== 200) throw new Error(`policy ${id} refused: ${JSON.stringify(answer.body)}`);
}

/** Both reminders by text; the rest as the seed has it. */
export const remindersByText = (policy: PolicyBody): PolicyBody => ({
  ...policy,
  steps: policy.steps.map((step) =>
    step.slot === 'firstReminder' || step.slot === 'secondReminder' ? { ...step, channel: 'sms' } : step,
  ),
});

/** The texts the local SNS sent to a number. */
export const textsTo = (h: CloudHarness, phoneNumber: string) =>
  h.cloud.texts().filter((text) => text.phoneNumber === phoneNumber);
