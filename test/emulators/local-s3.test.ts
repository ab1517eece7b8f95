import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalS3Event, type LocalS3Server, startLocalS3 } from '../../local/s3/s3-server';

describe('the local S3', () => {
  let s3: LocalS3Server;
  let client: S3Client;
  const events: LocalS3Event[] = [];

  beforeAll(async () => {
    s3 = await startLocalS3({ buckets: ['letters'] });
    s3.onEvent((event) => events.push(event));
    client = new S3Client({
      region: 'eu-west-1',
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await s3.stop();
  });

  it('keeps an object put with the local credentials and tells its listeners, as a notification would', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'letters',
        Key: 'debtor/letter.pdf',
        Body: 'PDF',
        ContentType: 'application/pdf',
      }),
    );
    const object = await client.send(new GetObjectCommand({ Bucket: 'letters', Key: 'debtor/letter.pdf' }));
    expect(await object.Body?.transformToString()).toBe('PDF');
    expect(object.ContentType).toBe('application/pdf');
    expect(events).toEqual([
      expect.objectContaining({
        eventName: expect.stringMatching(/^ObjectCreated:Put$/),
        s3: expect.objectContaining({
          bucket: expect.objectContaining({ name: 'letters' }),
          object: expect.objectContaining({ key: 'debtor/letter.pdf' }),
        }),
      }),
    ]);
  });

  it('refuses a bucket it was not given', async () => {
    await expect(
      client.send(new PutObjectCommand({ Bucket: 'elsewhere', Key: 'x', Body: 'x' })),
    ).rejects.toThrow(/bucket does not exist/i);
  });
});
