import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ReplyMailbox } from '../../ports/reply-mailbox';

/** The reply-mail bucket, into which SES (or the local SMTP server) writes each message. */
export class ReplyMailBucket implements ReplyMailbox {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async read(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!out.Body) throw new Error(`the reply-mail bucket returned no body for ${key}`);
    return Buffer.from(await out.Body.transformToByteArray());
  }
}
