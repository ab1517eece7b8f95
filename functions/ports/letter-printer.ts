import type { PrintJob } from '../use-cases/post/print-letter';

/**
 * Prints a letter by post: renders its PDF, stores it and puts the order on the print queue, and
 * answers once all three are done. The same job again stores the same PDF and repeats the same
 * order, which the print-and-mail service recognises by its letter id.
 */
export interface LetterPrinter {
  print(job: PrintJob): Promise<void>;
}
