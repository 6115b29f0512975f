import { useMemo, useState } from 'react';
import { signedPercent } from '../../../../shared/engine';
import { formatMoney, formatPercent } from '../../../../shared/format';
import { portfolioRisk } from '../../store/commands';
import { useStore } from '../../store/store';
import { useCommand } from '../../use-command';
import { RiskCharts } from './RiskCharts';

/** Risk figures from history: volatility, beta, max drawdown, VaR and CVaR, with the window and what was left out. */
export function RiskPanel() {
  const portfolioId = useStore((s) => s.selectedPortfolioId);
  const lookThrough = useStore((s) => s.lookThrough);
  const [asOf, setAsOf] = useState('');
  const [benchmark, setBenchmark] = useState('SPY');
  // Settings apply on Compute, for the portfolio and look-through they were computed for; opening the panel or
  // changing either computes with the defaults (latest close, SPY).
  const scope = `${portfolioId}:${lookThrough}`;
  const [applied, setApplied] = useState<{ scope: string; settings: { asOf?: string; benchmark?: string } } | null>(null);
  const settings = applied?.scope === scope ? applied.settings : null;
  const request = useMemo(
    () => (portfolioId === null ? null : { portfolioId, lookThrough, ...settings }),
    [portfolioId, lookThrough, settings],
  );
  const answer = useCommand(request, portfolioRisk);
  const compute = () => {
    if (portfolioId === null) return;
    setApplied({ scope, settings: { ...(asOf ? { asOf } : {}), ...(benchmark.trim() ? { benchmark: benchmark.trim() } : {}) } });
    answer.rerun();
  };
  const risk = answer.value;
  const pct = (x: number) => formatPercent(x, 2);

  return (
    <div className="risk">
      <form
        className="card pad replay-picker"
        aria-label="Risk settings"
        onSubmit={(e) => {
          e.preventDefault();
          compute();
        }}
      >
        <label>
          As of <input type="date" aria-label="Risk as of" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <label>
          Benchmark <input aria-label="Benchmark" value={benchmark} size={8} onChange={(e) => setBenchmark(e.target.value.toUpperCase())} />
        </label>
        <button type="submit" className="primary" disabled={answer.loading}>
          {answer.loading ? 'Computing…' : 'Compute'}
        </button>
        <span className="muted small">
          Two years of daily returns up to the date (latest close when empty), today’s weights held constant.
        </span>
      </form>
      {answer.error && (
        <p className="warn small" role="alert">
          {answer.error}
        </p>
      )}
      {risk?.findings?.map((f) => (
        <p key={f.code} className="banner warn" role="status" data-testid="risk-finding">
          <strong>Check before relying on these figures:</strong> {f.sentence} <span className="muted">{f.fix}</span>
        </p>
      ))}
      {risk && (
        <>
          <div className="stats">
            <div className="card stat">
              <div className="muted small">Annualised volatility</div>
              <div className="stat-value" data-testid="risk-volatility">
                {pct(risk.volatility)}
              </div>
              <div className="muted small">
                {risk.observations} days, {risk.window.from} → {risk.window.to}
              </div>
            </div>
            <div className="card stat">
              <div className="muted small">Beta to {risk.benchmark}</div>
              <div className="stat-value">{risk.beta === null ? 'n/a' : risk.beta.toFixed(2)}</div>
            </div>
            <div className="card stat">
              <div className="muted small">Max drawdown</div>
              <div className="stat-value loss">{risk.maxDrawdown ? signedPercent(risk.maxDrawdown.change) : 'none'}</div>
              <div className="muted small">{risk.maxDrawdown ? `${risk.maxDrawdown.peak} → ${risk.maxDrawdown.trough}` : ''}</div>
            </div>
            <div className="card stat">
              <div className="muted small">History covers</div>
              <div className="stat-value">{pct(risk.coveredShare)}</div>
              <div className="muted small">
                {pct(risk.totalValue ? risk.proxied.reduce((s, p) => s + p.value, 0) / risk.totalValue : 0)} of it by a stand-in ·{' '}
                {risk.excluded.length} left out
              </div>
            </div>
          </div>
          <RiskCharts risk={risk} />
          <div className="card pad">
            <h3>Value at risk and expected shortfall (losses, share of value)</h3>
            <table className="table compact" aria-label="VaR and CVaR">
              <thead>
                <tr>
                  <th>Horizon</th>
                  <th>Confidence</th>
                  <th className="num">Historical VaR</th>
                  <th className="num">Historical CVaR</th>
                  <th className="num">Parametric VaR</th>
                  <th className="num">Parametric CVaR</th>
                  <th className="num">Historical VaR ({risk.baseCurrency})</th>
                </tr>
              </thead>
              <tbody>
                {risk.tails.map((t) => (
                  <tr key={`${t.horizonDays}-${t.level}`}>
                    <td>{t.horizonDays === 1 ? '1 day' : `${t.horizonDays} days`}</td>
                    <td>{t.level * 100}%</td>
                    <td className="num">{pct(t.historicalVar)}</td>
                    <td className="num">{pct(t.historicalCvar)}</td>
                    <td className="num">{pct(t.parametricVar)}</td>
                    <td className="num">{pct(t.parametricCvar)}</td>
                    <td className="num">{formatMoney(t.historicalVar * risk.coveredValue, risk.baseCurrency, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {risk.proxied.length > 0 && (
              <details className="small muted">
                <summary>
                  {risk.proxied.length} securities (
                  {formatMoney(
                    risk.proxied.reduce((s, p) => s + p.value, 0),
                    risk.baseCurrency,
                    0,
                  )}
                  , mostly inside funds) follow a stand-in fund for lack of their own history
                </summary>
                {risk.proxied
                  .slice(0, 40)
                  .map((p) => `${p.symbol} → ${p.proxy} (${formatMoney(p.value, risk.baseCurrency, 0)})`)
                  .join(', ')}
                {risk.proxied.length > 40 ? `, and ${risk.proxied.length - 40} smaller.` : '.'}
              </details>
            )}
            {risk.excluded.length > 0 && (
              <p className="small warn">Left out for lack of history: {risk.excluded.map((e) => e.symbol).join(', ')}.</p>
            )}
            {risk.notes.map((n) => (
              <p key={n} className="small muted">
                {n}
              </p>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
