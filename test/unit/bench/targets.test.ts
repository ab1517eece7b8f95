import { describe, expect, it } from 'vitest';
import { checkTargets, TARGET_NAMES } from '../../../scripts/bench/targets';

const fine = { transitionsPerInvoice: 13, orchestrationUsdPer1000: 0.34 };

describe('the targets', () => {
  it('are met at their limits, and say by how much they are missed', () => {
    const checks = checkTargets({
      fullyEscalated: { transitionsPerInvoice: 14, orchestrationUsdPer1000: 0.42 },
      bundles: {},
    });
    expect(checks[0]).toMatchObject({ met: true, measured: 14 });
    expect(checks[1]?.met).toBe(false);
    expect(checks[1]?.missedBy?.amount).toBeCloseTo(0.07, 10);
    expect(checks[1]?.missedBy?.percent).toBeCloseTo(20, 10);
  });

  it("want each bundle under 1 MB and importing in at most 3× the empty handler's CPU time", () => {
    const checks = checkTargets({
      fullyEscalated: fine,
      bundles: {
        // The wall-time ratio is reported beside it, not judged: it moves with the machine's load.
        small: { bytes: 999_999, importRatio: 4.5, cpuRatio: 3 },
        large: { bytes: 1_000_000, importRatio: 2, cpuRatio: 3.3 },
      },
    });
    const met = Object.fromEntries(checks.map((c) => [`${c.subject}: ${c.target}`, c.met]));
    expect(met).toMatchObject({
      [`small: ${TARGET_NAMES.bundleSize}`]: true,
      [`small: ${TARGET_NAMES.importRatio}`]: true,
      [`large: ${TARGET_NAMES.bundleSize}`]: false,
      [`large: ${TARGET_NAMES.importRatio}`]: false,
    });
    expect(checks.find((c) => c.subject === 'small' && c.target === TARGET_NAMES.importRatio)?.note).toBe(
      'wall time 4.5×',
    );
  });

  it('count a bundle that throws when imported as a missed import target, with the reason', () => {
    const [, , , imports] = checkTargets({
      fullyEscalated: fine,
      bundles: { broken: { bytes: 1, importRatio: null, cpuRatio: null, importError: 'Error: boom' } },
    });
    expect(imports).toMatchObject({ subject: 'broken', met: false, measured: null });
    expect(imports?.note).toContain('Error: boom');
  });
});
