import { useEffect, useMemo, useRef, useState } from 'react';
import { signedPercent } from '../../../../shared/format';
import { returnText } from '../../../../shared/engine/run';
import type { RowHealth } from '../../../../shared/firm/health';
import { spanText } from '../../../../shared/health';
import { verdictLabel } from '../health-display';
import { compareRuns } from '../../../../shared/firm/compare';
import { countOf, formatMoney, formatPercent } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useTableWindow, WindowBody } from '../../components/TableWindow';
import { usePick, useStore } from '../../store/store';
import { ChartCard } from '../results/ChartCard';
import { SortableHeaders } from '../../components/SortButton';
import { allTags, changesById, nextSort, rankingLineKey, rankingLines, rankingRows, runName, type Sort, type SortKey } from './firm-table';
import type { FirmRunSummary } from '../../../../shared/firm/runs';
import type { FirmTotal } from '../../../../shared/firm/ranking';
import { BatchReports } from './BatchReports';
import { LossChart } from './LossChart';
import { ScenarioPicker } from './ScenarioPicker';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'rank', label: '#', numeric: true },
  { key: 'client', label: 'Client', numeric: false },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'pnl', label: 'Loss', numeric: true },
  { key: 'return', label: 'Loss %', numeric: true },
  { key: 'worst', label: 'Worst scenario', numeric: false },
  { key: 'coverage', label: 'Shocked', numeric: true },
];
const ROW_HEIGHT = 39;

/** The ranking's data-health cell: "Needs review" or "Blocked" with the findings as its tooltip. */
function DataCell(props: { health: RowHealth | undefined }) {
  const h = props.health;
  return (
    <td className={`data-verdict ${h?.verdict ?? ''}`} title={h?.sentences.join('\n') || undefined} data-testid="data-verdict">
      {verdictLabel(h?.verdict)}
    </td>
  );
}

/** The firm's worst case in its reporting currency, beside the per-currency cards, with the rates it was converted at. */
function FirmTotalCard({ total }: { total: FirmTotal }) {
  return (
    <div className="card stat" data-testid="firm-total">
      <div className="muted small">
        Firm worst case, {countOf(total.clients, 'client')}, in {total.currency}
      </div>
      <div className="stat-value loss">{formatMoney(total.pnl, total.currency, 0)}</div>
      <div className="muted small">
        of {formatMoney(total.value, total.currency, 0)} ({signedPercent(total.value ? total.pnl / total.value : 0)}) · at the run’s rates{' '}
        {total.rates.map((r) => `${r.currency} ${r.rate.toFixed(4)}`).join(', ')}
      </div>
      {total.missing.map((m) => (
        <div key={m.currency} className="warn small">
          {countOf(m.clients, 'client')} in {m.currency} left out: no rate to {total.currency}.
        </div>
      ))}
    </div>
  );
}

