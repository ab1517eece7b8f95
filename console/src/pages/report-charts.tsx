import type { PortfolioBucket } from './page-responses';
import { usePageWords } from './page-words';

/** The aging buckets in the order the API defines them (core/reports/portfolio-day.ts). */
export const BUCKETS = [
  'current',
  '1-30',
  '31-60',
  '61-90',
  '91-120',
  '120+',
] as const satisfies readonly PortfolioBucket[];

const INK = '#1b1f24';
const BAR = '#16324f';
const LATE = '#a3300b';
const GRID = '#6b7480';

/**
 * The open amount per aging bucket as horizontal bars, drawn in SVG (no chart library). It is a
 * picture of the table next to it, which is what a screen reader reads: the SVG says so.
 */
export function AgingBars(props: {
  id: string;
  title: string;
  aging: Record<PortfolioBucket, { amount: number; count: number }>;
  currency: string;
}) {
  const words = usePageWords();
  const { p } = words;
  const max = Math.max(1, ...BUCKETS.map((bucket) => props.aging[bucket].amount));
  const rowHeight = 28;
  const labelWidth = 130;
  const barWidth = 360;
  const height = rowHeight * BUCKETS.length + 8;
  return (
    <svg
      role="img"
      aria-labelledby={`${props.id}-title`}
      viewBox={`0 0 ${labelWidth + barWidth + 140} ${height}`}
      class="chart"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      {BUCKETS.map((bucket, i) => {
        const { amount } = props.aging[bucket];
        const y = 4 + i * rowHeight;
        const width = Math.round((amount / max) * barWidth);
        return (
          <g key={bucket}>
            <text x={labelWidth - 8} y={y + 18} text-anchor="end" fill={INK} font-size="14">
              {p.reports.buckets[bucket]}
            </text>
            <rect
              x={labelWidth}
              y={y + 4}
              width={Math.max(width, amount > 0 ? 2 : 0)}
              height={rowHeight - 10}
              fill={bucket === 'current' ? BAR : LATE}
            />
            <text x={labelWidth + width + 6} y={y + 18} fill={INK} font-size="14">
              {words.money(amount, props.currency)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The standard DSO of each day as a line, gaps where a day had no sales to measure by. The range
 * is in the title, and the figure of the day is in the portfolio table above it.
 */
export function DsoLine(props: { id: string; title: string; days: { asOf: string; dso: number | null }[] }) {
  const { p, number } = usePageWords();
  const values = props.days.map((day) => day.dso).filter((dso): dso is number => dso !== null);
  if (values.length === 0) return <p>{p.reports.noDso}</p>;
  const width = 600;
  const height = 160;
  const pad = 36;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = Math.max(1, max - min);
  const x = (i: number) => pad + (i / Math.max(1, props.days.length - 1)) * (width - 2 * pad);
  const y = (dso: number) => height - pad / 2 - ((dso - min) / span) * (height - pad);
  // One polyline per run of days with a figure.
  const runs: string[][] = [];
  let run: string[] = [];
  props.days.forEach((day, i) => {
    if (day.dso === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(day.dso).toFixed(1)}`);
  });
  if (run.length > 0) runs.push(run);
  return (
    <svg role="img" aria-labelledby={`${props.id}-title`} viewBox={`0 0 ${width} ${height}`} class="chart">
      <title id={`${props.id}-title`}>
        {`${props.title}: ${p.reports.dsoRange(number(min), number(max))}`}
      </title>
      <line x1={pad} y1={y(min)} x2={width - pad} y2={y(min)} stroke={GRID} stroke-dasharray="4 4" />
      <line x1={pad} y1={y(max)} x2={width - pad} y2={y(max)} stroke={GRID} stroke-dasharray="4 4" />
      <text x={pad - 4} y={y(min) + 5} text-anchor="end" fill={INK} font-size="13">
        {number(min)}
      </text>
      <text x={pad - 4} y={y(max) + 5} text-anchor="end" fill={INK} font-size="13">
        {number(max)}
      </text>
      {runs.map((points) =>
        points.length === 1 ? (
          <circle
            key={points[0]}
            cx={points[0]!.split(',')[0]}
            cy={points[0]!.split(',')[1]}
            r="3"
            fill={BAR}
          />
        ) : (
          <polyline key={points[0]} points={points.join(' ')} fill="none" stroke={BAR} stroke-width="2.5" />
        ),
      )}
    </svg>
  );
}
