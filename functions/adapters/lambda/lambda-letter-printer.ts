import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LetterPrinter } from '../../ports/letter-printer';
import type { PrintJob } from '../../use-cases/post/print-letter';

/**
 * The printing function (PRINT_LETTER_FUNCTION, in the printed-letters stack), invoked and waited
 * for: the letter is recorded as posted only once its PDF is stored and its order is on the queue,
 * and a failure fails the step, whose retry prints the same letter again.
 */
export class LambdaLetterPrinter implements LetterPrinter {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async print(job: PrintJob): Promise<void> {
    const answer = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(job)),
      }),
    );
    if (answer.FunctionError) {
      const { errorType, errorMessage } = parsed(answer.Payload);
      // The function ran and ended: nothing of this letter is under way any more. The answer's
      // metadata goes with the error, as an SDK error's does, so that the letter's intent is
      // withdrawn and its retry prints it again at once (send-dunning-letter-step.ts).
      throw Object.assign(
        new Error(
          `printing letter ${job.order.letterId} failed: ${errorType ?? answer.FunctionError}: ${errorMessage ?? ''}`,
        ),
        { name: 'LetterPrintingFailed', $metadata: answer.$metadata },
      );
    }
  }
}

function parsed(payload: Uint8Array | undefined): { errorType?: string; errorMessage?: string } {
  try {
    return JSON.parse(new TextDecoder().decode(payload)) as { errorType?: string; errorMessage?: string };
  } catch {
    return {};
  }
}
