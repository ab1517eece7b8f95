import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the invoicing webhook function', () => {
  it("an invoicing system's event does not load Mollie's route at cold start", BUILD, async () => {
    const metafile = await bundleOf('receive-invoicing-webhook');
    const loaded = modulesLoadedAtStart(metafile);
    const deferred = [
      // POST /webhooks/mollie: the payment's lookup and the confirmation email.
      'functions/shared/http/provider-webhook-handler.ts',
      'functions/use-cases/provider-payments/receive-provider-payment.ts',
      'functions/templates/self-service/confirmation-email.ts',
    ];

    expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
    expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
    expect(loaded).toContain('functions/use-cases/intake/invoice-created.ts');
    expect(loaded).toContain('functions/use-cases/intake/payment-received.ts');
  });
});
