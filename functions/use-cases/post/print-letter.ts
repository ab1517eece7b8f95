import * as z from 'zod';
import type { Notifier } from '../../ports/notifier';
import type { PrintedLetters } from '../../ports/printed-letters';
import { renderLetterPdf } from '../../templates/pdf/letter-pdf';

/** What the printing needs: where its PDF goes, and the topic that tells the print-and-mail service. */
export interface PrintDeps {
  printedLetters: PrintedLetters;
  notifier: Notifier;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A letter to print, as the letter-sending function hands it over (JSON: the QR code in base64). */
export const printJobSchema = z.object({
  pdfKey: z.string().startsWith('letters/'),
  page: z.object({
    returnAddress: z.string(),
    addressLines: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    qrPngBase64: z.string().optional(),
    /** The letter's day: the document's date, so that the same letter renders to the same bytes. */
    day,
  }),
  order: z.object({
    letterId: z.string().min(1),
    pdfKey: z.string(),
    registered: z.boolean(),
    address: z.object({
      name: z.string(),
      contact: z.string().optional(),
      line1: z.string(),
      line2: z.string().optional(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
    }),
    postBy: day,
    invoiceIds: z.array(z.string()),
  }),
});

export type PrintJob = z.infer<typeof printJobSchema>;

/**
 * Renders the letter into a PDF, stores it under the key the letter gives, and puts the print
 * order on `print-queue`. A retry stores the same bytes under the same key and repeats the same
 * order, which the print-and-mail service recognises by its `letterId`.
 */
export async function printLetter(deps: PrintDeps, job: PrintJob): Promise<{ letterId: string }> {
  const { page, order } = job;
  const pdf = await renderLetterPdf({
    returnAddress: page.returnAddress,
    addressLines: page.addressLines,
    subject: page.subject,
    text: page.text,
    ...(page.qrPngBase64 ? { qrPng: Buffer.from(page.qrPngBase64, 'base64') } : {}),
    dated: new Date(`${page.day}T00:00:00Z`),
  });
  await deps.printedLetters.put(job.pdfKey, pdf);
  await deps.notifier.publish({
    topic: 'print-queue',
    subject: `${order.registered ? 'Registered letter' : 'Letter'} ${order.letterId}`,
    message: order,
    attributes: { registered: String(order.registered) },
  });
  return { letterId: order.letterId };
}
