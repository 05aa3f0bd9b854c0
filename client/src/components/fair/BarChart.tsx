import { formatNumber } from '../../i18n/format';

export interface BarRow {
  key: string;
  label: string;
  value: number;
  tone?: 'warn';
}

/**
 * A horizontal bar per row, drawn with CSS widths: light on a cheap phone, prints on paper, and
 * the numbers stay readable text for screen readers.
 */
export function BarChart({ title, rows, testId }: { title: string; rows: readonly BarRow[]; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ul className="plain-list bar-chart">
        {rows.map((r) => (
          <li key={r.key}>
            <span className="bar-label">{r.label}</span>
            <span className="bar-track">
              <span className={`bar${r.tone === 'warn' ? ' bar-warn' : ''}`} style={{ width: `${(r.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">{formatNumber(r.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
