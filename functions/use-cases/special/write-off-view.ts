import type { InvoiceRecord } from '../../ports/credit-store';

/** What POST /invoices/{id}/write-off answers: the invoice's new state and its VAT relief. */
export function writeOffView(invoice: InvoiceRecord) {
  return {
    invoiceId: invoice.id,
    status: invoice.status,
    openAmount: invoice.openAmount,
    currency: invoice.currency,
    writtenOff: invoice.writtenOff,
    vatRelief: invoice.vatRelief
      ? {
          ...invoice.vatRelief,
          ...(invoice.vatRelief.reclaimable === null
            ? {
                note: 'The invoicing system did not send the VAT of this invoice: the relief cannot be computed.',
              }
            : {}),
        }
      : undefined,
  };
}
