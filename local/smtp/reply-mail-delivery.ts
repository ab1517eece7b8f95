import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import type { Activity } from '../clock/activity';
import { LOCAL_BUCKETS, LOCAL_REGION, LOCAL_REPLY_TO_EMAIL } from '../cloud/environment';
import type { LocalS3Event, LocalS3Server } from '../s3/s3-server';

/** Where SES's receipt rule puts messages in AWS (lib/constructs/reply-mail.ts): the same prefix locally. */
const INBOUND_PREFIX = 'inbound/';

/**
 * The local path of a debtor's reply, as in AWS: the SMTP server stores the raw message in the
 * reply-mail bucket (SES's S3 action), and the bucket's object event invokes record-email-event
 * (the bucket's notification). Both are tracked, so the local cloud is busy from the moment the
 * message is accepted until the reply is on the timeline.
 */
export function replyMailDelivery(cloud: {
  s3: LocalS3Server;
  activity: Activity;
  invoke: (name: string, event: unknown) => Promise<unknown>;
  log: (line: string) => void;
}): { domain: string; deliver: (raw: Buffer) => Promise<void>; log: (line: string) => void } {
  const bucket = LOCAL_BUCKETS.REPLY_MAIL_BUCKET;
  const s3 = new S3Client({
    region: LOCAL_REGION,
    endpoint: cloud.s3.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  cloud.s3.onEvent((record) => {
    if (record.s3.bucket.name !== bucket || !record.eventName.startsWith('ObjectCreated:')) return;
    // Called while the put is under way, so the activity never looks idle in between.
    void cloud.activity
      .track(`S3 event ${record.s3.object.key}`, () => cloud.invoke('record-email-event', s3EventOf(record)))
      .catch((error: unknown) => cloud.log(`reply not handled: ${String(error)}`));
  });
  return {
    domain: LOCAL_REPLY_TO_EMAIL.slice(LOCAL_REPLY_TO_EMAIL.lastIndexOf('@') + 1),
    deliver: (raw) =>
      cloud.activity.track('SMTP reply', async () => {
        // SES names the object after its message id; a random id does the same here.
        const key = `${INBOUND_PREFIX}${randomUUID().replaceAll('-', '')}`;
        await s3.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: raw, ContentType: 'message/rfc822' }),
        );
      }),
    log: cloud.log,
  };
}

/** The event Lambda receives from a bucket's notification, for one object. */
function s3EventOf(record: LocalS3Event): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: new Date().toISOString(),
        eventName: record.eventName as S3Event['Records'][number]['eventName'],
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'replies',
          bucket: {
            name: record.s3.bucket.name,
            ownerIdentity: { principalId: 'local' },
            arn: `arn:aws:s3:::${record.s3.bucket.name}`,
          },
          object: {
            key: encodeURIComponent(record.s3.object.key).replace(/%2F/g, '/'),
            size: record.s3.object.size ?? 0,
            eTag: '',
            sequencer: '0',
          },
        },
      },
    ],
  };
}
