import { BAND_Z } from './estimator';
import { correlatedSd, fitMove, OLS_MODEL, standardised, type PropagationModel } from './estimator';
import { basketReturns, returnsOn, type PriceHistory } from './series';

/*
 * Backtest of propagation (docs/stress-semantics.md §7): on every stress day, estimate strictly on the window before the day, shock the
 * proxies by what they actually did that day, predict every other ticker and compare with what it actually did.
 * Benchmarks on the same pairs: predicting no move, and a one-factor market beta (equal-weight OLS on the market alone
 * over the same window).
 */

/** A proxy series the backtest shocks: one symbol, or an equal-weight basket of several. */
export interface BacktestProxy {
  label: string;
  symbols: readonly string[];
}

/** A rule that makes a day a stress day: |return of symbol| ≥ threshold. */
export interface StressRule {
  symbol: string;
  threshold: number;
}

export const DEFAULT_STRESS_RULES: readonly StressRule[] = [
  { symbol: 'SPY', threshold: 0.02 },
  { symbol: 'SMH', threshold: 0.04 },
];

export interface StressDay {
  date: string;
  /** Why it is a stress day: "SPY −2.4%", or an event's name. */
  why: string[];
}

export interface BacktestPair {
  symbol: string;
  actual: number;
  predicted: number;
  low: number;
  high: number;
  /** The one-factor market-beta model's prediction. */
  beta: number;
}

/** An equal-weight book of the day's predicted tickers: its move, the prediction, and its band with and without correlations. */
export interface BacktestBook {
  actual: number;
  predicted: number;
  /** Half-width of the 95% band with the tickers' residual correlations. */
  half: number;
  /** Half-width when every ticker's band is added end to end (perfect correlation). */
  halfEndToEnd: number;
}

export interface BacktestDay extends StressDay {
  /** The market proxy's move that day. */
  market: number;
  pairs: BacktestPair[];
  book: BacktestBook;
  mae: number;
  maeZero: number;
  maeBeta: number;
  /** Share of pairs whose actual move lay inside the band. */
  coverage: number;
}

export interface BacktestTotals {
  days: number;
  pairs: number;
  mae: number;
  maeZero: number;
  maeBeta: number;
  coverage: number;
  /** Share of days the equal-weight book's move lay inside its band with correlations, and added end to end. */
  bookCoverage: number;
  bookCoverageEndToEnd: number;
}

export interface BacktestResult {
  model: PropagationModel;
  days: BacktestDay[];
  overall: BacktestTotals;
  /** Days that could not be tested, with why. */
  skipped: { date: string; why: string }[];
}

