import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LambdaLetterPrinter } from '../../../functions/adapters/lambda/lambda-letter-printer';
import type { PrintJob } from '../../../functions/use-cases/post/print-letter';
import { type LocalLambdaServer, startLocalLambda } from '../../../local/lambda/lambda-server';

const job: PrintJob = {
  pdfKey: 'letters/2025-03-31/finalNotice~2025-03-31~EUR~deb-1.pdf',
  page: {
    returnAddress: 'Voorbeeld B.V., Keizersgracht 1, 1015 AA Amsterdam',
    addressLines: ['J. de Vries', 'Dorpsstraat 12', '1234 AB  Ergenshuizen'],
    subject: 'Laatste herinnering',
    text: 'Geachte heer De Vries,',
    day: '2025-03-31',
  },
  order: {
    letterId: '2025-03-31~finalNotice~EUR~deb-1',
    pdfKey: 'letters/2025-03-31/finalNotice~2025-03-31~EUR~deb-1.pdf',
    registered: true,
    address: {
      name: 'J. de Vries',
      line1: 'Dorpsstraat 12',
      postalCode: '1234 AB',
      city: 'Ergenshuizen',
      country: 'NL',
    },
    postBy: '2025-03-31',
    invoiceIds: ['inv-1'],
  },
};

describe('the printer, invoked as a Lambda function and waited for', () => {
  let server: LocalLambdaServer | undefined;
  afterEach(async () => {
    await server?.stop();
  });

  async function printerAnswering(run: (event: unknown) => Promise<unknown>) {
    const received: { name: string; event: unknown }[] = [];
    server = await startLocalLambda({
      invoke: async (name, event) => {
        received.push({ name, event });
        return run(event);
      },
    });
    const client = new LambdaClient({
      region: 'eu-west-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return { printer: new LambdaLetterPrinter(client, 'print-letter'), received };
  }

  it('hands the whole job to the named function and returns once it has answered', async () => {
    const { printer, received } = await printerAnswering(async () => ({ letterId: job.order.letterId }));

    await printer.print(job);

    expect(received).toEqual([{ name: 'print-letter', event: job }]);
  });

  it('fails the letter when the printing failed, with the answer that says the call is over', async () => {
    const { printer } = await printerAnswering(async () => {
      throw new Error('S3 refused the PDF');
    });

    const failure = printer.print(job).catch((error: unknown) => error);

    await expect(failure).resolves.toMatchObject({
      message: expect.stringContaining('S3 refused the PDF'),
      $metadata: { httpStatusCode: 200 },
    });
  });
});
