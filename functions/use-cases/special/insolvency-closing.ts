import { hasOpenBalance } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import type { Insolvency } from '../../core/special/insolvency';
import { webhookEvent } from '../../api/schemas/webhook-events';
import type { IntakeDeps } from '../intake/effect';
import { receiveDelivery } from '../intake/receive-delivery';
import { retryOnConflict, revised } from '../record-versions';
import { debtorInInsolvency } from './insolvency';
import { type WriteOffDeps, writeOffInvoice } from './write-off';

export interface DistributionInput {
  /** The payout's own id (the trustee's reference): booked once, however often it is posted. */
  id: string;
  amount: number;
  currency: string;
  receivedAt: string;
  note?: string;
  /** The user's id (`sub`). */
  by: string;
}

/** The payment a payout is booked as: its id cannot collide with the invoicing system's payments. */
function distributionPaymentId(id: string): string {
  return `insolvency-distribution--${id}`;
}

/**
 * POST /debtors/{id}/insolvency/distributions: a payout of the trustee (uitkering), booked as a
 * payment on the debtor, oldest open invoice first, exactly as the invoicing system's payments
 * are: once per payout id, what no invoice takes kept as credit on the account.
 */
export async function bookDistribution(
  deps: IntakeDeps,
  debtorId: string,
  input: DistributionInput,
): Promise<{ debtorId: string; paymentId: string; status: number; booked: unknown }> {
  const debtor = await debtorInInsolvency(deps, debtorId);
  const paymentId = distributionPaymentId(input.id);
  const seen = await deps.store.getPayment(paymentId);
  const reply = await receiveDelivery(deps, {
    id: paymentId,
    event: webhookEvent.parse({
      type: 'payment.received',
      timestamp: deps.clock.now().toISOString(),
      data: {
        id: paymentId,
        amount: input.amount,
        currency: input.currency,
        receivedAt: input.receivedAt,
        debtorId,
      },
    }),
  });
  if (!seen && reply.status === 200) {
    await deps.store.commit([
      {
        kind: 'appendEvent',
        subject: { debtorId },
        event: {
          at: deps.clock.now().toISOString(),
          type: 'insolvency_distribution',
          actor: `user:${input.by}`,
          summary: `Payout of ${formatMoney({ amount: input.amount, currency: input.currency }, 'en')} by ${debtor.insolvency.administrator.name} booked as payment ${paymentId}${input.note ? `: ${input.note}` : ''}`,
          details: {
            paymentId,
            amount: input.amount,
            currency: input.currency,
            receivedAt: input.receivedAt,
          },
        },
      },
    ]);
  }
  return { debtorId, paymentId, status: reply.status, booked: reply.body };
}

/**
 * POST /debtors/{id}/insolvency/closing: the insolvency ended (the bankruptcy was wound up, the
 * WSNP ended with the clean slate, art. 358 Fw): what remains open on the debtor's invoices cannot
 * be enforced any more and is written off as uncollectable, which makes its VAT reclaimable at
 * once (art. 29 Wet OB). The court's closing decides it, so no admin approval is asked whatever
 * the amount. The debtor stays under special management until the team returns it.
 */
export async function closeInsolvency(
  deps: WriteOffDeps,
  debtorId: string,
  input: { closedOn: string; note?: string; by: string },
): Promise<{
  debtorId: string;
  insolvency: Insolvency;
  writtenOff: { invoiceId: string; amount: number }[];
}> {
  const debtor = await debtorInInsolvency(deps, debtorId, { open: true });
  const by = `user:${input.by}`;
  const reason = `${debtor.insolvency.kind.replaceAll('_', ' ')} ${debtor.insolvency.caseNumber} closed${input.note ? `: ${input.note}` : ''}`;
  const writtenOff: { invoiceId: string; amount: number }[] = [];
  for (const invoice of await deps.store.listInvoicesOfDebtor(debtorId)) {
    if (!hasOpenBalance(invoice)) continue;
    const after = await writeOffInvoice(deps, invoice.id, { reason, by, isAdmin: true });
    writtenOff.push({ invoiceId: invoice.id, amount: after.writtenOff?.writeOffs.at(-1)?.amount ?? 0 });
  }
  const insolvency = await retryOnConflict(async () => {
    const current = await debtorInInsolvency(deps, debtorId, { open: true });
    const now = deps.clock.now();
    const closed: Insolvency = {
      ...current.insolvency,
      status: 'closed',
      closedBy: by,
      closedAt: now.toISOString(),
    };
    await deps.store.commit([
      {
        kind: 'putDebtor',
        debtor: revised(current, { insolvency: closed }, now),
        expectedVersion: current.version,
      },
      {
        kind: 'appendEvent',
        subject: { debtorId },
        event: {
          at: now.toISOString(),
          type: 'insolvency_closed',
          actor: by,
          summary: `Insolvency closed on ${input.closedOn}: ${writtenOff.length} invoice(s) written off${input.note ? ` (${input.note})` : ''}`,
          details: { writtenOff },
        },
      },
    ]);
    return closed;
  });
  return { debtorId, insolvency, writtenOff };
}
