import type { PaymentCreateParams, PaymentStatus } from '@mollie/api-client';
import type { CreateParameters as PaymentLinkCreateParams } from '@mollie/api-client/dist/types/binders/paymentLinks/parameters';
import * as z from 'zod';
import type {
  CheckoutRequest,
  PaymentLinkRequest,
  PaymentProvider,
  ProviderCheckout,
  ProviderPayment,
  ProviderPaymentLink,
  ProviderPaymentStatus,
} from '../../ports/payment-provider';
import { fromMollieAmount, toMollieAmount } from './mollie-amount';

/** Mollie's production API; the local cloud passes its own Mollie-compatible server instead. */
const MOLLIE_API_URL = 'https://api.mollie.com/v2/';

export interface MollieOptions {
  /** `test_…` or `live_…`; sent as the bearer token, never logged. */
  apiKey: () => Promise<string>;
  /** The root of the v2 API, ending in `/v2/`. */
  apiUrl?: string;
  /** Per request; a letter step or a webhook must not hang on Mollie. */
  timeoutMs?: number;
}

const amount = z.object({ currency: z.string(), value: z.string() });
const link = z.object({ href: z.string() });

/** What the adapter reads of Mollie's payment link object (GET /v2/payment-links/{id}). */
const paymentLinkResponse = z.object({
  resource: z.literal('payment-link'),
  id: z.string().startsWith('pl_'),
  amount,
  _links: z.object({ paymentLink: link }),
});

const STATUSES = [
  'open',
  'pending',
  'authorized',
  'paid',
  'canceled',
  'expired',
  'failed',
] as const satisfies readonly `${PaymentStatus}`[] & readonly ProviderPaymentStatus[];

/** What the adapter reads of Mollie's payment object (GET /v2/payments/{id}). */
const paymentResponse = z.object({
  resource: z.literal('payment'),
  id: z.string().startsWith('tr_'),
  status: z.enum(STATUSES),
  amount,
  description: z.string(),
  paidAt: z.string().optional(),
  expiresAt: z.string().optional(),
  metadata: z.unknown().optional(),
  _links: z.object({ checkout: link.optional() }),
});

/** Mollie answered with an error (its `application/problem+json`), or not at all in time. */
export class MollieError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MollieError';
  }
}

/**
 * The payment provider on Mollie's REST API v2: payment links, payments (checkouts) and reading
 * a payment back. The request bodies are typed by `@mollie/api-client`'s own parameter types;
 * the transport is `fetch`, because the client pins an HTTPS agent with its own CA bundle and
 * so cannot reach the local cloud's Mollie-compatible server over plain HTTP: one code path,
 * in AWS and locally, is what the contract test checks.
 */
export class MolliePaymentProvider implements PaymentProvider {
  private readonly apiUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: MollieOptions) {
    const url = options.apiUrl ?? MOLLIE_API_URL;
    this.apiUrl = url.endsWith('/') ? url : `${url}/`;
    this.timeoutMs = options.timeoutMs ?? 8_000;
  }

  async createPaymentLink(request: PaymentLinkRequest): Promise<ProviderPaymentLink> {
    const body: Omit<PaymentLinkCreateParams, 'idempotencyKey' | 'testmode'> = {
      description: request.description,
      amount: toMollieAmount(request.amount),
      redirectUrl: request.redirectUrl,
      webhookUrl: request.webhookUrl,
    };
    const answer = paymentLinkResponse.parse(
      await this.call('POST', 'payment-links', body, request.idempotencyKey),
    );
    return { id: answer.id, url: answer._links.paymentLink.href, amount: fromMollieAmount(answer.amount) };
  }

  async createCheckout(request: CheckoutRequest): Promise<ProviderCheckout> {
    const body: Omit<PaymentCreateParams, 'idempotencyKey' | 'testmode'> = {
      amount: toMollieAmount(request.amount),
      description: request.description,
      redirectUrl: request.redirectUrl,
      webhookUrl: request.webhookUrl,
      metadata: request.metadata,
    };
    const answer = paymentResponse.parse(await this.call('POST', 'payments', body, request.idempotencyKey));
    const checkoutUrl = answer._links.checkout?.href;
    if (!checkoutUrl) throw new MollieError(`Mollie gave payment ${answer.id} no checkout URL`);
    return { id: answer.id, checkoutUrl, ...(answer.expiresAt ? { expiresAt: answer.expiresAt } : {}) };
  }

  async getPayment(id: string): Promise<ProviderPayment | undefined> {
    // An id that is not Mollie's shape is not sent on: it would only be a 404 (or a path trick).
    if (!/^tr_[A-Za-z0-9]{1,64}$/.test(id)) return undefined;
    let raw: unknown;
    try {
      raw = await this.call('GET', `payments/${id}`);
    } catch (error) {
      if (error instanceof MollieError && error.status === 404) return undefined;
      throw error;
    }
    const answer = paymentResponse.parse(raw);
    return {
      id: answer.id,
      status: answer.status,
      amount: fromMollieAmount(answer.amount),
      description: answer.description,
      ...(answer.paidAt ? { paidAt: answer.paidAt } : {}),
      ...(answer.metadata !== undefined && answer.metadata !== null ? { metadata: answer.metadata } : {}),
    };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string) {
    const response = await fetch(new URL(path, this.apiUrl), {
      method,
      headers: {
        authorization: `Bearer ${await this.options.apiKey()}`,
        accept: 'application/hal+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // Mollie answers a repeated key with the first answer: a retry makes no second link.
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new MollieError(`Mollie ${method} /${path} did not answer: ${String(error)}`);
    });
    const text = await response.text();
    if (!response.ok) {
      // The problem's title and detail, not the body: it may echo what was sent.
      const problem = safeJson(text) as { title?: unknown; detail?: unknown } | undefined;
      throw new MollieError(
        `Mollie ${method} /${path} answered ${response.status}: ${String(problem?.title ?? '')} ${String(problem?.detail ?? '')}`.trim(),
        response.status,
      );
    }
    return safeJson(text);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
