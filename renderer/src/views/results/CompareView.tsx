import { portfolioLabel } from '../portfolio-groups';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { returnText, runScenario, signedPercent, type Scenario, type StressResult } from '../../../../shared/engine';
import { countOf, formatMoney } from '../../../../shared/format';
import { scenariosById, stressEach, stressPortfolios } from '../../store/commands';
import { usePick } from '../../store/store';
import { useCommand } from '../../use-command';
import { ChartCard } from './ChartCard';
import { pnlAxis } from './chart-scale';
import { axisLabel, compactMoney, GAIN, LOSS, TOOLTIP } from './chart-theme';
import { heatColor, heatRows } from './results-model';
import { useBook } from './use-stress';
import { num, TableHead } from '../../components/TableHead';

const DEFAULT_COMPARE = ['ai-capex-collapse', 'deepseek-monday-close', 'tariff-shock-april-2025'];
const NONE_LOADED: Record<string, Scenario> = {};
const replayKey = (portfolioId: number | null, lookThrough: boolean, scenarioId: string) => `${portfolioId}:${lookThrough}:${scenarioId}`;

/** Several scenarios on one portfolio (heat map and totals), and up to four portfolios under one scenario. */
export function CompareView() {
  const { book, draft } = useBook();
  const {
    scenarios,
    portfolios,
    lookThrough,
    selectedPortfolioId: portfolioId,
  } = usePick('scenarios', 'portfolios', 'lookThrough', 'selectedPortfolioId');
  const [chosen, setChosen] = useState<string[]>(DEFAULT_COMPARE);
  const [dimension, setDimension] = useState<'sector' | 'theme'>('sector');
  const [portfolioIds, setPortfolioIds] = useState<number[]>([]);

  // Each scenario is read once; ticking another reads only that one.
  const loaded =
    useCommand(chosen, async (ids, previous: Record<string, Scenario> | null) => ({
      ...previous,
      ...(await scenariosById(ids.filter((id) => !previous?.[id]))),
    })).value ?? NONE_LOADED;
  // A replay needs price history, so main computes it; the request changes only with the set of replays chosen.
  const historical = chosen.filter((id) => loaded[id]?.kind === 'historical').join('\n');
  const replayRequest = useMemo(
    () => (portfolioId === null || !historical ? null : { portfolioId, lookThrough, ids: historical.split('\n') }),
    [portfolioId, lookThrough, historical],
  );
  // Answers are kept per portfolio, look-through and scenario: each is replayed once, and stays on screen while others run.
  const replays = useCommand(replayRequest, async ({ ids, ...request }, previous: Record<string, StressResult | null> | null) => {
    const keyOf = (id: string) => replayKey(request.portfolioId, request.lookThrough, id);
    const missing = ids.filter((id) => previous?.[keyOf(id)] === undefined);
    const found = await stressEach({ ...request, by: ['sector', 'theme'] }, missing);
    return { ...previous, ...Object.fromEntries(missing.map((id) => [keyOf(id), found[id]])) };
  });
  const replayed = replays.value;

  const results = useMemo(
    () =>
      book
        ? chosen
            .map((id) => loaded[id])
            .filter(Boolean)
            .map((scenario) =>
              scenario.kind === 'historical'
                ? replayed?.[replayKey(portfolioId, lookThrough, scenario.id)]
                : runScenario(book, scenario, { by: ['sector', 'theme'], positions: false }),
            )
            .filter((r): r is StressResult => !!r)
        : [],
    [book, chosen, loaded, replayed, portfolioId, lookThrough],
  );
  const waiting = (replayRequest?.ids ?? []).filter((id) => replayed?.[replayKey(portfolioId, lookThrough, id)] === undefined).length;
  const rows = useMemo(() => heatRows(results, dimension), [results, dimension]);

  const portfolioRequest = useMemo(
    () => (draft && portfolioIds.length > 0 ? { draft, portfolioIds, lookThrough } : null),
    [draft, portfolioIds, lookThrough],
  );
  const portfolioResults = useCommand(
    portfolioRequest,
    (r) => stressPortfolios(r.draft, r.portfolioIds, { lookThrough: r.lookThrough, by: ['sector'] }),
    { errors: 'notice' },
  );

  const shownPortfolios = (portfolioResults.value ?? [])
    .filter((r) => portfolioIds.includes(r.id))
    .map((r) => ({ ...r, name: portfolios.find((p) => p.id === r.id)?.name ?? String(r.id) }));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length >= 8 ? c : [...c, id]));
  const currency = book?.baseCurrency ?? 'USD';
  const totals = results.map((r) => ({ name: r.scenarioName, pnl: r.pnl, return: r.return }));
  const stacked = results.length > 2;
  const headerChars = stacked ? 30 : 18;
  const totalsAxis = pnlAxis(Math.min(...totals.map((t) => t.pnl)), Math.max(...totals.map((t) => t.pnl)));

  return (
    <div className="compare">
      <div className="card pad">
        <h3>Scenarios to compare on this portfolio</h3>
        <p className="muted small">
          Replays of a past window move each holding by its own history; they are computed from price data and may take a moment.
        </p>
        <div className="chip-list">
          {scenarios.map((x) => (
            <label key={x.id} className={chosen.includes(x.id) ? 'chip active' : 'chip'}>
              <input type="checkbox" checked={chosen.includes(x.id)} onChange={() => toggle(x.id)} /> {x.name}
            </label>
          ))}
        </div>
      </div>
      {waiting > 0 && (
        <p className="muted small" role="status">
          Replaying {countOf(waiting, 'past window')}…
        </p>
      )}
      {results.length > 0 && (
        // Beyond two scenarios the heat map's columns need the whole width: the two cards stack.
        <div className={stacked ? 'chart-grid stacked' : 'chart-grid'}>
          <ChartCard title="Total loss per scenario" fileName="total loss per scenario">
            <ResponsiveContainer width="100%" height={Math.max(160, totals.length * 36 + 60)}>
              <BarChart data={totals} layout="vertical" margin={{ top: 4, right: 24, bottom: 20, left: 8 }}>
                <CartesianGrid horizontal={false} stroke="var(--border)" />
                <XAxis
                  type="number"
                  domain={totalsAxis.domain}
                  ticks={totalsAxis.ticks}
                  tickFormatter={(v: number) => compactMoney(v, currency)}
                  stroke="var(--muted)"
                  fontSize={11}
                  label={axisLabel(`Change in value (${currency})`, 'bottom')}
                />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={220}
                  stroke="var(--muted)"
                  fontSize={12}
                  interval={0}
                  label={axisLabel('Scenario', 'left')}
                />
                <Tooltip
                  {...TOOLTIP}
                  formatter={(v, _n, item) => [
                    `${formatMoney(Number(v), currency)} (${signedPercent((item.payload as { return: number }).return)})`,
                    'P&L',
                  ]}
                />
                <Bar dataKey="pnl" isAnimationActive={false}>
                  {totals.map((t) => (
                    <Cell key={t.name} fill={t.pnl < 0 ? LOSS : GAIN} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>
          <section className="card pad heat" aria-label="Heat map">
            <header className="chart-header">
              <h3>Return by {dimension}, per scenario</h3>
              <select aria-label="Heat map rows" value={dimension} onChange={(e) => setDimension(e.target.value as 'sector' | 'theme')}>
                <option value="sector">Sector</option>
                <option value="theme">Theme</option>
              </select>
            </header>
            <div className="heat-scroll">
              <table className="table compact heat-table">
                <thead>
                  <tr>
                    <th />
                    {results.map((r) => (
                      <th key={r.scenarioId} className="num" title={r.scenarioName}>
                        {r.scenarioName.length > headerChars ? `${r.scenarioName.slice(0, headerChars - 1)}…` : r.scenarioName}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <td>{row.key}</td>
                      {row.cells.map((cell, i) => (
                        <td
                          key={i}
                          className="num heat-cell"
                          style={{ background: cell && cell.return !== null ? heatColor(cell.return) : undefined }}
                          title={cell ? `${formatMoney(cell.pnl, currency)} of ${formatMoney(cell.value, currency, 0)}` : 'no exposure'}
                        >
                          {cell ? signedPercent(cell.return) : '—'}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      )}
      <div className="card pad">
        <h3>Portfolios under “{draft?.name ?? '…'}” (up to four)</h3>
        <div className="chip-list">
          {portfolios.map((p) => (
            <label key={p.id} className={portfolioIds.includes(p.id) ? 'chip active' : 'chip'}>
              <input
                type="checkbox"
                checked={portfolioIds.includes(p.id)}
                disabled={!portfolioIds.includes(p.id) && portfolioIds.length >= 4}
                onChange={() => setPortfolioIds((ids) => (ids.includes(p.id) ? ids.filter((x) => x !== p.id) : [...ids, p.id]))}
              />{' '}
              {portfolioLabel(p)}
            </label>
          ))}
        </div>
        {shownPortfolios.length > 0 && (
          <table className="table compact">
            <TableHead columns={['Portfolio', num('Value'), num('P&L'), num('Return'), 'Worst position']} />
            <tbody>
              {shownPortfolios.map(({ id, name, result }) => (
                <tr key={id}>
                  <td>{name}</td>
                  <td className="num">{formatMoney(result.valueBefore, result.baseCurrency, 0)}</td>
                  <td className={result.pnl < 0 ? 'num loss' : 'num'}>{formatMoney(result.pnl, result.baseCurrency, 0)}</td>
                  <td className="num">{returnText(result.return, result.valueBefore)}</td>
                  <td>{result.worst ? `${result.worst.symbol} ${formatMoney(result.worst.pnl, result.baseCurrency, 0)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
