import { describe, expect, it } from 'vitest';
import type { CreditStore, StoreWrite } from '../../../functions/ports/credit-store';
import { recordStep } from '../../../functions/use-cases/steps/record-step';
import { dunnedInvoiceWorld } from '../../support/dunned-invoice-world';

/** The store, but the first write of the invoice fails as if the Lambda died right before it. */
function dyingAtFirstInvoiceWrite(store: CreditStore): CreditStore {
  let died = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'commit') return Reflect.get(target, property, receiver) as unknown;
      return async (writes: readonly StoreWrite[]) => {
        if (!died && writes.some((write) => write.kind === 'putInvoice')) {
          died = true;
          throw new Error('the task Lambda died');
        }
        return target.commit(writes);
      };
    },
  });
}

describe("a step's timeline entry", () => {
  it('is rewritten, not added again, by a step retried after its entry was written', async () => {
    const world = await dunnedInvoiceWorld({ start: new Date('2026-03-04T08:00:00Z') });
    const payload = {
      invoiceId: world.invoice.id,
      execution: world.invoice.dunning?.execution ?? '',
      step: 'firstReminder' as const,
    };
    const recording = {
      status: 'skipped' as const,
      reason: 'not in policy',
      event: { type: 'step_skipped' as const, summary: 'Step firstReminder skipped: not in policy' },
    };
    const dying = { ...world.deps, store: dyingAtFirstInvoiceWrite(world.store) };

    await expect(recordStep(dying, payload, recording)).rejects.toThrow('died');
    world.laterDays(1);
    expect(await recordStep(world.deps, payload, recording)).toBe('recorded');
    expect(await recordStep(world.deps, payload, recording)).toBe('already_recorded');

    const entries = (await world.store.timeline({ invoiceId: world.invoice.id })).filter(
      (event) => event.type === 'step_skipped',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.at).toBe((await world.store.getInvoice(world.invoice.id))?.dunning?.lastStep?.at);
  });
});
