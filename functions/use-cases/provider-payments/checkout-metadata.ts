import * as z from 'zod';

/**
 * What a checkout tells the provider to hand back with its payment: the debtor and, per invoice,
 * the part of the payment it takes and its structured reference, which the webhook books it by.
 * Decided when the checkout is made, so that a webhook delivered again books the same parts.
 */
export const checkoutMetadata = z.object({
  debtorId: z.string().min(1),
  invoices: z
    .array(
      z.object({
        invoiceId: z.string().min(1),
        reference: z.string().min(1),
        amount: z.number().int().positive(),
      }),
    )
    .min(1),
});

export type CheckoutMetadata = z.infer<typeof checkoutMetadata>;

/** Mollie keeps at most 1 KB of metadata per payment. */
export const MAX_METADATA_BYTES = 1024;

export function metadataBytes(metadata: CheckoutMetadata): number {
  return Buffer.byteLength(JSON.stringify(metadata), 'utf8');
}
