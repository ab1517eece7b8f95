import { escapeHtml } from '../../functions/templates/escape-html';

/** The drawing area of a chart, in the units of its viewBox. */
interface Box {
  width: number;
  height: number;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Point {
  x: number;
  y: number;
}

/** One bar: `key` names it for a machine (`data-key`), `label` under it for a reader, `tip` on hover. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  tip: string;
}

/** One day of a line: a null value is a gap (nothing to measure by that day). */
export interface LineDatum {
  key: string;
  value: number | null;
  tip: string;
}

export interface ChartText {
  /** An id unique on the page: the title and description are referred to by it. */
  id: string;
  /** Read first by a screen reader, shown on hover. */
  title: string;
  /** What the picture shows, in words. */
  desc: string;
}

const BARS_BOX: Box = { width: 480, height: 200 };
const LINE_BOX: Box = { width: 480, height: 200 };
/** Room around the plot for the axis labels. */
const MARGIN = { top: 16, right: 12, bottom: 24, left: 12 };
const BAR_GAP = 0.25;

/**
 * Bars side by side, bottoms on one base line, each as high as its value against the largest
 * (a zero value has no height). Values are not negative: aging amounts and counts.
 */
export function barLayout(values: readonly number[], box: Box): Rect[] {
  const plot = plotArea(box);
  const largest = Math.max(0, ...values);
  const slot = values.length === 0 ? 0 : plot.width / values.length;
  const width = round(slot * (1 - BAR_GAP));
  return values.map((value, i) => {
    const height = largest === 0 ? 0 : round((value / largest) * plot.height);
    return {
      x: round(plot.x + i * slot + (slot * BAR_GAP) / 2),
      y: round(plot.y + plot.height - height),
      width,
      height,
    };
  });
}

/**
 * Points spread evenly from left to right, one per value, on a scale from zero to the largest
 * value (higher is further up). A null value has no point: the line breaks there.
 */
export function lineLayout(values: readonly (number | null)[], box: Box): (Point | null)[] {
  const plot = plotArea(box);
  const largest = Math.max(0, ...values.filter((value): value is number => value !== null));
  const step = values.length > 1 ? plot.width / (values.length - 1) : 0;
  return values.map((value, i) =>
    value === null
      ? null
      : {
          x: round(plot.x + (values.length > 1 ? i * step : plot.width / 2)),
          y: round(plot.y + plot.height - (largest === 0 ? 0 : (value / largest) * plot.height)),
        },
  );
}

/** The SVG path of a line through the points, broken at each gap. */
export function linePath(points: readonly (Point | null)[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${point.x} ${point.y}`);
    drawing = true;
  }
  return parts.join(' ');
}

/** Bars with their labels under them; `top` labels the top of the scale (the largest value). */
export function barChart(text: ChartText, bars: readonly BarDatum[], top: string): string {
  const rects = barLayout(
    bars.map((bar) => bar.value),
    BARS_BOX,
  );
  const drawn = bars.map((bar, i) => {
    const rect = rects[i]!;
    return `<g data-key="${escapeHtml(bar.key)}" data-value="${bar.value}">
<rect class="bar" x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}"><title>${escapeHtml(bar.tip)}</title></rect>
<text x="${round(rect.x + rect.width / 2)}" y="${BARS_BOX.height - 6}" text-anchor="middle">${escapeHtml(bar.label)}</text>
</g>`;
  });
  return svg(text, BARS_BOX, [scale(BARS_BOX, top), ...drawn]);
}

/** A line over the days, a dot on each day with a value; `top` labels the top of the scale. */
export function lineChart(
  text: ChartText,
  days: readonly LineDatum[],
  labels: { top: string; first: string; last: string },
): string {
  const points = lineLayout(
    days.map((day) => day.value),
    LINE_BOX,
  );
  const dots = days.flatMap((day, i) => {
    const point = points[i];
    if (!point) return [];
    return [
      `<circle class="dot" cx="${point.x}" cy="${point.y}" r="2" data-key="${escapeHtml(day.key)}" data-value="${day.value}"><title>${escapeHtml(day.tip)}</title></circle>`,
    ];
  });
  const plot = plotArea(LINE_BOX);
  const axis = `<text x="${plot.x}" y="${LINE_BOX.height - 6}">${escapeHtml(labels.first)}</text>
<text x="${plot.x + plot.width}" y="${LINE_BOX.height - 6}" text-anchor="end">${escapeHtml(labels.last)}</text>`;
  return svg(text, LINE_BOX, [
    scale(LINE_BOX, labels.top),
    `<path class="line" d="${linePath(points)}" fill="none"/>`,
    ...dots,
    axis,
  ]);
}

/** An image to assistive technology, named by its title and described by its desc. */
function svg(text: ChartText, box: Box, parts: readonly string[]): string {
  const id = escapeHtml(text.id);
  return `<svg id="${id}" class="chart" role="img" viewBox="0 0 ${box.width} ${box.height}" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${escapeHtml(text.title)}</title>
<desc id="${id}-desc">${escapeHtml(text.desc)}</desc>
${parts.join('\n')}
</svg>`;
}

/** The base line, and a line at the top of the scale with its value. */
function scale(box: Box, top: string): string {
  const plot = plotArea(box);
  const right = plot.x + plot.width;
  return `<line class="axis" x1="${plot.x}" y1="${plot.y + plot.height}" x2="${right}" y2="${plot.y + plot.height}"/>
<line class="grid" x1="${plot.x}" y1="${plot.y}" x2="${right}" y2="${plot.y}"/>
<text x="${plot.x}" y="${plot.y - 4}">${escapeHtml(top)}</text>`;
}

function plotArea(box: Box): Rect {
  return {
    x: MARGIN.left,
    y: MARGIN.top,
    width: box.width - MARGIN.left - MARGIN.right,
    height: box.height - MARGIN.top - MARGIN.bottom,
  };
}

/** One decimal is finer than a pixel: the markup stays short. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
