import { useState } from 'react';
import type { StressResult } from '../../../../shared/engine';
import { formatMoney, formatPercent } from '../../../../shared/format';

const BUCKETS = [
  ['explicit', 'Shocked explicitly', 'A shock names the holding, its theme, industry, sector, country or asset class.'],
  ['market', 'By the market shock', 'Nothing more specific matched, so the scenario’s market move applies.'],
  ['propagated', 'Propagated from history', 'No shock names it: its move is estimated from its sensitivities to the shocked groups.'],
  ['proxy', 'By a proxy', 'Its own history misses the window, so a stand-in fund’s return is used.'],
  ['throughFunds', 'Through funds', 'Reached through the listed holdings of funds (overlaps the rows above).'],
  ['none', 'Not shocked', 'No shock matches: cash, or names the scenario does not reach.'],
  ['unclassified', 'Unclassified', 'We know no sector, industry or theme for these (overlaps the rows above).'],
] as const;

/** Replays have no market shock; runs without history have nothing propagated or proxied. */
function isShown(key: (typeof BUCKETS)[number][0], result: StressResult): boolean {
  if (result.history?.mode === 'replay') return key !== 'market' && key !== 'propagated';
  if (key === 'proxy') return result.coverage.proxy.value !== 0;
  if (key === 'propagated') return !!result.history;
  return true;
}

/** What the scenario reached and what it did not, by value, with the positions in each group. */
export function CoveragePanel({ result }: { result: StressResult }) {
  const [open, setOpen] = useState<string | null>(null);
  const symbolOf = new Map(result.positions.map((p) => [p.id, p.symbol]));
  return (
    <div className="card pad coverage" aria-label="Coverage">
      <h3>Coverage</h3>
      {BUCKETS.filter(([key]) => isShown(key, result)).map(([key, label, help]) => {
        const bucket = result.coverage[key];
        const shown = result.history?.mode === 'replay' && key === 'explicit' ? 'By its own history' : result.history?.mode === 'replay' && key === 'none' ? 'Not tested' : label;
        const symbols = key === 'unclassified' ? result.coverage.unclassified.symbols : bucket.positionIds.map((id) => symbolOf.get(id) ?? String(id));
        return (
          <div key={key} className="coverage-row">
            <button type="button" className="link coverage-toggle" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)} title={help}>
              <span>{shown}</span>
              <span className="num">
                {formatPercent(bucket.share, 1)} · {formatMoney(bucket.value, result.baseCurrency, 0)}
              </span>
            </button>
            {open === key && <p className="small muted coverage-list">{symbols.length ? symbols.join(', ') : 'None.'}</p>}
          </div>
        );
      })}
      {result.issues.map((issue) => (
        <p key={issue.kind} className="small warn">
          {issue.message}
        </p>
      ))}
    </div>
  );
}
