import { useMemo, useState } from 'react';
import { DIMENSIONS, positionsHitBy, signedPercent, type Dimension } from '../../../../shared/engine';
import { describeShock } from '../../../../shared/engine';
import { formatMoney, formatPercent } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useStore } from '../../store/store';
import { ChartCard } from './ChartCard';
import { CompareView } from './CompareView';
import { CoveragePanel } from './CoveragePanel';
import { resultCsv, safeFileName, saveFile } from './export';
import { GroupChart } from './GroupChart';
import { PositionsTable } from './PositionsTable';
import { useStress } from './use-stress';
import { WaterfallChart } from './WaterfallChart';
import { WhyPanel } from './WhyPanel';

const DIMENSION_LABELS: Record<Dimension, string> = {
  sector: 'Sector', industry: 'Industry', theme: 'Theme', country: 'Country', account: 'Account', assetClass: 'Asset class', currency: 'Currency', symbol: 'Symbol (through funds)',
};

/** One portfolio under one scenario: headline, charts, every position and why it moved; or a comparison. */
export function ResultsView() {
  const { book, draft, result, snapshot } = useStress();
  const s = useStore();
  const [tab, setTab] = useState<'result' | 'compare'>('result');
  const [dimension, setDimension] = useState<Dimension>('sector');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const only = useMemo(() => (book && draft && highlight !== null ? new Set(positionsHitBy(book, draft, highlight)) : null), [book, draft, highlight]);
  const selected = result?.positions.find((p) => p.id === selectedId) ?? null;

  if (s.portfoliosLoaded && s.portfolios.length === 0) {
    return (
      <section className="view">
        <h1>Results</h1>
        <EmptyState title="No portfolio to stress" body="Create a portfolio and add holdings first." action={{ label: 'Go to portfolios', run: () => s.setView('portfolios') }} />
      </section>
    );
  }
  const money = (x: number, digits = 0) => formatMoney(x, result?.baseCurrency ?? 'USD', digits);

  return (
    <section className="view wide">
      <header className="view-header">
        <div>
          <h1>Results</h1>
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'result'} className={tab === 'result' ? 'tab active' : 'tab'} onClick={() => setTab('result')}>
              One scenario
            </button>
            <button type="button" role="tab" aria-selected={tab === 'compare'} className={tab === 'compare' ? 'tab active' : 'tab'} onClick={() => setTab('compare')}>
              Compare
            </button>
          </div>
        </div>
        <div className="toolbar">
          <select aria-label="Scenario" value={draft?.id ?? ''} onChange={(e) => void s.selectScenario(e.target.value)}>
            {s.draftDirty && draft && <option value={draft.id}>{draft.name} (edited)</option>}
            {s.scenarios.filter((x) => !(s.draftDirty && x.id === draft?.id)).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <select aria-label="Portfolio" value={s.selectedPortfolioId ?? ''} onChange={(e) => s.selectPortfolio(Number(e.target.value))}>
            {s.portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {p.clientName} — {p.name}
              </option>
            ))}
          </select>
          <label className="toggle">
            <input type="checkbox" checked={s.lookThrough} onChange={(e) => s.setLookThrough(e.target.checked)} /> Look through funds
          </label>
          {result && tab === 'result' && (
            <button type="button" onClick={() => saveFile(`${safeFileName(snapshot?.portfolio.name ?? 'portfolio', result.scenarioName)}.csv`, new Blob([resultCsv(result, dimension)], { type: 'text/csv' }))}>
              Export CSV
            </button>
          )}
        </div>
      </header>

      {tab === 'compare' && <CompareView />}
      {tab === 'result' && !result && <p className="muted">Loading…</p>}
      {tab === 'result' && result && book && draft && (
        <>
          <div className="stats">
            <div className="card stat">
              <div className="muted small">Value before → after</div>
              <div className="stat-value">
                {money(result.valueBefore)} → {money(result.valueAfter)}
              </div>
            </div>
            <div className="card stat">
              <div className="muted small">{result.pnl < 0 ? 'Loss' : result.pnl > 0 ? 'Gain' : 'Change'}</div>
              <div className={result.pnl < 0 ? 'stat-value loss' : result.pnl > 0 ? 'stat-value gain' : 'stat-value'} data-testid="headline-pnl">
                {money(result.pnl)} <span className="small">({signedPercent(result.return)})</span>
              </div>
            </div>
            <div className="card stat">
              <div className="muted small">Worst position</div>
              <div className="stat-value">{result.worst ? `${result.worst.symbol} ${money(result.worst.pnl)}` : 'none'}</div>
            </div>
            <div className="card stat">
              <div className="muted small">Coverage</div>
              <div className="stat-value">{formatPercent(result.coverage.explicit.share + result.coverage.market.share, 1)} shocked</div>
              <div className="muted small">{formatPercent(result.coverage.explicit.share, 1)} explicitly</div>
            </div>
          </div>

          <div className="shock-chips" aria-label="Shocks of the scenario">
            {draft.shocks.map((shock, i) =>
              shock.enabled && (result.shockValue[i] > 0 || highlight === i) ? (
                <button
                  key={i}
                  type="button"
                  className={highlight === i ? 'chip active' : 'chip'}
                  aria-pressed={highlight === i}
                  title="Show only the positions this shock moves"
                  onClick={() => setHighlight(highlight === i ? null : i)}
                >
                  {describeShock(shock, shock.change)} <span className="muted">· {formatPercent(result.valueBefore ? result.shockValue[i] / result.valueBefore : 0, 0)}</span>
                </button>
              ) : null,
            )}
            {draft.shocks.some((x, i) => x.enabled && result.shockValue[i] === 0) && (
              <span className="muted small">+ {draft.shocks.filter((x, i) => x.enabled && result.shockValue[i] === 0).length} shocks that reach nothing in this portfolio</span>
            )}
          </div>

          <div className="chart-grid">
            <ChartCard
              title={`Loss by ${DIMENSION_LABELS[dimension].toLowerCase()}`}
              fileName={`${result.scenarioName} by ${dimension}`}
              tools={
                <select aria-label="Group by" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
                  {DIMENSIONS.map((d) => (
                    <option key={d} value={d}>
                      {DIMENSION_LABELS[d]}
                    </option>
                  ))}
                </select>
              }
            >
              <GroupChart rows={result.aggregates[dimension] ?? []} currency={result.baseCurrency} />
            </ChartCard>
            <ChartCard title="Largest contributors" fileName={`${result.scenarioName} contributors`}>
              <WaterfallChart result={result} />
            </ChartCard>
          </div>

          <div className={selected ? 'results-bottom with-why' : 'results-bottom'}>
            <PositionsTable result={result} only={only} selectedId={selectedId} onSelect={setSelectedId} />
            {selected ? <WhyPanel book={book} scenario={draft} position={selected} onClose={() => setSelectedId(null)} /> : <CoveragePanel result={result} />}
          </div>
        </>
      )}
    </section>
  );
}
