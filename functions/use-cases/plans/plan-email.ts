import { buildEpcQrPayload, checkEpcQrInput, renderEpcQrPng } from '../../core/payments/epc-qr';
import { formatMoney } from '../../core/money';
import { type Instalment, type PaymentPlan, planPaid, planTotal } from '../../core/plans/payment-plan';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import { type PlanEmailKind, renderPlanEmail } from '../../templates/plans/payment-plan-email';
import { formatPaymentReference } from './plan-reference';

const QR_CONTENT_ID = 'epc-qr';

export interface PlanEmail {
  kind: PlanEmailKind;
  /** Names this email among the plan's: the same key is sent once (a retried step finds it). */
  key: string;
  /** The instalment to pay next, with the QR code for its amount. */
  due?: Instalment;
  reason?: string;
  /** Cents a credit took off the plan (lowered). */
  lowered?: number;
  actor: string;
}

export type PlanEmailOutcome = 'sent' | 'sent_before' | 'no_email_address';

/**
 * Sends one of the plan's emails to the debtor (the schedule, the reference, the EPC QR code of
 * the amount to pay), and records it on the debtor's timeline and on each invoice's. An email
 * recorded under the same key before is not sent again. Throws on an infrastructure fault, so
 * that a step's retry sends it.
 */
export async function sendPlanEmail(
  deps: { store: CreditStore; clock: Clock; mailer: Mailer; creditor: CreditorDetails },
  plan: PaymentPlan,
  email: PlanEmail,
): Promise<PlanEmailOutcome> {
  const debtor = await deps.store.getDebtor(plan.debtorId);
  if (!debtor?.email) return 'no_email_address';
  const earlier = await deps.store.timeline({ debtorId: plan.debtorId });
  if (earlier.some((entry) => entry.details?.planEmail === email.key)) return 'sent_before';

  const language = debtor.language;
  const money = (amount: number) => formatMoney({ amount, currency: plan.currency }, language);
  const reference = formatPaymentReference(plan.reference);
  const due = email.due;
  const dueAmount = due ? due.amount - due.paidAmount : 0;
  const qr = due && dueAmount > 0 ? await qrImage(deps.creditor, plan, dueAmount) : undefined;
  const rendered = renderPlanEmail({
    kind: email.kind,
    language,
    debtorName: debtor.name,
    reference,
    invoiceNumbers: plan.parts.map((part) => part.invoiceNumber),
    schedule: plan.instalments.map((instalment) => ({
      number: instalment.number,
      dueDate: instalment.dueDate,
      amount: money(instalment.amount),
      paid: instalment.status === 'paid',
    })),
    ...(due && dueAmount > 0
      ? { due: { number: due.number, dueDate: due.dueDate, amount: money(dueAmount) } }
      : {}),
    ...(email.kind === 'broken' ? { rest: money(planTotal(plan) - planPaid(plan)) } : {}),
    creditor: { name: deps.creditor.name, iban: deps.creditor.iban },
    ...(qr ? { qrImage: `cid:${QR_CONTENT_ID}` } : {}),
    ...(email.reason ? { reason: email.reason } : {}),
    ...(email.lowered !== undefined
      ? { lowered: { amount: money(email.lowered), completed: plan.status === 'completed' } }
      : {}),
  });
  const { messageId } = await deps.mailer.send({
    to: debtor.email,
    ...rendered,
    ...(qr
      ? {
          inlineImages: [
            { contentId: QR_CONTENT_ID, filename: 'qr.png', contentType: 'image/png', content: qr },
          ],
        }
      : {}),
  });
  const at = deps.clock.now().toISOString();
  const event = {
    at,
    type: 'email_sent' as const,
    actor: email.actor,
    summary: `Email "${rendered.subject}" sent to the debtor`,
    details: { planId: plan.id, planEmail: email.key, messageId, to: debtor.email },
  };
  const writes: StoreWrite[] = [
    { kind: 'appendEvent', subject: { debtorId: plan.debtorId }, event },
    ...plan.parts.map((part): StoreWrite => ({
      kind: 'appendEvent',
      subject: { invoiceId: part.invoiceId },
      event,
    })),
  ];
  await deps.store.commit(writes);
  return 'sent';
}

/** The EPC QR code of the amount due with the plan's reference; none where the rules allow none (not in euros). */
async function qrImage(
  creditor: CreditorDetails,
  plan: PaymentPlan,
  amount: number,
): Promise<Buffer | undefined> {
  const input = {
    beneficiaryName: creditor.name,
    iban: creditor.ibanElectronic,
    bic: creditor.bic ?? null,
    amount: { amount, currency: plan.currency },
    reference: plan.reference,
  };
  if (checkEpcQrInput(input).length > 0) return undefined;
  return renderEpcQrPng(buildEpcQrPayload(input));
}
