import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorOwner, DebtorRecord } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import { notFound } from '../refusal';
import { restampAccount } from './restamp-account';

/**
 * PUT /debtors/{id}/owner: a manager assigns the account to a controller, hands it over to
 * another, or leaves it unowned (owner null). Notes, tasks and the timeline stay with the
 * account: they belong to the debtor, so the new owner's worklist shows them at once. The
 * account's open invoices, tasks and disputes then carry the new owner (`restampAccount`), in
 * transactions of their own after the debtor's: a crash between leaves a debtor whose items an
 * assignment of the same owner again moves.
 */
export async function assignOwner(
  deps: { store: CreditStore; clock: Clock },
  input: { debtorId: string; owner: { sub: string; email?: string } | null; by: string },
): Promise<Pick<DebtorRecord, 'id' | 'name' | 'owner'>> {
  const { account, from } = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(input.debtorId);
    if (!debtor) throw notFound(`Debtor ${input.debtorId} does not exist.`);
    const now = deps.clock.now();
    const at = now.toISOString();
    const owner: DebtorOwner | undefined = input.owner
      ? { ...input.owner, since: at, by: `user:${input.by}` }
      : undefined;
    const { owner: _previous, ...rest } = debtor;
    const next = revised({ ...rest, ...(owner ? { owner } : {}) } as DebtorRecord, {}, now);
    const before = debtor.owner ? (debtor.owner.email ?? debtor.owner.sub) : 'nobody';
    const after = owner ? (owner.email ?? owner.sub) : 'nobody';
    await deps.store.commit([
      { kind: 'putDebtor', debtor: next, expectedVersion: debtor.version },
      {
        kind: 'appendEvent',
        subject: { debtorId: debtor.id },
        event: {
          at,
          type: 'owner_changed',
          actor: `user:${input.by}`,
          summary: `Account handed from ${before} to ${after}`,
          details: { from: debtor.owner?.sub ?? null, to: owner?.sub ?? null },
        },
      },
    ]);
    return {
      account: { id: next.id, name: next.name, ...(owner ? { owner } : {}) },
      from: debtor.owner?.sub ?? null,
    };
  });
  await restampAccount(deps, { debtorId: input.debtorId, from, to: account.owner?.sub ?? null });
  return account;
}