/** Firm-wide stress: run scenarios across every client, rank them by loss, chart the spread, open any client. */
export function FirmView() {
  const { firmRun, firmBaseline, firmStatus, firmRuns, clientOverview, scenarios } = usePick(
    'firmRun',
    'firmBaseline',
    'firmStatus',
    'firmRuns',
    'clientOverview',
    'scenarios',
  );
  const s = usePick('cancelFirmRun', 'deleteFirmRun', 'openClientResults', 'openFirmRun', 'setFirmBaseline', 'startFirmRun');
  const [chosen, setPicked] = useState<string[] | null>(null);
  // The open run's scenarios until the user picks others; two hypothetical ones before any run.
  const picked =
    chosen ??
    firmRun?.scenarioIds ??
    scenarios
      .filter((x) => x.kind !== 'historical')
      .slice(0, 2)
      .map((x) => x.id);
  const [runTag, setRunTag] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'rank', descending: false });
  const [openId, setOpenId] = useState<number | null>(null);
  // On entering the view: the saved runs (the latest opened when none is), the clients and (when not yet known) the
  // scenarios.
  useEffect(() => {
    const store = useStore.getState();
    void store.loadFirmRuns().then(() => {
      const { firmRun: open, firmRuns: runs, openFirmRun } = useStore.getState();
      if (!open && runs.length > 0) void openFirmRun(runs[0].id);
    });
    void store.loadClientOverview();
    if (store.scenarios.length === 0) void store.loadScenarios();
  }, []);
  const nameOfRun = useMemo(() => {
    const names = new Map(scenarios.map((x) => [x.id, x.name]));
    return (run: FirmRunSummary) => runName(run, (id) => names.get(id) ?? id);
  }, [scenarios]);
  const scenarioName = useMemo(() => {
    const names = new Map(firmRun?.ranking.scenarios.map((x) => [x.id, x.name]) ?? []);
    return (id: string | null) => (id ? (names.get(id) ?? id) : 'nothing held');
  }, [firmRun]);
  // Scrolling re-renders the view: filter, sort and compare once per change, not per frame.
  const rows = useMemo(
    () => (firmRun ? rankingRows(firmRun.ranking.clients, { query, tag, sort, scenarioName }) : []),
    [firmRun, query, tag, sort, scenarioName],
  );
  const lines = useMemo(() => rankingLines(rows, openId), [rows, openId]);
  const changes = useMemo(
    () => changesById(firmRun && firmBaseline ? compareRuns(firmBaseline.ranking, firmRun.ranking) : null),
    [firmRun, firmBaseline],
  );
  const runTags = useMemo(() => allTags(firmRun?.ranking.clients ?? []), [firmRun]);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useTableWindow(lines, { scroller, rowHeight: ROW_HEIGHT, keyOf: rankingLineKey });
  const running = firmStatus?.state === 'running';
  const tags = useMemo(() => allTags(clientOverview), [clientOverview]);

  return (
    <section className="view wide">
      <header className="view-header">
        <div>
          <h1>Firm-wide stress</h1>
          <p className="lead">Run scenarios across every client at once and see who is hit hardest.</p>
        </div>
        {firmRuns.length > 0 && (
          <div className="toolbar">
            <select
              aria-label="Saved run"
              title={firmRun ? `${nameOfRun(firmRun)} · ${countOf(firmRun.clientCount, 'client')}` : undefined}
              value={firmRun?.id ?? ''}
              onChange={(e) => void s.openFirmRun(Number(e.target.value))}
            >
              {!firmRun && <option value="">Open a saved run…</option>}
              {firmRuns.map((r) => (
                <option key={r.id} value={r.id}>
                  {nameOfRun(r)} · {countOf(r.clientCount, 'client')}
                </option>
              ))}
            </select>
            {firmRun && (
              <button type="button" title="Delete this saved run (you can undo it)" onClick={() => void s.deleteFirmRun(firmRun.id)}>
                Delete run
              </button>
            )}
            {firmRun && (
              <select
                aria-label="Compare with"
                title={firmBaseline ? `vs ${nameOfRun(firmBaseline)}` : undefined}
                value={firmBaseline?.id ?? ''}
                onChange={(e) => void s.setFirmBaseline(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">Compare with… (none)</option>
                {firmRuns
                  .filter((r) => r.id !== firmRun.id)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      vs {nameOfRun(r)}
                    </option>
                  ))}
              </select>
            )}
          </div>
        )}
      </header>

      <article className="card">
        <div className="pad firm-controls">
          <ScenarioPicker scenarios={scenarios} picked={picked} onChange={setPicked} max={20} />
          <div className="firm-run">
            <label>
              Clients{' '}
              <select aria-label="Clients to stress" value={runTag} onChange={(e) => setRunTag(e.target.value)}>
                <option value="">All clients</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    Tagged {t}
                  </option>
                ))}
              </select>
            </label>
            {running ? (
              <button type="button" onClick={() => void s.cancelFirmRun()}>
                Cancel
              </button>
            ) : (
              <button type="button" className="primary" disabled={picked.length === 0} onClick={() => void s.startFirmRun(picked, runTag)}>
                Stress {runTag ? `clients tagged ${runTag}` : 'all clients'}
              </button>
            )}
          </div>
          {firmStatus && firmStatus.state !== 'idle' && (
            <div className="firm-progress" role="status">
              {running && <progress max={firmStatus.total} value={firmStatus.done} aria-label="Progress" />}
              <span className="muted small">{firmStatus.message}</span>
            </div>
          )}
        </div>
      </article>

      {!firmRun && !running && firmRuns.length === 0 && (
        <EmptyState
          title="No firm-wide run open"
          body="Choose scenarios and stress all clients; each run is saved with its date so you can compare it with another day."
        />
      )}

      {firmRun && (
        <>
          <div className="stats">
            <div className="card stat">
              <div className="muted small">Run of {firmRun.runDate}</div>
              <div className="stat-value">{countOf(firmRun.clientCount, 'client')}</div>
              <div className="muted small">{firmRun.ranking.scenarios.map((x) => x.name).join(', ')}</div>
              {firmRun.ranking.asOf && (
                <div className="muted small" data-testid="ranking-dates">
                  Prices as of {spanText(firmRun.ranking.asOf.prices)} · fund holdings as of{' '}
                  {spanText(firmRun.ranking.asOf.fundHoldings, 'none used')}
                </div>
              )}
            </div>
            {firmRun.ranking.firmTotal && firmRun.ranking.totals.length > 1 && <FirmTotalCard total={firmRun.ranking.firmTotal} />}
            {firmRun.ranking.totals.map((t) => (
              <div key={t.currency} className="card stat">
                <div className="muted small">
                  Worst case, {countOf(t.clients, 'client')} in {t.currency}
                </div>
                <div className="stat-value loss">{formatMoney(t.pnl, t.currency, 0)}</div>
                <div className="muted small">
                  of {formatMoney(t.value, t.currency, 0)} ({signedPercent(t.value ? t.pnl / t.value : 0)})
                </div>
              </div>
            ))}
          </div>
          <BatchReports runId={firmRun.id} clients={firmRun.ranking.clients} />
          <ChartCard title="Loss distribution (clients per worst-case loss)" fileName={`firm-losses-${firmRun.runDate}`}>
            <LossChart clients={firmRun.ranking.clients} />
          </ChartCard>
          <article className="card">
            <div className="card-toolbar">
              <input
                className="search"
                type="search"
                aria-label="Filter clients"
                placeholder="Filter by client name"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <select aria-label="Filter by tag" value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">All tags</option>
                {runTags.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
              <span className="muted small">{countOf(rows.length, 'client')} shown</span>
            </div>
            <div ref={scroller} className={table.isVirtual ? 'table-scroll' : undefined} data-testid="ranking-scroll">
              <table className="table ranking" aria-label="Client ranking" aria-rowcount={lines.length + 1}>
                <thead>
                  <tr aria-rowindex={1}>
                    <SortableHeaders columns={COLUMNS} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
                    <th title="Data health: blocking findings make the numbers wrong; warnings make them doubtful">Data</th>
                    {firmBaseline && <th className="num">vs {firmBaseline.runDate}</th>}
                    <th aria-label="Actions" />
                  </tr>
                </thead>
                <WindowBody table={table}>
                  {table.shown.map(({ row: line, index }) => {
                    const c = line.client;
                    const money = (x: number) => formatMoney(x, c.baseCurrency, 0);
                    const key = rankingLineKey(line);
                    const rowProps = table.rowProps(index);
                    if (line.kind === 'portfolio') {
                      const p = line.portfolio;
                      return (
                        <tr key={key} {...rowProps} className="sub-row">
                          <td />
                          <td>↳ {p.portfolioName}</td>
                          <td className="num">{money(p.value)}</td>
                          <td className="num loss">{money(p.pnl)}</td>
                          <td className="num loss">{returnText(p.return, p.value)}</td>
                          <td>{scenarioName(p.worstScenarioId)}</td>
                          <td className="num">{formatPercent(p.coverage, 0)}</td>
                          <DataCell health={p.health} />
                          {firmBaseline && <td />}
                          <td className="row-actions">
                            <button
                              type="button"
                              className="link"
                              onClick={() => void s.openClientResults(p.portfolioId, p.worstScenarioId)}
                            >
                              Open
                            </button>
                          </td>
                        </tr>
                      );
                    }
                    if (line.kind === 'issues') {
                      return (
                        <tr key={key} {...rowProps} className="sub-row">
                          <td />
                          <td colSpan={firmBaseline ? 9 : 8} className="muted small">
                            {[...(c.health?.sentences ?? []), ...c.issues].join(' ')}
                          </td>
                        </tr>
                      );
                    }
                    const change = changes.get(c.clientId);
                    const worstPortfolio = c.portfolios[0];
                    return (
                      <tr key={key} {...rowProps} data-testid="ranking-row">
                        <td className="num">{c.error ? '—' : c.rank}</td>
                        <td>
                          <button
                            type="button"
                            className="link strong"
                            aria-expanded={openId === c.clientId}
                            onClick={() => setOpenId(openId === c.clientId ? null : c.clientId)}
                          >
                            {c.clientName}
                          </button>
                          {c.tags.length > 0 && <span className="muted small"> · {c.tags.join(', ')}</span>}
                        </td>
                        {c.error ? (
                          <td colSpan={6} className="danger-text">
                            {c.error}
                          </td>
                        ) : (
                          <>
                            <td className="num">{money(c.value)}</td>
                            <td className={c.pnl < 0 ? 'num loss' : 'num'}>{money(c.pnl)}</td>
                            <td className={c.pnl < 0 ? 'num loss' : 'num'}>{returnText(c.return, c.value, 'client')}</td>
                            <td>{scenarioName(c.worstScenarioId)}</td>
                            <td className="num" title="Share of value the worst scenario shocks; the rest is not moved">
                              {formatPercent(c.coverage, 0)}
                            </td>
                            <DataCell health={c.health} />
                          </>
                        )}
                        {firmBaseline && (
                          <td className="num small">
                            {change?.pnlChange == null ? 'new' : `${money(change.pnlChange)} (${signedPercent(change.returnChange ?? 0)})`}
                          </td>
                        )}
                        <td className="row-actions">
                          {worstPortfolio && (
                            <button
                              type="button"
                              className="link"
                              onClick={() => void s.openClientResults(worstPortfolio.portfolioId, worstPortfolio.worstScenarioId)}
                            >
                              Open
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </WindowBody>
              </table>
            </div>
          </article>
        </>
      )}
    </section>
  );
}
