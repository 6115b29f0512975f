import type { Book } from '../engine/book';
import { signedPercent, type Provenance } from '../engine/match';
import { runScenario, type Dimension, type HistoryUse, type StressResult } from '../engine/run';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../engine/scenario';
import { standInsFor, type ProxyConfig } from './proxies';
import { indexAtOrBefore, windowReturn, type PriceHistory, type PriceSeries } from './series';

/** The last date on or before `to` that any of the series trades: the replay's closing day. */
function lastTradingDay(history: PriceHistory, to: string): string {
  let last = '';
  for (const series of history.values()) {
    const i = indexAtOrBefore(series, to);
    if (i >= 0 && series.dates[i] > last) last = series.dates[i];
  }
  return last;
}

/** A historical scenario for a window, as the replay picker and CLI make it. */
export function replayScenario(from: string, to: string, name = `Replay ${from} → ${to}`, id = `replay-${from}-${to}`): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id,
    name,
    description: `What the window ${from} → ${to} did to each holding, applied to today's holdings.`,
    kind: 'historical',
    tags: ['replay'],
    shocks: [],
    event: { window: { from, to }, basis: { timing: 'window', returns: 'total' }, sources: [{ title: 'Bundled and downloaded daily adjusted closes' }] },
  };
}

/** Base-currency value exposed to each security (direct holdings, fund constituents, funds' unlisted rest). */
export function exposures(book: Book): Map<string, { value: number; key: Book['keys'][number] }> {
  const out = new Map<string, { value: number; key: Book['keys'][number] }>();
  const add = (key: Book['keys'][number], value: number) => {
    const hit = out.get(key.match.symbol);
    if (hit) hit.value += value;
    else out.set(key.match.symbol, { value, key });
  };
  for (const g of book.groups) {
    if (!g.fund) {
      add(g.key, g.value);
      continue;
    }
    for (const c of g.fund.constituents) add(c.key, g.value * c.weight);
    if (g.fund.residualWeight > 0) add(g.key, g.value * g.fund.residualWeight);
  }
  return out;
}

/** Each security's move over the window: its own total return, a stand-in's, or "not tested". */
export function replayMoves(book: Book, history: PriceHistory, config: ProxyConfig, from: string, to: string): { overrides: Map<string, Provenance>; seriesOf: Map<string, PriceSeries>; end: string } {
  const end = lastTradingDay(history, to);
  const overrides = new Map<string, Provenance>();
  const seriesOf = new Map<string, PriceSeries>();
  for (const key of book.keys) {
    if (key.assetClass === 'cash' || overrides.has(key.match.symbol)) continue;
    const own = history.get(key.match.symbol);
    const ownMove = windowReturn(own, from, to, end);
    if (ownMove) {
      seriesOf.set(key.match.symbol, own!);
      overrides.set(key.match.symbol, { kind: 'explicit', level: null, shockIndex: null, change: ownMove.change, reason: `Own total return ${ownMove.first} → ${ownMove.last}: ${signedPercent(ownMove.change)}` });
      continue;
    }
    const standIn = standInsFor(key, config)
      .map((p) => ({ ...p, series: history.get(p.symbol.toUpperCase()) }))
      .map((p) => ({ ...p, move: windowReturn(p.series, from, to, end) }))
      .find((p) => p.move !== null);
    if (standIn) {
      seriesOf.set(key.match.symbol, standIn.series!);
      const why = own ? `its history covers ${own.dates[0]} → ${own.dates[own.dates.length - 1]} only` : 'no price history of its own';
      overrides.set(key.match.symbol, { kind: 'proxy', level: null, shockIndex: null, change: standIn.move!.change, reason: `Proxy: ${why}, moved as ${standIn.symbol} (${standIn.why}) ${signedPercent(standIn.move!.change)}` });
    } else {
      overrides.set(key.match.symbol, { kind: 'none', level: null, shockIndex: null, change: 0, reason: 'Not tested: no price history for it or a stand-in over the window.' });
    }
  }
  return { overrides, seriesOf, end };
}

