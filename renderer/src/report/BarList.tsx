import { formatMoney } from '../../../shared/format';
import { compactMoney } from '../views/results/chart-theme';
import { barLayout, type BarInput } from './bars';

/**
 * Horizontal bars drawn in HTML, so that labels wrap instead of being cut and print crisply: each row is its label,
 * its bar from the zero line, and its amount; the axis below always includes zero.
 */
export function BarList({
  rows,
  currency,
  detail,
  label,
  ticks = 5,
}: {
  rows: (BarInput & { detail?: string })[];
  currency: string;
  detail?: boolean;
  label: string;
  /** About how many labelled ticks the axis gets (fewer in a half-width column). */
  ticks?: number;
}) {
  const layout = barLayout(rows, ticks);
  return (
    <figure className="bars" aria-label={label} role="img">
      {layout.bars.map((b, i) => (
        <div className="bar-row" key={b.key}>
          <div className="bar-label">{b.label}</div>
          <div className="bar-track">
            <span className="bar-zero" style={{ left: `${layout.zero}%` }} />
            <span className={`bar ${b.pnl < 0 ? 'loss' : 'gain'}`} style={{ left: `${b.left}%`, width: `${Math.max(b.width, 0.3)}%` }} />
          </div>
          <div className="bar-value">
            {formatMoney(b.pnl, currency, 0)}
            {detail && rows[i].detail ? <span className="bar-detail"> {rows[i].detail}</span> : null}
          </div>
        </div>
      ))}
      <div className="bar-row bar-axis" aria-hidden="true">
        <div className="bar-label" />
        <div className="bar-track">
          {layout.ticks.map((t) => (
            <span key={t.value} className="bar-tick" style={{ left: `${t.at}%` }}>
              {compactMoney(t.value, currency)}
            </span>
          ))}
        </div>
        <div className="bar-value" />
      </div>
    </figure>
  );
}
