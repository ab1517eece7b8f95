/**
 * What the self-service page stores besides the credit records: a request counter per link and
 * hour, and each form submission once. Both expire by themselves (DynamoDB TTL).
 */
export interface SubmissionRecord {
  /** Hash of the link and the form's nonce (core/self-service/form-guard.ts). */
  key: string;
  debtorId: string;
  action: string;
  status: 'pending' | 'done';
  /** What the result page shows; set when done. */
  result?: SubmissionResult;
  at: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface SubmissionResult {
  /** A key of the page's wording: what was done. */
  outcome: string;
  /** Values the wording fills in (a date, an amount, a plan's reference). */
  values?: Record<string, string>;
}

export interface SelfServiceRecords {
  /** Adds one to the link's counter of this hour and returns the count after. */
  countRequest(tokenId: string, hour: string, expiresAt: number): Promise<number>;
  /**
   * Stores a new submission as pending, on the condition that its key is new; returns the record
   * already stored under the key when there is one (a form posted twice), and nothing when claimed.
   */
  claimSubmission(record: SubmissionRecord): Promise<SubmissionRecord | undefined>;
  completeSubmission(key: string, result: SubmissionResult): Promise<void>;
  /** Forgets a pending submission whose action failed, so the debtor may try again. */
  releaseSubmission(key: string): Promise<void>;
  getSubmission(key: string): Promise<SubmissionRecord | undefined>;
}
