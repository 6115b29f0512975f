import type { Scenario, StressResult } from '../../../shared/engine';
import { returnText } from '../../../shared/engine';
import { signedPercent } from '../../../shared/format';
import { formatMoney } from '../../../shared/format';
import { coverageRows } from '../../../shared/report/coverage';
import { CoverageBar } from './results/CoverageBar';

/** The live result of the scenario being edited: totals, coverage, the largest moves and the sectors. */
export function WhatIfPreview({ result, scenario }: { result: StressResult; scenario?: Scenario }) {
  const idleRates = scenario?.shocks.some((s, i) => s.enabled && s.target === 'rates' && result.shockValue[i] === 0);
  const money = (x: number, digits = 0) => formatMoney(x, result.baseCurrency, digits);
  const movers = [...result.positions]
    .filter((p) => p.pnl !== 0)
    .sort((a, b) => Math.abs(b.pnl) - Math.abs(a.pnl))
    .slice(0, 6);
  // Sectors this scenario moves; the ones it leaves at $0 would only push the moved ones down.
  const sectors = (result.aggregates.sector ?? []).filter((r) => r.pnl !== 0).slice(0, 8);
  return (
    <aside className="card preview" aria-label="Live result" aria-live="polite">
      <div className="preview-headline">
        <div>
          <div className="muted small">Value before → after</div>
          <div className="preview-values" data-testid="preview-values">
            {money(result.valueBefore)} → {money(result.valueAfter)}
          </div>
        </div>
        <div className={result.pnl < 0 ? 'loss big' : result.pnl > 0 ? 'gain big' : 'big'} data-testid="preview-pnl">
          {money(result.pnl)} <span className="small">({returnText(result.return, result.valueBefore)})</span>
        </div>
      </div>
      <div className="coverage">
        <CoverageBar rows={coverageRows(result)} />
      </div>
      {idleRates && (
        <p className="small warn">
          No holding here has a known duration, so the rate shock moves nothing: enter your bond funds’ durations in Holdings ›
          classification.
        </p>
      )}
      {result.issues.map((issue) => (
        <p key={issue.kind} className="small warn">
          {issue.message}
        </p>
      ))}
      <div className="preview-details">
        <h3>Largest moves</h3>
        {movers.length === 0 && <p className="small muted">Nothing in this portfolio moves under this scenario.</p>}
        <table className="table compact">
          <tbody>
            {movers.map((p) => (
              <tr key={p.id} title={p.applied}>
                <td className="symbol">{p.symbol}</td>
                <td className="num">{money(p.pnl)}</td>
                <td className="num muted">{signedPercent(p.return)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>By sector{result.lookThrough ? ', through funds' : ''}</h3>
        <table className="table compact">
          <tbody>
            {sectors.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td>
                <td className="num">{money(r.pnl)}</td>
                <td className="num muted">{signedPercent(r.return)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
