import { failure, type Failure } from '../failure';
import type { Book, SecurityKey } from '../engine/book';
import { type Provenance } from '../engine/match';
import { optionPositionValue } from '../engine/options-pass';
import { signedPercent } from '../format';
import { runScenario, type Dimension, type HistoryUse, type StressResult } from '../engine/run';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../engine/scenario';
import { indexFund, STAND_IN_CURRENCY, standInText, type IndexFund } from '../domain/index-funds';
import { leveragedEtf, multiplierText, type LeveragedEtf } from '../domain/leveraged-etfs';
import { majorCurrency } from '../domain/valuation';
import { currencyMoves, fxRoute, rateAt, type FxMove, type FxRoute } from './fx';
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

/** The window a replay can run: the asked one, or the part of it the prices cover (said in `partial`); else why none. */
export function replayWindow(
  history: PriceHistory,
  from: string,
  to: string,
): { from: string; to: string; partial?: HistoryUse['partial'] } | Failure {
  let first = '';
  let last = '';
  for (const s of history.values()) {
    if (s.dates.length === 0) continue;
    if (!first || s.dates[0] < first) first = s.dates[0];
    if (s.dates[s.dates.length - 1] > last) last = s.dates[s.dates.length - 1];
  }
  if (!last) return failure(`There is no price history to replay ${from} → ${to}: update market data.`);
  if (from >= last) return failure(`Prices run to ${last}: update market data or pick an earlier window than ${from} → ${to}.`);
  if (to <= first) return failure(`Prices start ${first}: pick a later window than ${from} → ${to}.`);
  const start = from < first ? first : from;
  const end = lastTradingDay(history, to);
  if (from >= first && last >= to) return { from, to };
  const why = from < first ? `Prices start ${first}` : `Prices run to ${last}`;
  return { from: start, to: end, partial: { from, to, reason: `${why}: replayed ${start} → ${end} only, not the whole ${from} → ${to}.` } };
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
    event: {
      window: { from, to },
      basis: { timing: 'window', returns: 'total' },
      sources: [{ title: 'Bundled and downloaded daily adjusted closes' }],
    },
  };
}

/**
 * Base-currency value exposed to each security (direct holdings, fund constituents, funds' unlisted rest), by symbol;
 * `byCurrency` keeps apart what is held in different currencies (a slice's currency is its position's).
 */
export function exposures(
  book: Book,
  options: { byCurrency?: boolean; whole?: (fund: SecurityKey) => boolean } = {},
): Map<string, { value: number; key: Book['keys'][number]; currency: string }> {
  const out = new Map<string, { value: number; key: Book['keys'][number]; currency: string }>();
  const add = (key: Book['keys'][number], currency: string, value: number) => {
    const id = options.byCurrency ? `${key.match.symbol}\u0000${currency}` : key.match.symbol;
    const hit = out.get(id);
    if (hit) hit.value += value;
    else out.set(id, { value, key, currency });
  };
  for (const g of book.groups) {
    // A fund with its own series moves as a whole (docs/stress-semantics.md §8): its holdings are not exposures then.
    if (!g.fund || options.whole?.(g.key)) {
      add(g.key, g.currency, g.value);
      continue;
    }
    for (const c of g.fund.constituents) add(c.key, g.currency, g.value * c.weight);
    if (g.fund.residualWeight > 0) add(g.key, g.currency, g.value * g.fund.residualWeight);
  }
  return out;
}

/**
 * A leveraged fund's path rebuilt from its stand-in's closes: each day multiplier × the stand-in's daily return (floored
 * at −100%), compounded — the daily reset that makes a window's move differ from multiplier × the window's return.
 */
export function leveragedSeries(symbol: string, history: PriceHistory): { etf: LeveragedEtf; series: PriceSeries } | null {
  const etf = leveragedEtf(symbol);
  const base = etf && history.get(etf.standIn.toUpperCase());
  if (!etf || !base || base.closes.length === 0) return null;
  const closes = new Array<number>(base.closes.length);
  closes[0] = 100;
  for (let t = 1; t < closes.length; t++)
    closes[t] = closes[t - 1] * (1 + Math.max(-1, etf.multiplier * (base.closes[t] / base.closes[t - 1] - 1)));
  return { etf, series: { dates: base.dates, closes } };
}

/**
 * An index fund's stand-in closes in the currency the fund trades in: the stand-in's dollar closes times the fund
 * currency's rate per dollar each day (VUSA.L, the S&P 500 in pounds, as VOO × pounds per dollar), so the move is the
 * fund's own in its currency, which the replay then moves by that currency against the base like any holding's. Without
 * FX closes over the window the closes stay in dollars, and `unconverted` says so.
 */
