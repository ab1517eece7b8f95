import type { PriceTable } from './prices';

/** The sizes the sweep prices, in MB: Lambda's smallest up to one GB. */
export const SWEPT_SIZES_MB = [128, 256, 512, 768, 1024] as const;

/** Lambda gives a function one full vCPU at 1,769 MB, and a share of it in proportion below. */
const FULL_VCPU_MB = 1_769;

/** "Balanced", as AWS Lambda Power Tuning calls it: the cheapest size within this of the fastest. */
const BALANCED_TOLERANCE = 0.1;

/**
 * A size must hold the function's measured memory use times this: a heap that fills its size
 * garbage-collects often (CPU time the model does not see) and one invocation above it is killed.
 */
export const MEMORY_HEADROOM = 1.25;

/** One function's representative invocation: what it computed and how long it waited, in ms. */
export interface InvocationProfile {
  cpuMs: number;
  /** Wall time less CPU time: DynamoDB, SES and the other calls, which the memory size does not change. */
  waitMs: number;
  /** Memory the function was seen to use (resident after loading plus an invocation's heap growth), MB. */
  memoryUsedMb: number;
}

export interface SizeEstimate {
  memoryMb: number;
  durationMs: number;
  /** The duration as Lambda bills it: rounded up to the millisecond, at least one. */
  billedMs: number;
  /** USD per invocation: the billed duration at this size and the request. */
  costUsd: number;
  /** Below the memory use plus headroom: not a candidate. */
  tooSmall: boolean;
}

/**
 * The duration at `memoryMb`: the CPU time stretched by the share of a vCPU the size gets (a whole
 * one at 1,769 MB, so no faster above it for a single-threaded handler), plus the wait as measured.
 */
export function durationAt(profile: Pick<InvocationProfile, 'cpuMs' | 'waitMs'>, memoryMb: number): number {
  return profile.cpuMs * Math.max(1, FULL_VCPU_MB / memoryMb) + profile.waitMs;
}

/** What one invocation costs at `memoryMb`: duration billed to the millisecond (at least 1) × GB, arm64, plus the request. */
export function costAt(durationMs: number, memoryMb: number, prices: PriceTable): number {
  const billedSeconds = billed(durationMs) / 1_000;
  return billedSeconds * (memoryMb / 1_024) * prices.lambda.perGbSecondArm64 + prices.lambda.perRequest;
}

function billed(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs));
}

/** The duration and cost of the profile at every swept size, and whether the size can hold it. */
export function sweepSizes(
  profile: InvocationProfile,
  prices: PriceTable,
  sizes: readonly number[] = SWEPT_SIZES_MB,
): SizeEstimate[] {
  return sizes.map((memoryMb) => {
    const durationMs = durationAt(profile, memoryMb);
    return {
      memoryMb,
      durationMs,
      billedMs: billed(durationMs),
      costUsd: costAt(durationMs, memoryMb, prices),
      tooSmall: memoryMb < profile.memoryUsedMb * MEMORY_HEADROOM,
    };
  });
}

/**
 * Power Tuning's balanced choice: among the sizes that hold the function, the cheapest whose billed
 * duration is within 10% of the fastest of them; the smaller size on a tie of cost. Billed, as
 * Power Tuning reads Lambda's durations: a function done within a millisecond at several sizes is
 * as fast at each. Undefined when no swept size holds it.
 */
export function balancedSize(estimates: readonly SizeEstimate[]): SizeEstimate | undefined {
  const candidates = estimates.filter((estimate) => !estimate.tooSmall);
  if (candidates.length === 0) return undefined;
  const fastest = Math.min(...candidates.map((estimate) => estimate.billedMs));
  const limit = fastest * (1 + BALANCED_TOLERANCE);
  return candidates
    .filter((estimate) => estimate.billedMs <= limit)
    .reduce((best, estimate) =>
      estimate.costUsd < best.costUsd ||
      (estimate.costUsd === best.costUsd && estimate.memoryMb < best.memoryMb)
        ? estimate
        : best,
    );
}
