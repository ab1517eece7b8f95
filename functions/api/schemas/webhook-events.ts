import * as z from 'zod';
import { CONTACT_SALUTATIONS } from '../../core/ledger/debtor';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import { isTimeZone } from '../../core/calendar/time-zone';
import { isE164 } from '../../core/sms/phone-number';
import {
  calendarDate,
  cents,
  currency,
  instant,
  language,
  positiveCents,
  recordId,
  signedCents,
  text,
} from './fields';

/**
 * The events the invoicing system posts to POST /webhooks/invoicing. The handler validates every
 * delivery with `webhookEvent`, and the OpenAPI document is built from the same objects, so the
 * documentation cannot drift from what is accepted. Amounts are integer cents. Every field has a
 * bound (see ./fields.ts): what no step could handle is refused here, before it is stored.
 */

const address = z.object({
  line1: text(200).min(1),
  line2: text(200).optional(),
  postalCode: text(20).min(1),
  city: text(100).min(1),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL')
    .describe('ISO 3166-1 alpha-2'),
});

const debtorUpsertedData = z
  .object({
    id: recordId.describe("The debtor's id in the invoicing system"),
    name: text(200).min(1),
    kind: z.enum(['business', 'consumer']).describe('Consumers get the 14-day letter before any costs'),
    email: z
      .email('must be an email address')
      .max(254, 'must be at most 254 characters')
      .optional()
      .describe('Where reminders go; without one, each letter becomes a task for a controller'),
    language,
    phone: text(40).min(3).optional(),
    mobile: z
      .string()
      .max(16, 'must be at most 16 characters')
      .refine(isE164, 'must be a mobile number in E.164 form, such as +31612345678')
      .optional()
      .describe('Where texts go (sms steps); without one, each text becomes a task for a controller'),
    smsOptOut: z
      .boolean()
      .optional()
      .describe(
        'The debtor wants no texts: sms steps are skipped (the debtor can also opt out on the self-service page)',
      ),
    timeZone: z
      .string()
      .max(64, 'must be at most 64 characters')
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Amsterdam')
      .optional()
      .describe(
        'Where the debtor lives: no text is sent there between 21:00 and 08:00; Europe/Amsterdam when left out',
      ),
    kvkNumber: z
      .string()
      .regex(/^\d{8}$/, 'must be an 8-digit KvK number')
      .optional()
      .describe(
        "Chamber of Commerce number: the central insolvency register is asked by it, and the collection agency's claim file carries it",
      ),
    contact: z
      .object({
        name: text(200).min(1).describe('The person letters are addressed to, e.g. "Jan de Graaf"'),
        salutation: z
          .enum(CONTACT_SALUTATIONS)
          .describe('mr: "Geachte heer De Graaf," / "Dear Mr De Graaf,"; ms: "Geachte mevrouw …"'),
      })
      .optional()
      .describe('Without one, letters open with "Geachte heer, mevrouw," / "Dear Sir or Madam,"'),
    address: address.optional(),
    accountManager: z
      .object({
        name: text(200).min(1),
        email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
        language: language
          .optional()
          .describe(
            "The language of the account manager's alerts (nl or en); the business language when left out",
          ),
      })
      .optional()
      .describe(
        'Told when the dunning escalates to sales; alerts carry this email as the accountManagerEmail attribute',
      ),
    creditLimit: z.object({ amount: cents, currency }).optional().describe('In cents'),
    segment: recordId.optional().describe('Sets the dunning segment by hand: the id of a dunning policy'),
  })
  .describe('A debtor was created or changed; the whole debtor is sent');

const invoiceLine = z.object({
  description: text(500).min(1),
  quantity: z.number().positive().max(1_000_000_000, 'must be at most 1000000000'),
  unitAmount: signedCents.describe('Unit price in cents'),
  totalAmount: signedCents.describe('Line total in cents, VAT included'),
});

