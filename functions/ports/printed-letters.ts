/** Where the PDFs of letters by post are kept: the print-and-mail service fetches them from here. */
export interface PrintedLetters {
  /** Stores the PDF under `key`; storing the same letter again replaces it with the same bytes. */
  put(key: string, pdf: Uint8Array): Promise<void>;
}