function standInCloses(
  fund: IndexFund,
  series: PriceSeries,
  fx: PriceHistory,
  from: string,
  end: string,
): { series: PriceSeries; unconverted: string | null } {
  const currency = majorCurrency(fund.currency);
  if (currency === STAND_IN_CURRENCY) return { series, unconverted: null };
  const route = fxRoute(fx, STAND_IN_CURRENCY, currency, from, end);
  const pair = `${STAND_IN_CURRENCY}/${currency}`;
  if (!route)
    return {
      series,
      unconverted: `in US dollars: no ${pair} history over the window to express it in ${currency}, refresh market data`,
    };
  const dates: string[] = [];
  const closes: number[] = [];
  for (let i = 0; i < series.dates.length; i++) {
    const rate = rateAt(route, series.dates[i]);
    if (rate === null) continue;
    dates.push(series.dates[i]);
    closes.push(series.closes[i] * rate);
  }
  return { series: { dates, closes }, unconverted: null };
}

/** Each security's move over the window: its own total return, a stand-in's, or "not tested". */
export function replayMoves(
  book: Book,
  history: PriceHistory,
  config: ProxyConfig,
  from: string,
  to: string,
  fx: PriceHistory = new Map(),
): { overrides: Map<string, Provenance>; seriesOf: Map<string, PriceSeries>; end: string } {
  const end = lastTradingDay(history, to);
  const overrides = new Map<string, Provenance>();
  const seriesOf = new Map<string, PriceSeries>();
  for (const key of book.keys) {
    // An option moves by its underlying's history, revalued (options-pass): never by a stand-in of its own.
    if (key.assetClass === 'cash' || key.isOption || overrides.has(key.match.symbol)) continue;
    const own = history.get(key.match.symbol);
    const ownMove = windowReturn(own, from, to, end);
    if (ownMove) {
      seriesOf.set(key.match.symbol, own!);
      // Level 'symbol': like a shock on its ticker, its own history moves the whole position, a fund included (§3.8).
      overrides.set(key.match.symbol, {
        kind: 'explicit',
        level: 'symbol',
        shockIndex: null,
        change: ownMove.change,
        reason: `Own total return ${ownMove.first} → ${ownMove.last}: ${signedPercent(ownMove.change)}`,
      });
      continue;
    }
    const levered = leveragedSeries(key.match.symbol, history);
    const leveredMove = levered && windowReturn(levered.series, from, to, end);
    if (levered && leveredMove) {
      seriesOf.set(key.match.symbol, levered.series);
      const why = own ? `its history covers ${own.dates[0]} → ${own.dates[own.dates.length - 1]} only` : 'no price history of its own';
      overrides.set(key.match.symbol, {
        kind: 'proxy',
        level: null,
        shockIndex: null,
        change: leveredMove.change,
        reason: `Proxy: ${why}, moved as ${multiplierText(levered.etf.multiplier)} ${levered.etf.standIn}'s daily returns, compounded ${leveredMove.first} → ${leveredMove.last}: ${signedPercent(leveredMove.change)}`,
      });
      continue;
    }
    // A leveraged fund moves by its multiple of its stand-in, never 1× a sector fund's move.
    const etf = leveragedEtf(key.match.symbol);
    if (etf) {
      overrides.set(key.match.symbol, {
        kind: 'none',
        level: null,
        shockIndex: null,
        change: 0,
        reason: `Not tested: no price history for it or for ${etf.standIn}, which its ${multiplierText(etf.multiplier)} daily target follows, over the window.`,
        noPrice: true,
      });
      continue;
    }
    // An index fund (mutual fund, UCITS listing) moves as the US ETF of its index (VFIAX as VOO), before any other stand-in.
    const fund = indexFund(key.match.symbol);
    const standInSeries = fund && history.get(fund.standIn);
    const fundSeries = standInSeries ? standInCloses(fund, standInSeries, fx, from, end) : null;
    const fundMove = fundSeries && windowReturn(fundSeries.series, from, to, end);
    if (fund && fundSeries && fundMove) {
      seriesOf.set(key.match.symbol, fundSeries.series);
      const why = own ? `its history covers ${own.dates[0]} → ${own.dates[own.dates.length - 1]} only` : 'no price history of its own';
      const currency = majorCurrency(fund.currency);
      const unit =
        fundSeries.unconverted !== null ? ` (${fundSeries.unconverted})` : currency === STAND_IN_CURRENCY ? '' : ` in ${currency}`;
      // Level 'symbol', like its own history: the stand-in's close-to-close move is the whole fund's (§3.8).
      overrides.set(key.match.symbol, {
        kind: 'proxy',
        level: 'symbol',
        shockIndex: null,
        change: fundMove.change,
        reason: `Proxy: ${why}, moved as ${fund.standIn} (${standInText(fund)})${unit} ${signedPercent(fundMove.change)}`,
      });
      continue;
    }
    const standIn = standInsFor(key, config)
      .map((p) => ({ ...p, series: history.get(p.symbol.toUpperCase()) }))
      .map((p) => ({ ...p, move: windowReturn(p.series, from, to, end) }))
      .find((p) => p.move !== null);
    if (standIn) {
      seriesOf.set(key.match.symbol, standIn.series!);
      const why = own ? `its history covers ${own.dates[0]} → ${own.dates[own.dates.length - 1]} only` : 'no price history of its own';
      overrides.set(key.match.symbol, {
        kind: 'proxy',
        level: null,
        shockIndex: null,
        change: standIn.move!.change,
        reason: `Proxy: ${why}, moved as ${standIn.symbol} (${standIn.why}) ${signedPercent(standIn.move!.change)}`,
      });
    } else {
      overrides.set(key.match.symbol, {
        kind: 'none',
        level: null,
        shockIndex: null,
        change: 0,
        reason: 'Not tested: no price history for it or a stand-in over the window.',
        noPrice: true,
      });
    }
  }
  return { overrides, seriesOf, end };
}

