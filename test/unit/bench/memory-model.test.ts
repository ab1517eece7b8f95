import { describe, expect, it } from 'vitest';
import {
  balancedSize,
  costAt,
  durationAt,
  type SizeEstimate,
  sweepSizes,
} from '../../../scripts/bench/memory-model';
import { PRICES } from '../../../scripts/bench/prices';

const estimate = (memoryMb: number, durationMs: number, costUsd: number, tooSmall = false): SizeEstimate => ({
  memoryMb,
  durationMs,
  billedMs: Math.max(1, Math.ceil(durationMs)),
  costUsd,
  tooSmall,
});

describe('the duration of an invocation at a memory size', () => {
  it('stretches the CPU time by the share of a vCPU the size gets and adds the wait unchanged', () => {
    const profile = { cpuMs: 10, waitMs: 20 };
    expect(durationAt(profile, 1_769)).toBeCloseTo(30, 10);
    expect(durationAt(profile, 128)).toBeCloseTo((10 * 1_769) / 128 + 20, 10);
    expect(durationAt(profile, 1_024)).toBeCloseTo((10 * 1_769) / 1_024 + 20, 10);
  });

  it('gets no faster above one full vCPU (1,769 MB)', () => {
    expect(durationAt({ cpuMs: 10, waitMs: 5 }, 3_008)).toBe(15);
  });
});

describe('the cost of an invocation at a memory size', () => {
  it('bills the duration rounded up to the millisecond times the GB, at the arm64 price, plus the request', () => {
    const cost = costAt(99.2, 512, PRICES);
    expect(cost).toBeCloseTo(0.1 * 0.5 * PRICES.lambda.perGbSecondArm64 + PRICES.lambda.perRequest, 15);
  });

  it('bills at least one millisecond', () => {
    expect(costAt(0.2, 1_024, PRICES)).toBeCloseTo(
      0.001 * PRICES.lambda.perGbSecondArm64 + PRICES.lambda.perRequest,
      15,
    );
  });

  it('costs the same CPU work alike at every size below a vCPU (to the rounding), so the wait decides', () => {
    const sizes = sweepSizes({ cpuMs: 100, waitMs: 0, memoryUsedMb: 0 }, PRICES);
    const durationCosts = sizes.map((size) => size.costUsd - PRICES.lambda.perRequest);
    for (const cost of durationCosts) expect(cost / (durationCosts[0] as number)).toBeCloseTo(1, 2);
  });
});

describe('the balanced memory size', () => {
  it('is the cheapest size whose duration is within 10% of the fastest', () => {
    const chosen = balancedSize([
      estimate(128, 300, 1),
      estimate(256, 120, 2),
      estimate(512, 109, 3),
      estimate(1_024, 100, 4),
    ]);
    expect(chosen?.memoryMb).toBe(512);
  });

  it('takes a small size for a function that mostly waits', () => {
    const sizes = sweepSizes({ cpuMs: 1, waitMs: 200, memoryUsedMb: 80 }, PRICES);
    expect(balancedSize(sizes)?.memoryMb).toBe(128);
  });

  it('takes a large size for a function that mostly computes', () => {
    const sizes = sweepSizes({ cpuMs: 50, waitMs: 5, memoryUsedMb: 80 }, PRICES);
    expect(balancedSize(sizes)?.memoryMb).toBe(1_024);
  });

  it('never takes a size below the memory the function was seen to use plus headroom', () => {
    const sizes = sweepSizes({ cpuMs: 1, waitMs: 200, memoryUsedMb: 110 }, PRICES);
    expect(sizes.find((size) => size.memoryMb === 128)?.tooSmall).toBe(true);
    expect(balancedSize(sizes)?.memoryMb).toBe(256);
  });

  it('measures the 10% from the fastest size that holds the function', () => {
    const chosen = balancedSize([estimate(128, 10, 1, true), estimate(256, 100, 2), estimate(512, 105, 3)]);
    expect(chosen?.memoryMb).toBe(256);
  });

  it('compares billed durations: a function done within a millisecond is as fast at every size that does it in one', () => {
    const sizes = sweepSizes({ cpuMs: 0.2, waitMs: 0, memoryUsedMb: 60 }, PRICES);
    expect(sizes.map((size) => size.billedMs)).toEqual([3, 2, 1, 1, 1]);
    expect(balancedSize(sizes)?.memoryMb).toBe(512);
  });

  it('takes the smaller size when two cost the same', () => {
    expect(balancedSize([estimate(256, 100, 2), estimate(512, 100, 2)])?.memoryMb).toBe(256);
  });

  it('has no answer when no size holds the function', () => {
    expect(balancedSize([estimate(128, 10, 1, true)])).toBeUndefined();
  });
});
