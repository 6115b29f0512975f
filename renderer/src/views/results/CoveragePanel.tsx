import { useState } from 'react';
import type { StressResult } from '../../../../shared/engine';
import { formatMoney, formatPercent } from '../../../../shared/format';
import { coverageRows, optionsNotTested } from '../../../../shared/report/coverage';
import { CoverageBar } from './CoverageBar';
import { OptionRate } from './OptionRate';

/** What the scenario reached and what it did not: one partition of the value, with the positions in each part. */
export function CoveragePanel({ result }: { result: StressResult }) {
  const [open, setOpen] = useState<string | null>(null);
  const symbolOf = new Map(result.positions.map((p) => [p.id, p.symbol]));
  const rows = coverageRows(result);
  const c = result.coverage;
  const options = optionsNotTested(result, (amount) => formatMoney(amount, result.baseCurrency, 0));
  return (
    <div className="card pad coverage" aria-label="Coverage">
      <h3>Coverage</h3>
      <CoverageBar rows={rows} legend={false} />
      {rows.map(({ part, label, help, share, value, positionIds }) => {
        const symbols = part === 'unclassified' ? c.unclassified.symbols : positionIds.map((id) => symbolOf.get(id) ?? String(id));
        return (
          <div key={part} className="coverage-row">
            <button
              type="button"
              className="link coverage-toggle"
              aria-expanded={open === part}
              onClick={() => setOpen(open === part ? null : part)}
              title={help}
            >
              <span>
                <span className={`dot ${part}`} /> {label}
              </span>
              <span className="num">
                {formatPercent(share, 1)} · {formatMoney(value, result.baseCurrency, 0)}
              </span>
            </button>
            {open === part && <p className="small muted coverage-list">{symbols.length ? symbols.join(', ') : 'None.'}</p>}
          </div>
        );
      })}
      <p className="small muted">
        Each dollar counted once; the parts add up to 100% of {formatMoney(c.grossValue, result.baseCurrency, 0)}
        {c.grossValue !== Math.abs(result.valueBefore) ? ' (gross value: shorts count at their size)' : ''}.
      </p>
      {options && <p className="small warn">{options.message}</p>}
      <OptionRate result={result} />
      {result.issues.map((issue) => (
        <p key={issue.kind} className="small warn">
          {issue.message}
        </p>
      ))}
    </div>
  );
}
