/** Where the raw replies of debtors are kept as they arrived (S3: the reply-mail bucket). */
export interface ReplyMailbox {
  /** The raw message (RFC 5322) stored under `key`; throws when it cannot be read. */
  read(key: string): Promise<Buffer>;
}
