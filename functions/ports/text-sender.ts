/** A text message to one mobile number. */
export interface TextMessage {
  /** E.164, e.g. +31612345678. */
  to: string;
  text: string;
}

/** Sends texts (SNS in AWS and locally); throws when the service refuses or cannot be reached. */
export interface TextSender {
  send(message: TextMessage): Promise<{ messageId: string }>;
}