/** Peak-to-trough fall and worst day of a value path (dates[0] is the base). */
export function pathStats(dates: readonly string[], values: readonly number[]): { drawdown: HistoryUse['drawdown']; worstDay: HistoryUse['worstDay'] } {
  let peak = 0;
  let drawdown: HistoryUse['drawdown'] = null;
  let worstDay: HistoryUse['worstDay'] = null;
  for (let t = 0; t < values.length; t++) {
    if (values[t] > values[peak]) peak = t;
    const fall = values[peak] === 0 ? 0 : values[t] / values[peak] - 1;
    if (fall < 0 && (!drawdown || fall < drawdown.change)) drawdown = { change: fall, peak: dates[peak], trough: dates[t] };
    if (t > 0 && values[t - 1] !== 0) {
      const day = values[t] / values[t - 1] - 1;
      if (!worstDay || day < worstDay.change) worstDay = { date: dates[t], change: day };
    }
  }
  return { drawdown, worstDay };
}

/** The portfolio's value day by day inside the window, each security following its (own or stand-in) closes. */
function valuePath(book: Book, seriesOf: Map<string, PriceSeries>, from: string, end: string): { dates: string[]; values: number[] } {
  const bySeries = new Map<PriceSeries, number>();
  let flat = 0;
  let exposed = 0;
  for (const [symbol, e] of exposures(book)) {
    exposed += e.value;
    const series = seriesOf.get(symbol);
    if (series) bySeries.set(series, (bySeries.get(series) ?? 0) + e.value);
    else flat += e.value;
  }
  // Cash and anything not tested keep their value.
  flat += book.totalValue - exposed;
  const dates = new Set<string>();
  for (const s of bySeries.keys()) for (let i = Math.max(0, indexAtOrBefore(s, from)); i < s.dates.length && s.dates[i] <= end; i++) dates.add(s.dates[i]);
  const calendar = [...dates].sort();
  const base = calendar.filter((d) => d <= from).pop() ?? from;
  const days = [base, ...calendar.filter((d) => d > from)];
  const values = days.map((d) =>
    [...bySeries].reduce((v, [s, value]) => v + value * (s.closes[indexAtOrBefore(s, d)] / s.closes[indexAtOrBefore(s, from)]), flat),
  );
  return { dates: days, values };
}

/** The held security with the latest start of history: windows before it need a stand-in for it. */
function limitingHolding(book: Book, history: PriceHistory): { symbol: string; first: string } | null {
  let limit: { symbol: string; first: string } | null = null;
  for (const [symbol, e] of exposures(book)) {
    const s = history.get(symbol);
    if (e.key.assetClass === 'cash' || e.value === 0 || !s || s.dates.length === 0) continue;
    if (!limit || s.dates[0] > limit.first) limit = { symbol, first: s.dates[0] };
  }
  return limit;
}

/** Replays a window on today's holdings (DESIGN §3.8): each slice by its own total return, else a stand-in's. */
export function runReplay(
  book: Book,
  history: PriceHistory,
  config: ProxyConfig,
  options: { from: string; to: string; scenario?: Scenario; by?: readonly Dimension[]; positions?: boolean },
): StressResult {
  const { from, to } = options;
  const { overrides, seriesOf, end } = replayMoves(book, history, config, from, to);
  const limit = limitingHolding(book, history);
  const notes = ['Local-currency total returns from adjusted closes; currency moves are not replayed.'];
  if (!end) notes.push(`No price history reaches ${to}: nothing could be replayed.`);
  else if (end < to && Date.parse(`${to}T00:00:00Z`) - Date.parse(`${end}T00:00:00Z`) > 4 * 86_400_000) notes.push(`Price history ends ${end}: the window is replayed to that day, not ${to}.`);
  if (limit) notes.push(`${limit.symbol} has the shortest history (from ${limit.first}): windows starting earlier replay it through a stand-in.`);
  const path = valuePath(book, seriesOf, from, end);
  const stats = pathStats(path.dates, path.values);
  const use: HistoryUse = { mode: 'replay', from: path.dates[0] ?? from, to: end || to, method: 'Window total return of each holding from adjusted closes', notes, moves: Object.fromEntries(overrides), limitingSymbol: limit?.symbol ?? null, ...stats };
  return runScenario(book, options.scenario ?? replayScenario(from, to), { by: options.by, positions: options.positions, overrides, history: use });
}
