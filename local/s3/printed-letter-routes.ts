import { S3Client } from '@aws-sdk/client-s3';
import { PrintedLettersBucket } from '../../functions/adapters/s3/printed-letters-bucket';
import { letterKeyOf, pdfKeyOf } from '../../functions/use-cases/post/posted-letter-id';
import type { LocalRoute } from '../api/local-routes';
import { LOCAL_BUCKETS, LOCAL_REGION } from '../cloud/environment';

/**
 * `GET /_local/letters/{id}`: the PDF of a letter by post, as the print-and-mail service fetches
 * it from the printed-letters bucket, by the `letterId` of its print order (print-queue) or the
 * message id on the invoice's timeline. What a developer opens to see the letter on paper.
 */
export function printedLetterRoutes(s3Endpoint: string): LocalRoute[] {
  const bucket = new PrintedLettersBucket(
    new S3Client({
      endpoint: s3Endpoint,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    LOCAL_BUCKETS.PRINTED_LETTERS_BUCKET,
  );
  return [
    {
      method: 'GET',
      path: '/_local/letters/{id}',
      handle: async ({ pathParameters }) => {
        const key = letterKeyOf(pathParameters.id ?? '');
        const pdf = key && (await bucket.get(pdfKeyOf(key)));
        if (!pdf) return { status: 404, body: { message: `No printed letter ${pathParameters.id}` } };
        return { status: 200, body: Buffer.from(pdf), contentType: 'application/pdf' };
      },
    },
  ];
}
