import type { TimelineEvent } from '../../../functions/core/ledger/timeline';

/** Timeline entries as the intake and the dunning steps write them. */

export function emailSent(
  at: string,
  messageId: string,
  slot: string,
  template = 'payment-reminder',
  fourteenDayTerm?: { endsOn: string; costs: { amount: number; currency: string } },
): TimelineEvent {
  return {
    at,
    type: 'email_sent',
    actor: 'workflow',
    summary: `${slot} sent by email`,
    details: {
      slot,
      template,
      tone: 'firm',
      subject: 'Reminder',
      messageId,
      recipient: 'debtor@example.com',
      ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
    },
  };
}

export function emailDelivered(at: string, messageId: string, slot: string): TimelineEvent {
  return {
    at,
    type: 'email_delivered',
    actor: 'workflow',
    summary: `${slot} email delivered`,
    details: { messageId, slot, deliveredAt: at },
  };
}

export function emailBounced(at: string, messageId: string, slot: string): TimelineEvent {
  return {
    at,
    type: 'email_bounced',
    actor: 'workflow',
    summary: `${slot} email bounced`,
    details: { messageId, slot, bounceSubType: 'General' },
  };
}

export function paymentBooked(at: string, paymentId: string, amount: number): TimelineEvent {
  return {
    at,
    type: 'payment_received',
    actor: 'invoicing-system',
    summary: 'Payment received',
    details: { paymentId, amount, openAmount: 0 },
  };
}

export function creditNoteBooked(at: string, creditNoteId: string, amount: number): TimelineEvent {
  return {
    at,
    type: 'credit_note_received',
    actor: 'invoicing-system',
    summary: 'Credit note received',
    details: { creditNoteId, amount, openAmount: 0 },
  };
}
