import { s3Client } from '../../adapters/s3/s3-client';
import { ReplyMailBucket } from '../../adapters/s3/reply-mail-bucket';
import type { ReplyMailbox } from '../../ports/reply-mailbox';
import { traced } from '../tracing';

/** The replies' bucket through S3's client. */
export function replyMailBucket(bucket: string): ReplyMailbox {
  return new ReplyMailBucket(traced(s3Client()), bucket);
}