/** Peak-to-trough fall and worst day of a value path (dates[0] is the base). */
export function pathStats(
  dates: readonly string[],
  values: readonly number[],
): { drawdown: HistoryUse['drawdown']; worstDay: HistoryUse['worstDay'] } {
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

/** Value held in one currency: following each price series, and flat (cash, not tested). */
interface Holdings {
  bySeries: Map<PriceSeries, number>;
  flat: number;
}

/**
 * The portfolio's value day by day inside the window, each security following its (own or stand-in) closes, and what is
 * held in a currency with a route to the base also following that currency's rate.
 */
function valuePath(
  book: Book,
  seriesOf: Map<string, PriceSeries>,
  whole: (fund: SecurityKey) => boolean,
  routes: ReadonlyMap<string, FxRoute>,
  from: string,
  end: string,
): { dates: string[]; values: number[] } {
  const local: Holdings = { bySeries: new Map(), flat: 0 };
  const foreign = new Map<FxRoute, Holdings>();
  let exposed = 0;
  for (const e of exposures(book, { byCurrency: true, whole }).values()) {
    exposed += e.value;
    const route = routes.get(e.currency);
    let held = local;
    if (route) {
      held = foreign.get(route) ?? { bySeries: new Map(), flat: 0 };
      foreign.set(route, held);
    }
    const series = seriesOf.get(e.key.match.symbol);
    if (series) held.bySeries.set(series, (held.bySeries.get(series) ?? 0) + e.value);
    else held.flat += e.value;
  }
  // Cash and anything not tested keep their value (in their own currency).
  local.flat += book.totalValue - exposed;
  const dates = new Set<string>();
  const fxSeries = [...foreign.keys()].flatMap((route) => route.map((leg) => leg.series));
  const options = optionPath(book, seriesOf, from);
  const allSeries = [
    ...local.bySeries.keys(),
    ...[...foreign.values()].flatMap((h) => [...h.bySeries.keys()]),
    ...fxSeries,
    ...options.series,
  ];
  for (const s of allSeries)
    for (let i = Math.max(0, indexAtOrBefore(s, from)); i < s.dates.length && s.dates[i] <= end; i++) dates.add(s.dates[i]);
  const calendar = [...dates].sort();
  const base = calendar.filter((d) => d <= from).pop() ?? from;
  const days = [base, ...calendar.filter((d) => d > from)];
  const grown = (held: Holdings, d: string) =>
    [...held.bySeries].reduce(
      (v, [s, value]) => v + value * (s.closes[indexAtOrBefore(s, d)] / s.closes[indexAtOrBefore(s, from)]),
      held.flat,
    );
  const values = days.map(
    (d) =>
      [...foreign].reduce((v, [route, held]) => v + grown(held, d) * (rateAt(route, d)! / rateAt(route, from)!), grown(local, d)) +
      options.change(d),
  );
  return { dates: days, values };
}

/**
 * The options' change in value on day `d` of the window (base currency): each revalued at its underlying's close that
 * day, relative to the window's start, as the stress engine revalues it (options-pass; same date, volatility and rate,
 * the option's currency at today's rate). Options not tested, or whose underlying has no series, stay flat.
 */
function optionPath(
  book: Book,
  seriesOf: Map<string, PriceSeries>,
  from: string,
): { series: PriceSeries[]; change: (d: string) => number } {
  const legs = book.options.flatMap((h) => {
    const series = seriesOf.get(h.underlying.match.symbol);
    if (h.notTested !== null || !series || h.localValue === 0) return [];
    const rate = book.groups[h.group].value / h.localValue;
    const start = series.closes[indexAtOrBefore(series, from)];
    const before = optionPositionValue(h, h.underlyingPrice!);
    return [{ h, series, rate, start, before }];
  });
  return {
    series: legs.map((l) => l.series),
    change: (d) =>
      legs.reduce(
        (sum, { h, series, rate, start, before }) =>
          sum + rate * (optionPositionValue(h, h.underlyingPrice! * (series.closes[indexAtOrBefore(series, d)] / start)) - before),
        0,
      ),
  };
}

/** The held security with the latest start of history: windows before it need a stand-in for it. */
function limitingHolding(
  book: Book,
  history: PriceHistory,
  whole: (fund: SecurityKey) => boolean,
): { symbol: string; first: string } | null {
  let limit: { symbol: string; first: string } | null = null;
  for (const [symbol, e] of exposures(book, { whole })) {
    const s = history.get(symbol);
    if (e.key.assetClass === 'cash' || e.value === 0 || !s || s.dates.length === 0) continue;
    if (!limit || s.dates[0] > limit.first) limit = { symbol, first: s.dates[0] };
  }
  return limit;
}

/** A replay's scenario as the engine runs it: its own shocks, then a `currency` shock for each currency the replay moved. */
export function replayedScenario(scenario: Scenario, history: HistoryUse | undefined): Scenario {
  const moved = (history?.currencies ?? []).filter((c) => c.change !== null);
  if (!moved.length) return scenario;
  return {
    ...scenario,
    shocks: [
      ...scenario.shocks,
      ...moved.map((c) => ({ target: 'currency' as const, value: c.currency, change: c.change!, enabled: true, note: c.reason })),
    ],
  };
}

/** What the replay says about currencies: that none apply, or each one's move against the base, or that it has no FX history. */
function currencyNotes(book: Book, moves: readonly FxMove[]): string[] {
  if (!book.currencies.some((c) => majorCurrency(c) !== book.baseCurrency))
    return [`Total returns from adjusted closes; every holding is in ${book.baseCurrency}, so no currency moves apply.`];
  return [
    `Total returns from adjusted closes in each holding's currency, composed with that currency's move against ${book.baseCurrency} where exchange-rate history covers the window.`,
    ...moves.map((m) => (m.route ? `${m.reason}, applied to ${m.currency} holdings and cash.` : m.reason)),
  ];
}

/**
 * Replays a window on today's holdings (docs/stress-semantics.md §8): each holding by its own total return — a fund as a whole, its
 * holdings only splitting that move by sector and theme — else a stand-in's (a fund without history: its holdings');
 * holdings in another currency than the base also by that currency's move over the window from `fx` (pairs by Yahoo
 * symbol, §3.4). A window the prices do not reach is refused with the dates they cover; one they partly cover is
 * replayed over that part, said in `history.partial`.
 */
export function runReplay(
  book: Book,
  history: PriceHistory,
  config: ProxyConfig,
  options: { from: string; to: string; scenario?: Scenario; by?: readonly Dimension[]; positions?: boolean; fx?: PriceHistory },
): StressResult | Failure {
  const window = replayWindow(history, options.from, options.to);
  if ('error' in window) return window;
  const { from, to } = window;
  const { overrides, seriesOf, end } = replayMoves(book, history, config, from, to, options.fx);
  const whole = (fund: SecurityKey) => overrides.get(fund.match.symbol)?.level === 'symbol';
  const fxMoves = currencyMoves(book.currencies, book.baseCurrency, options.fx ?? new Map(), from, end);
  const routes = new Map(fxMoves.flatMap((m) => (m.route ? [[m.currency, m.route] as const] : [])));
  const limit = limitingHolding(book, history, whole);
  const notes = currencyNotes(book, fxMoves);
  if (window.partial) notes.unshift(window.partial.reason);
  if (limit)
    notes.push(`${limit.symbol} has the shortest history (from ${limit.first}): windows starting earlier replay it through a stand-in.`);
  const path = valuePath(book, seriesOf, whole, routes, from, end);
  const stats = pathStats(path.dates, path.values);
  const currencies = fxMoves.map(({ currency, pair, change, reason }) => ({ currency, pair, change, reason }));
  const use: HistoryUse = {
    mode: 'replay',
    from: path.dates[0] ?? from,
    to: end,
    method: 'Window total return of each holding (a fund as a whole) from adjusted closes',
    notes,
    ...(window.partial ? { partial: window.partial } : {}),
    moves: Object.fromEntries(overrides),
    limitingSymbol: limit?.symbol ?? null,
    ...stats,
    ...(currencies.length ? { currencies } : {}),
  };
  return runScenario(book, replayedScenario(options.scenario ?? replayScenario(options.from, options.to), use), {
    by: options.by,
    positions: options.positions,
    overrides,
    history: use,
  });
}
