export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Images referenced from the HTML as cid:<contentId> (the EPC QR code). */
  inlineImages?: { contentId: string; filename: string; contentType: string; content: Buffer }[];
  /** Where the debtor's reply goes (a letter's own address, core/replies/reply-token.ts); the mailer's default when absent. */
  replyTo?: string;
  /** Tags that come back with delivery and bounce events (invoice, step, letter). */
  tags?: Record<string, string>;
}

export interface Mailer {
  /** Returns the provider's message id. Throws only for infrastructure faults. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
