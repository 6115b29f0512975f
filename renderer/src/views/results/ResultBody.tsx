import { useMemo, useState } from 'react';
import {
  DIMENSIONS,
  describeShock,
  positionsHitBy,
  returnText,
  type Book,
  type Dimension,
  type Scenario,
  type StressResult,
} from '../../../../shared/engine';
import { signedPercent } from '../../../../shared/format';
import { countOf, formatMoney, formatPercent } from '../../../../shared/format';
import { replayedScenario } from '../../../../shared/history/replay';
import { coverageRows, movedShare } from '../../../../shared/report/coverage';
import { ChartCard } from './ChartCard';
import { CoverageBar } from './CoverageBar';
import { CoveragePanel } from './CoveragePanel';
import { GroupChart } from './GroupChart';
import { overridesOf } from './history-model';
import { PositionsTable } from './PositionsTable';
import { ProxyEditor } from './ProxyEditor';
import { WaterfallChart } from './WaterfallChart';
import { WhyPanel } from './WhyPanel';
import { TRACK_RECORD } from '../../track-record';

export const DIMENSION_LABELS: Record<Dimension, string> = {
  sector: 'Sector',
  industry: 'Industry',
  theme: 'Theme',
  country: 'Country',
  account: 'Account',
  assetClass: 'Asset class',
  currency: 'Currency',
  symbol: 'Symbol (through funds)',
};

