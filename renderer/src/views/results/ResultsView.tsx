import { useEffect, useMemo, useState } from 'react';
import { scenarioFindings, scenarioHealthOf, spanText } from '../../../../shared/health';
import { HealthBanner } from '../HealthPanel';
import type { Dimension } from '../../../../shared/engine';
import { EmptyView } from '../../components/EmptyState';
import { usePick, useStore } from '../../store/store';
import { CompareView } from './CompareView';
import { resultCsv, safeFileName, saveFile } from './export';
import { ReplayView } from './ReplayView';
import { ResultBody } from './ResultBody';
import { RiskPanel } from './RiskPanel';
import { useStress } from './use-stress';
import { PortfolioPicker } from '../../components/PortfolioPicker';

const TABS = [
  ['result', 'One scenario'],
  ['replay', 'Replay'],
  ['risk', 'Risk'],
  ['compare', 'Compare'],
] as const;
type Tab = (typeof TABS)[number][0];

/** One portfolio under one scenario (optionally propagated), a replayed window, its risk figures, or a comparison. */
export function ResultsView() {
  const { book, draft, result, snapshot, pending, historyError } = useStress();
  const { draftDirty, lookThrough, portfolios, portfoliosLoaded, propagate, scenarios, selectedPortfolioId } = usePick(
    'draftDirty',
    'lookThrough',
    'portfolios',
    'portfoliosLoaded',
    'propagate',
    'scenarios',
    'selectedPortfolioId',
  );
  const s = usePick('selectPortfolio', 'selectScenario', 'setLookThrough', 'setPropagate', 'setView', 'openImport');
  const [tab, setTab] = useState<Tab>('result');
  const [dimension, setDimension] = useState<Dimension>('sector');
  const health = useStore((state) => state.health);
  const loadHealth = useStore((state) => state.loadHealth);
  useEffect(() => {
    void loadHealth();
  }, [selectedPortfolioId, loadHealth]);
  // The portfolio's findings come from main; this scenario's (reach, a cut replay window, its date) from the live result.
  const scenarioInput = useMemo(() => (draft && result ? scenarioHealthOf(draft, result, book ?? undefined) : null), [draft, result, book]);
  const scenarioHealth = useMemo(
    () => (health && scenarioInput ? scenarioFindings(scenarioInput, health.asOf.prices, health.staleDays) : []),
    [health, scenarioInput],
  );

  if (portfoliosLoaded && portfolios.length === 0) {
    return (
      <EmptyView
        view="Results"
        title="No portfolio to stress"
        body="Import your holdings from a broker’s CSV export, or create a portfolio and type them in; then stress them here."
        action={{ label: 'Import from your broker…', run: s.openImport }}
        more={[{ label: 'Go to portfolios', run: () => s.setView('portfolios') }]}
      />
    );
  }
  const isHistorical = draft?.kind === 'historical';

  return (
    <section className="view wide">
      <header className="view-header">
        <div>
          <h1>Results</h1>
          <div className="tabs" role="tablist">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={tab === id ? 'tab active' : 'tab'}
                onClick={() => setTab(id)}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
        <div className="toolbar">
          {tab === 'result' && (
            <select
              aria-label="Scenario"
              title={draft?.name}
              value={draft?.id ?? ''}
              onChange={(e) => void s.selectScenario(e.target.value)}
            >
              {draftDirty && draft && <option value={draft.id}>{draft.name} (edited)</option>}
              {scenarios
                .filter((x) => !(draftDirty && x.id === draft?.id))
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
            </select>
          )}
          <PortfolioPicker portfolios={portfolios} value={selectedPortfolioId} onChange={s.selectPortfolio} />
          <label className="toggle">
            <input type="checkbox" checked={lookThrough} onChange={(e) => s.setLookThrough(e.target.checked)} /> Look through funds
          </label>
          {tab === 'result' && (
            <label
              className="toggle"
              title={
                isHistorical
                  ? 'A replay already moves every holding by its own history.'
                  : 'Move holdings no shock names by their estimated sensitivities to the shocked groups (from price history).'
              }
            >
              <input
                type="checkbox"
                aria-label="Propagate to unshocked holdings"
                checked={propagate && !isHistorical}
                disabled={isHistorical}
                onChange={(e) => s.setPropagate(e.target.checked)}
              />{' '}
              Propagate
            </label>
          )}
          {result && tab === 'result' && (
            <button
              type="button"
              onClick={() =>
                saveFile(
                  `${safeFileName(snapshot?.portfolio.name ?? 'portfolio', result.scenarioName)}.csv`,
                  new Blob([resultCsv(result, dimension)], { type: 'text/csv' }),
                )
              }
            >
              Export CSV
            </button>
          )}
        </div>
      </header>

      {tab === 'compare' && <CompareView />}
      {tab === 'replay' && <ReplayView />}
      {tab === 'risk' && <RiskPanel />}
      {tab === 'result' && result && health && <HealthBanner health={health} extra={scenarioHealth} />}
      {tab === 'result' && result && health && (
        <p className="muted small data-dates" data-testid="result-dates">
          Prices as of {spanText(health.asOf.prices)} · fund holdings as of {spanText(health.asOf.fundHoldings, 'none used')}
          {scenarioInput?.asOf ? ` · scenario as of ${scenarioInput.asOf}` : ''}
        </p>
      )}
      {tab === 'result' && historyError && (
        <p className="warn small" role="alert">
          {historyError}
        </p>
      )}
      {tab === 'result' && !result && !historyError && <p className="muted">{pending ? 'Computing from price history…' : 'Loading…'}</p>}
      {tab === 'result' && result && book && draft && (
        <ResultBody book={book} scenario={draft} result={result} dimension={dimension} onDimension={setDimension} pending={pending} />
      )}
    </section>
  );
}
