import { formatShare } from '../../i18n/format';

export interface SeriesPoint {
  year: number;
  goodOrFairShare: number;
  weakOrSuspendedShare: number;
}

const W = 320;
const H = 160;
const PAD = { left: 34, right: 10, top: 10, bottom: 22 };

/**
 * The two headline shares over the years, drawn as plain SVG so the page
 * stays light on a phone. Each point carries its value as a tooltip.
 */
export function TrendChart(props: { points: SeriesPoint[]; goodLabel: string; weakLabel: string; title: string }) {
  const { points } = props;
  if (points.length === 0) return null;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - v * innerH;
  const line = (key: 'goodOrFairShare' | 'weakOrSuspendedShare') => points.map((p, i) => `${i ? 'L' : 'M'}${x(i)},${y(p[key])}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={PAD.left - 4} y={y(v) + 3} className="chart-axis" textAnchor="end">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.year} x={x(i)} y={H - 6} className="chart-axis" textAnchor="middle">
            {p.year}
          </text>
        ))}
        <path d={line('goodOrFairShare')} className="chart-line chart-good" />
        <path d={line('weakOrSuspendedShare')} className="chart-line chart-weak" />
        {points.map((p, i) => (
          <g key={p.year}>
            <circle cx={x(i)} cy={y(p.goodOrFairShare)} r={3} className="chart-dot chart-good">
              <title>{`${p.year}: ${props.goodLabel} ${formatShare(p.goodOrFairShare)}`}</title>
            </circle>
            <circle cx={x(i)} cy={y(p.weakOrSuspendedShare)} r={3} className="chart-dot chart-weak">
              <title>{`${p.year}: ${props.weakLabel} ${formatShare(p.weakOrSuspendedShare)}`}</title>
            </circle>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-good">{props.goodLabel}</span>
        <span className="legend-weak">{props.weakLabel}</span>
      </figcaption>
    </figure>
  );
}

/** Counts as horizontal bars, readable on a narrow screen. */
export function BarList(props: { title: string; items: Array<{ key: string; label: string; count: number; tone?: string }> }) {
  const max = Math.max(1, ...props.items.map((i) => i.count));
  return (
    <div className="bar-list">
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((i) => (
          <li key={i.key}>
            <span className="bar-label">{i.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-fill ${i.tone ?? ''}`} style={{ width: `${(i.count / max) * 100}%` }} />
            </span>
            <span className="bar-value">{i.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
