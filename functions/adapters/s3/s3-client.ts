import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

/**
 * The one S3 client of a function, made on first use. Where an endpoint is named (the local cloud's
 * S3-compatible server), requests are path-style: a bucket as a host name needs DNS that a local
 * address does not have. In AWS the SDK's defaults apply.
 */
export function s3Client(): S3Client {
  client ??= new S3Client(process.env.AWS_ENDPOINT_URL_S3 ? { forcePathStyle: true } : {});
  return client;
}