/** One result on screen: headline, shock chips, charts, every position and why it moved. */
export function ResultBody(props: {
  book: Book;
  scenario: Scenario;
  result: StressResult;
  dimension: Dimension;
  onDimension: (d: Dimension) => void;
  pending?: boolean;
}) {
  const { book, scenario, result, dimension } = props;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const overrides = useMemo(() => overridesOf(result), [result]);
  // A replay adds its currencies' moves as currency shocks: "why did this move" explains with the scenario the engine ran.
  const ran = useMemo(() => replayedScenario(scenario, result.history), [scenario, result]);
  const only = useMemo(() => (highlight !== null ? new Set(positionsHitBy(book, scenario, highlight)) : null), [book, scenario, highlight]);
  const selected = result.positions.find((p) => p.id === selectedId) ?? null;
  const money = (x: number, digits = 0) => formatMoney(x, result.baseCurrency, digits);
  const c = result.coverage;
  const coverageParts = coverageRows(result);
  const h = result.history;
  const isReplay = h?.mode === 'replay';
  // Enabled shocks that move nothing here: counted under the chips, not shown.
  const unreached = scenario.shocks.filter((x, i) => x.enabled && result.shockValue[i] === 0).length;

  return (
    <div className={props.pending ? 'result-body updating' : 'result-body'} aria-busy={props.pending}>
      <div className="stats">
        <div className="card stat">
          <div className="muted small">Value before → after</div>
          <div className="stat-value">
            {money(result.valueBefore)} → {money(result.valueAfter)}
          </div>
        </div>
        <div className="card stat">
          <div className="muted small">
            {result.pnl < 0 ? 'Loss' : result.pnl > 0 ? 'Gain' : 'Change'}
            {props.pending ? ' · updating…' : ''}
          </div>
          <div
            className={result.pnl < 0 ? 'stat-value loss' : result.pnl > 0 ? 'stat-value gain' : 'stat-value'}
            data-testid="headline-pnl"
          >
            {money(result.pnl)} <span className="small">({returnText(result.return, result.valueBefore)})</span>
          </div>
          {result.band && (
            <div className="muted small" data-testid="headline-band">
              band {money(result.band.low)} to {money(result.band.high)}
            </div>
          )}
        </div>
        <div className="card stat">
          <div className="muted small">{isReplay ? 'Worst fall inside the window' : 'Worst position'}</div>
          {isReplay ? (
            <>
              <div className="stat-value">{h.drawdown ? signedPercent(h.drawdown.change) : 'none'}</div>
              <div className="muted small">
                {h.drawdown ? `${h.drawdown.peak} → ${h.drawdown.trough}` : ''}
                {h.worstDay ? ` · worst day ${h.worstDay.date} ${signedPercent(h.worstDay.change)}` : ''}
              </div>
            </>
          ) : (
            <div className="stat-value">{result.worst ? `${result.worst.symbol} ${money(result.worst.pnl)}` : 'none'}</div>
          )}
        </div>
        <div className="card stat">
          <div className="muted small">Coverage</div>
          <div className="stat-value">
            {isReplay ? `${formatPercent(c.explicit.share, 1)} own history` : `${formatPercent(movedShare(c), 1)} moved`}
          </div>
          <CoverageBar rows={coverageParts} legend={false} />
          <div className="muted small" data-testid="coverage-words">
            {coverageParts.map((r) => `${formatPercent(r.share, 1)} ${r.label.toLowerCase()}`).join(' · ')}
          </div>
        </div>
      </div>

      {h && (
        <section className="card pad history-note" aria-label="How history was used">
          <strong>
            {isReplay
              ? `Replayed ${h.from} → ${h.to}`
              : h.proxies?.length
                ? `Propagated from ${h.proxies.map((p) => `${p.symbol} ${signedPercent(p.change)}`).join(', ')}`
                : 'Not propagated'}
          </strong>
          <span className="muted small"> · {isReplay ? h.method : `estimated on ${h.from} → ${h.to}: ${h.method}`}</span>
          {h.partial && (
            <div className="warn" role="alert" data-testid="replay-partial">
              {h.partial.reason}
            </div>
          )}
          {!isReplay && h.proxies?.length ? (
            <div className="small" data-testid="track-record">
              {TRACK_RECORD}
            </div>
          ) : null}
          {h.notes
            .filter((n) => n !== h.partial?.reason)
            .map((n) => (
              <div key={n} className="small muted">
                {n}
              </div>
            ))}
          {!isReplay && <ProxyEditor used={h.proxies ?? []} shocks={scenario.shocks} />}
        </section>
      )}

      {!isReplay && (
        <div className="shock-chips" aria-label="Shocks of the scenario">
          {scenario.shocks.map((shock, i) =>
            shock.enabled && (result.shockValue[i] > 0 || highlight === i) ? (
              <button
                key={i}
                type="button"
                className={highlight === i ? 'chip active' : 'chip'}
                aria-pressed={highlight === i}
                title="Show only the positions this shock moves"
                onClick={() => setHighlight(highlight === i ? null : i)}
              >
                {describeShock(shock, shock.change)}{' '}
                <span className="muted">· {formatPercent(result.valueBefore ? result.shockValue[i] / result.valueBefore : 0, 0)}</span>
              </button>
            ) : null,
          )}
          {unreached > 0 && (
            <span className="muted small">
              + {countOf(unreached, 'shock')} that {unreached === 1 ? 'reaches' : 'reach'} nothing in this portfolio
            </span>
          )}
        </div>
      )}

      <div className="chart-grid">
        <ChartCard
          title={`${isReplay ? 'P&L' : 'Loss'} by ${DIMENSION_LABELS[dimension].toLowerCase()}${result.band ? ' (bars: low–high band)' : ''}`}
          fileName={`${result.scenarioName} by ${dimension}`}
          tools={
            <select aria-label="Group by" value={dimension} onChange={(e) => props.onDimension(e.target.value as Dimension)}>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </select>
          }
        >
          <GroupChart rows={result.aggregates[dimension] ?? []} currency={result.baseCurrency} groupLabel={DIMENSION_LABELS[dimension]} />
        </ChartCard>
        <ChartCard title="Largest contributors" fileName={`${result.scenarioName} contributors`}>
          <WaterfallChart result={result} />
        </ChartCard>
      </div>

      <div className={selected ? 'results-bottom with-why' : 'results-bottom'}>
        <PositionsTable result={result} only={only} selectedId={selectedId} onSelect={setSelectedId} />
        {selected ? (
          <WhyPanel book={book} scenario={ran} position={selected} overrides={overrides} onClose={() => setSelectedId(null)} />
        ) : (
          <CoveragePanel result={result} />
        )}
      </div>
    </div>
  );
}
