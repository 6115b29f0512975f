import type { CoverageRow } from '../../../../shared/report/coverage';
import { formatPercent } from '../../../../shared/format';

/** The coverage partition as one bar of segments and a legend: the same rows, in the same order, as the words beside it. */
export function CoverageBar({ rows, legend = true }: { rows: CoverageRow[]; legend?: boolean }) {
  const words = rows.map((r) => `${r.label} ${formatPercent(r.share, 1)}`).join(', ');
  return (
    <>
      <div className="coverage-bar" role="img" aria-label={`Coverage: ${words}`}>
        {rows.map((r) => (
          <span
            key={r.part}
            className={`seg ${r.part}`}
            style={{ width: `${r.share * 100}%` }}
            title={`${r.label} ${formatPercent(r.share, 1)}`}
          />
        ))}
      </div>
      {legend && (
        <p className="small muted legend">
          {rows.map((r) => (
            <span key={r.part} className="legend-item">
              <span className={`dot ${r.part}`} /> {r.label.toLowerCase()} {formatPercent(r.share, 1)}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