const pct = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}%`;

/** The market calendar's dates with the close-to-close return of each rule's symbol; stress days and dated events in [from, to]. */
export function stressDays(
  history: PriceHistory,
  options: {
    calendar: string;
    rules?: readonly StressRule[];
    events?: readonly { date: string; name: string }[];
    from?: string;
    to?: string;
  },
): StressDay[] {
  const market = history.get(options.calendar.toUpperCase());
  if (!market) return [];
  const from = options.from ?? '0000-01-01';
  const to = options.to ?? '9999-12-31';
  const calendar = market.dates;
  const byDate = new Map<string, string[]>();
  const add = (date: string, why: string) => (byDate.get(date) ?? byDate.set(date, []).get(date)!).push(why);
  for (const rule of options.rules ?? DEFAULT_STRESS_RULES) {
    const series = history.get(rule.symbol.toUpperCase());
    if (!series) continue;
    const r = returnsOn(series, calendar);
    for (let t = 1; t < calendar.length; t++)
      if (Math.abs(r[t]) >= rule.threshold) add(calendar[t], `${rule.symbol.toUpperCase()} ${pct(r[t])}`);
  }
  const trading = new Set(calendar);
  for (const event of options.events ?? []) if (trading.has(event.date)) add(event.date, event.name);
  return [...byDate.keys()]
    .filter((d) => d >= from && d <= to)
    .sort()
    .map((date) => ({ date, why: byDate.get(date)! }));
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);

/** Mean absolute errors and band coverage over a set of pairs. */
export function totalsOf(days: readonly BacktestDay[]): BacktestTotals {
  const pairs = days.flatMap((d) => d.pairs);
  return {
    days: days.length,
    pairs: pairs.length,
    mae: mean(pairs.map((p) => Math.abs(p.predicted - p.actual))),
    maeZero: mean(pairs.map((p) => Math.abs(p.actual))),
    maeBeta: mean(pairs.map((p) => Math.abs(p.beta - p.actual))),
    coverage: mean(pairs.map((p) => (p.actual >= p.low && p.actual <= p.high ? 1 : 0))),
    bookCoverage: mean(days.map((d) => (Math.abs(d.book.actual - d.book.predicted) <= d.book.half ? 1 : 0))),
    bookCoverageEndToEnd: mean(days.map((d) => (Math.abs(d.book.actual - d.book.predicted) <= d.book.halfEndToEnd ? 1 : 0))),
  };
}

/**
 * Runs the backtest: for each day, the proxies (market first) take their actual moves and every target that is not
 * itself a proxy is predicted from the window strictly before the day. A target inside a basket is predicted from the
 * basket without it; a proxy with too little history before the day is left out for that day.
 */
export function runBacktest(
  history: PriceHistory,
  input: {
    market: string;
    proxies: readonly BacktestProxy[];
    targets: readonly string[];
    days: readonly StressDay[];
    model: PropagationModel;
  },
): BacktestResult {
  const { model } = input;
  const marketSymbol = input.market.toUpperCase();
  const marketSeries = history.get(marketSymbol);
  const skipped: { date: string; why: string }[] = [];
  const days: BacktestDay[] = [];
  if (!marketSeries)
    return { model, days, overall: totalsOf(days), skipped: input.days.map((d) => ({ date: d.date, why: `no ${marketSymbol} history` })) };
  // The one-factor benchmark: equal-weight OLS on the market alone, on the same window and minimum.
  const oneFactor: PropagationModel = { ...OLS_MODEL, estimationDays: model.estimationDays, minObservations: model.minObservations };
  const proxySymbols = new Set(input.proxies.filter((p) => p.symbols.length === 1).map((p) => p.symbols[0].toUpperCase()));
  for (const day of input.days) {
    const c = marketSeries.dates.indexOf(day.date);
    if (c < 1) {
      skipped.push({ date: day.date, why: `not a ${marketSymbol} trading day with a previous close` });
      continue;
    }
    // Estimation calendar: the last estimationDays + 1 closes strictly before the day; the day itself is returned apart.
    const window = marketSeries.dates.slice(Math.max(0, c - 1 - model.estimationDays), c);
    const pair = [marketSeries.dates[c - 1], day.date];
    const cache = new Map<string, { window: Float64Array; move: number }>();
    const seriesOf = (symbol: string) => {
      let hit = cache.get(symbol);
      if (!hit) {
        const s = history.get(symbol);
        hit = s
          ? { window: returnsOn(s, window), move: returnsOn(s, pair)[1] }
          : { window: new Float64Array(window.length).fill(NaN), move: NaN };
        cache.set(symbol, hit);
      }
      return hit;
    };
    const basket = (symbols: readonly string[]) => {
      if (symbols.length === 1) return seriesOf(symbols[0]);
      const members = symbols.map(seriesOf);
      const moves = members.map((m) => m.move).filter((m) => !Number.isNaN(m));
      return {
        window: basketReturns(
          members.map((m) => m.window),
          window.length,
        ),
        move: moves.length ? mean(moves) : NaN,
      };
    };
    const enough = (r: Float64Array) => r.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0) >= model.minObservations;
    const market = seriesOf(marketSymbol);
    const pairs: BacktestPair[] = [];
    const terms: { scale: number; z: Float64Array }[] = [];
    for (const raw of input.targets) {
      const symbol = raw.toUpperCase();
      if (proxySymbols.has(symbol) || symbol === marketSymbol) continue;
      const own = seriesOf(symbol);
      if (Number.isNaN(own.move)) continue;
      const used = input.proxies
        .map((p) => p.symbols.map((s) => s.toUpperCase()).filter((s) => s !== symbol))
        .filter((members) => members.length > 0)
        .map(basket)
        .filter((p) => !Number.isNaN(p.move) && enough(p.window));
      if (used.length === 0) continue;
      const fit = fitMove(
        own.window,
        used.map((p) => p.window),
        used.map((p) => p.move),
        model,
      );
      const beta = fitMove(own.window, [market.window], [market.move], oneFactor);
      if ('error' in fit || 'error' in beta) continue;
      pairs.push({ symbol, actual: own.move, predicted: fit.mid, low: fit.low, high: fit.high, beta: beta.mid });
      terms.push({ scale: fit.sd, z: standardised(fit.residuals) });
    }
    if (pairs.length === 0) {
      skipped.push({ date: day.date, why: 'no ticker had enough history before the day' });
      continue;
    }
    const w = 1 / pairs.length;
    const book: BacktestBook = {
      actual: mean(pairs.map((p) => p.actual)),
      predicted: mean(pairs.map((p) => p.predicted)),
      half: BAND_Z * correlatedSd(terms.map((t) => ({ scale: w * t.scale, z: t.z }))),
      halfEndToEnd: BAND_Z * terms.reduce((acc, t) => acc + w * t.scale, 0),
    };
    const totals = totalsOf([{ ...day, market: market.move, pairs, book, mae: 0, maeZero: 0, maeBeta: 0, coverage: 0 }]);
    days.push({
      ...day,
      market: market.move,
      pairs,
      book,
      mae: totals.mae,
      maeZero: totals.maeZero,
      maeBeta: totals.maeBeta,
      coverage: totals.coverage,
    });
  }
  return { model, days, overall: totalsOf(days), skipped };
}

/** The n days with the largest market moves, largest first. */
export function largestDays(days: readonly BacktestDay[], n: number): BacktestDay[] {
  return [...days].sort((a, b) => Math.abs(b.market) - Math.abs(a.market)).slice(0, n);
}
