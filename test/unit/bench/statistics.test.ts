import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../../scripts/bench/statistics';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

  it('is the smallest value with at least p% of the values at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('reports the slowest request as p99 when fewer than 100 were made', () => {
    expect(percentile([10, 20, 30, 40, 500], 99)).toBe(500);
  });

  it('is a value that was measured, for any sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (values, p) => values.includes(percentile(values, p)),
      ),
    );
  });

  it('refuses an empty sample and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses an empty sample', () => {
    expect(() => median([])).toThrow();
  });
});
