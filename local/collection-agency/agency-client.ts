import { signedHeaders, type SignOptions } from '../invoicing/invoicing-client';

export interface AgencyClientOptions {
  /** The API's base URL: events go to POST {apiUrl}/webhooks/collection-agency. */
  apiUrl: string;
  /** The agency's own Standard Webhooks secret (`whsec_…`). */
  secret: string;
}

/**
 * The collection agency as the credit-control API sees it: posts its events about a claim to the
 * agency webhook over real HTTP, signed with its own secret. For the tests and the demo.
 */
export class AgencyClient {
  private readonly url: string;
  /** The sequence of the next event per claim, counting up as the agency numbers them. */
  private readonly sequences = new Map<string, number>();

  constructor(private readonly options: AgencyClientOptions) {
    this.url = `${options.apiUrl}/webhooks/collection-agency`;
  }

  /** The next sequence number of a claim's events. */
  nextSequence(claimId: string): number {
    const next = (this.sequences.get(claimId) ?? 0) + 1;
    this.sequences.set(claimId, next);
    return next;
  }

  /** Signs and posts one event as given; any answer is returned. */
  async post(event: unknown, sign: SignOptions = {}): Promise<{ status: number; body: unknown }> {
    const body = JSON.stringify(event);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: signedHeaders(body, this.options.secret, sign),
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** An event about a claim, numbered after the claim's earlier ones. */
  event(type: string, claimId: string, data: Record<string, unknown> = {}, occurredAt = new Date()) {
    return {
      type,
      occurredAt: occurredAt.toISOString(),
      sequence: this.nextSequence(claimId),
      data: { claimId, ...data },
    };
  }
}
