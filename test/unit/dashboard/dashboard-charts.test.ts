import { describe, expect, it } from 'vitest';
import {
  barChart,
  barLayout,
  lineChart,
  lineLayout,
  linePath,
} from '../../../local/dashboard/dashboard-charts';

const BOX = { width: 480, height: 200 };
const TEXT = { id: 'chart', title: 'Aging of the EUR receivables', desc: 'Open amount by days past due.' };

/** The numbers of one attribute of each element of a kind, in document order. */
function attributes(svg: string, element: string, name: string): number[] {
  return [...svg.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) =>
    Number(m[1]),
  );
}

describe('the aging bars', () => {
  it('draws each bar as high as its amount against the largest, on one base line', () => {
    const rects = barLayout([1_000_00, 500_00, 0, 250_00], BOX);

    const [largest, half, none, quarter] = rects.map((rect) => rect.height);
    expect(largest).toBeGreaterThan(0);
    expect(half).toBeCloseTo(largest! / 2, 0);
    expect(quarter).toBeCloseTo(largest! / 4, 0);
    expect(none).toBe(0);
    const bottoms = rects.map((rect) => Math.round((rect.y + rect.height) * 10) / 10);
    expect(new Set(bottoms).size).toBe(1);
    // Side by side, left to right, none overlapping the next.
    for (let i = 1; i < rects.length; i++)
      expect(rects[i]!.x).toBeGreaterThanOrEqual(rects[i - 1]!.x + rects[i - 1]!.width);
  });

  it('draws no bar at all when every bucket is empty', () => {
    expect(barLayout([0, 0, 0], BOX).map((rect) => rect.height)).toEqual([0, 0, 0]);
  });

  it('draws an image named by its title and described by its desc, one bar per bucket with its figure', () => {
    const svg = barChart(
      TEXT,
      [
        { key: 'current', label: 'not yet due', value: 300_00, tip: 'not yet due: €300.00, 1 invoice' },
        { key: '1-30', label: '1–30 days', value: 600_00, tip: '1–30 days: €600.00, 2 invoices' },
      ],
      '€600.00',
    );

    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">Aging of the EUR receivables</title>');
    expect(svg).toContain('<desc id="chart-desc">Open amount by days past due.</desc>');
    const heights = attributes(svg, 'rect', 'height');
    expect(heights).toHaveLength(2);
    expect(heights[0]! / heights[1]!).toBeCloseTo(0.5, 2);
    expect(svg).toContain('<g data-key="1-30" data-value="60000">');
    expect(svg).toContain('<title>1–30 days: €600.00, 2 invoices</title>');
  });
});

describe('the DSO line', () => {
  it('puts one point per day, evenly from left to right, higher for a higher DSO', () => {
    const points = lineLayout([40, 80, 60], BOX);

    const [a, b, c] = points;
    expect(b!.x - a!.x).toBeCloseTo(c!.x - b!.x, 5);
    expect(b!.y).toBeLessThan(c!.y);
    expect(c!.y).toBeLessThan(a!.y);
    // Zero sits on the base line; the largest value at the top of the scale.
    const [zero, top] = lineLayout([0, 80], BOX);
    expect(b!.y).toBe(top!.y);
    expect(zero!.y - top!.y).toBeCloseTo(((a!.y - top!.y) * 80) / 40, 5);
  });

  it('breaks the line on a day without sales to measure by', () => {
    const points = lineLayout([40, null, 60, 50], BOX);

    expect(points[1]).toBeNull();
    expect(linePath(points)).toBe(
      `M${points[0]!.x} ${points[0]!.y} M${points[2]!.x} ${points[2]!.y} L${points[3]!.x} ${points[3]!.y}`,
    );
  });

  it('marks each measured day with a dot named by its day and value, and none for a gap', () => {
    const svg = lineChart(
      { ...TEXT, id: 'dso', title: 'DSO of the EUR receivables' },
      [
        { key: '2026-03-01', value: null, tip: '2026-03-01: –' },
        { key: '2026-03-02', value: 78, tip: '2026-03-02: 78 days' },
        { key: '2026-03-03', value: 70, tip: '2026-03-03: 70 days' },
      ],
      { top: '78 days', first: '2026-03-01', last: '2026-03-03' },
    );

    const dots = [...svg.matchAll(/<circle [^>]*data-key="([^"]+)" data-value="([^"]+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(dots).toEqual([
      ['2026-03-02', 78],
      ['2026-03-03', 70],
    ]);
    const ys = attributes(svg, 'circle', 'cy');
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(svg).toMatch(/<path class="line" d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+"/);
    expect(svg).toContain('<title>2026-03-02: 78 days</title>');
  });
});
