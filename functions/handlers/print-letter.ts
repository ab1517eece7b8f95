import { printFromEnvironment } from '../shared/dependencies/print-from-environment';
import { withPowertools } from '../shared/powertools-chain';
import { printJobSchema, printLetter } from '../use-cases/post/print-letter';

const deps = printFromEnvironment();

/**
 * A letter by post, handed over by send-dunning-letter, which waits for the answer: the PDF into
 * the printed-letters bucket, the order onto print-queue. A job that does not parse fails.
 */
export const handler = withPowertools(async (event: unknown) =>
  printLetter(deps, printJobSchema.parse(event)),
);
