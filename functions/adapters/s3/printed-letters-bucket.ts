import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PrintedLetters } from '../../ports/printed-letters';

/**
 * The printed-letters bucket (PRINTED_LETTERS_BUCKET): one PDF per letter, under the key the
 * letter's id gives, encrypted at rest by the bucket's default (SSE-S3).
 */
export class PrintedLettersBucket implements PrintedLetters {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, pdf: Uint8Array): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: pdf, ContentType: 'application/pdf' }),
    );
  }

  /** The stored PDF, or undefined when there is none under `key`. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body ? await object.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
