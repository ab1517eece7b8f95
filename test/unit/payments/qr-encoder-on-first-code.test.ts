import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

describe('the QR encoder', () => {
  it('is not loaded at the cold start of a function that draws a code only on some paths', async () => {
    // assign-payment can lower a payment plan, whose email carries a QR code: a rare path.
    const metafile = await bundleOf('assign-payment');
    const loaded = modulesLoadedAtStart(metafile);

    expect(Object.keys(metafile.inputs).some((input) => input.includes('node_modules/qrcode/'))).toBe(true);
    expect(loaded.filter((input) => /node_modules\/(qrcode|pngjs)\//.test(input))).toEqual([]);
    expect(loaded).toContain('functions/core/payments/epc-qr.ts');
  });
});