const invoiceData = z
  .object({
    id: recordId.describe("The invoice's id in the invoicing system"),
    number: text(64).min(1).describe('The invoice number; the payment reference is made from it'),
    debtorId: recordId,
    currency,
    totalAmount: positiveCents.describe('Invoice total in cents, VAT included'),
    issueDate: calendarDate,
    dueDate: calendarDate,
    openAmount: cents.optional().describe('What is still to be paid, in cents; the total when left out'),
    paymentLink: z
      .url({ protocol: /^https$/, message: 'must be an https URL' })
      .max(2000, 'must be at most 2000 characters')
      .optional(),
    pdfUrl: z
      .url({ protocol: /^https$/, message: 'must be an https URL' })
      .max(2000, 'must be at most 2000 characters')
      .optional()
      .describe("The invoice as a PDF: the debtor's self-service page offers it for download"),
    lines: z.array(invoiceLine).max(500).optional(),
    vatAmount: cents
      .optional()
      .describe(
        'The VAT included in totalAmount, in cents; without it the VAT relief on a bad debt cannot be computed',
      ),
  })
  // Rules between two fields can only be judged once both are valid, so these follow the field checks.
  .refine((invoice) => invoice.dueDate >= invoice.issueDate, {
    path: ['dueDate'],
    message: 'must not be before issueDate',
  })
  .refine((invoice) => invoice.openAmount === undefined || invoice.openAmount <= invoice.totalAmount, {
    path: ['openAmount'],
    message: 'must not be more than totalAmount',
  })
  .refine((invoice) => invoice.vatAmount === undefined || invoice.vatAmount < invoice.totalAmount, {
    path: ['vatAmount'],
    message: 'must be less than totalAmount, which includes it',
  })
  .describe('The whole invoice, as created or as changed');

const invoiceCancelledData = z.object({ id: recordId.describe('The invoice that was cancelled') });

const creditNoteCreatedData = z.object({
  id: recordId.describe("The credit note's id"),
  invoiceId: recordId.describe('The invoice it credits'),
  amount: positiveCents.describe("Credited amount in cents, in the invoice's currency"),
});

const paymentReference = z
  .string()
  .max(50)
  .superRefine((value, ctx) => {
    const parsed = parsePaymentReference(value);
    if (parsed.valid) return;
    ctx.addIssue({
      code: 'custom',
      message:
        parsed.problem === 'checksum'
          ? 'is not a valid payment reference: its check digits do not match'
          : 'must be an RF creditor reference (RF18 5390 0754 7034) or a 16-digit betalingskenmerk',
    });
  })
  .describe('Structured payment reference: ISO 11649 RF or the Dutch betalingskenmerk');

const PAYMENT_TARGETS = ['invoiceId', 'reference', 'debtorId'] as const;

/**
 * "Exactly one of invoiceId, reference and debtorId" sits beside the field checks in an
 * intersection rather than in a refinement of the object: zod skips an object's refinements as
 * soon as one field is bad, and the 400 must name every problem at once.
 */
const exactlyOnePaymentTarget = z
  .object({
    invoiceId: z.unknown().optional(),
    reference: z.unknown().optional(),
    debtorId: z.unknown().optional(),
  })
  .refine((target) => PAYMENT_TARGETS.filter((key) => target[key] !== undefined).length === 1, {
    message: 'exactly one of invoiceId, reference and debtorId is needed to match the payment',
  });

export const paymentReceivedData = z
  .intersection(
    z.object({
      id: recordId.describe("The payment's id; a payment is booked once, whatever the deliveries"),
      amount: positiveCents.describe('Amount received in cents'),
      currency,
      receivedAt: instant.describe('When the money arrived'),
      invoiceId: recordId.optional().describe('The invoice paid'),
      reference: paymentReference.optional(),
      debtorId: recordId.optional().describe("Applied to this debtor's oldest open invoices first"),
    }),
    exactlyOnePaymentTarget,
  )
  .describe('Money received; matched by invoiceId, else by reference, else by debtorId');

function event<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    type: z.literal(type),
    timestamp: instant.describe('When it happened in the invoicing system'),
    data,
  });
}

export const webhookEvent = z
  .discriminatedUnion('type', [
    event('debtor.upserted', debtorUpsertedData),
    event('invoice.created', invoiceData),
    event('invoice.updated', invoiceData),
    event('invoice.cancelled', invoiceCancelledData),
    event('credit_note.created', creditNoteCreatedData),
    event('payment.received', paymentReceivedData),
  ])
  .describe('One event of the invoicing system, signed per Standard Webhooks');

export type WebhookEvent = z.infer<typeof webhookEvent>;
export type DebtorUpsertedData = z.infer<typeof debtorUpsertedData>;
export type InvoiceData = z.infer<typeof invoiceData>;
export type InvoiceCancelledData = z.infer<typeof invoiceCancelledData>;
export type CreditNoteCreatedData = z.infer<typeof creditNoteCreatedData>;
export type PaymentReceivedData = z.infer<typeof paymentReceivedData>;
