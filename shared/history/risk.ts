import { failure, type Failure } from '../failure';
import type { HealthFinding } from '../health/check';
import type { Book, SecurityKey } from '../engine/book';
import { indexFund, STAND_IN_CURRENCY } from '../domain/index-funds';
import { majorCurrency } from '../domain/valuation';
import { fxRoute, rateAt } from './fx';
import { standInsFor, type ProxyConfig } from './proxies';
import { exposures, pathStats } from './replay';
import { calendarOf, returnsOn, type PriceHistory } from './series';
import { countOf, listNames } from '../format';
import { blackScholes, parseOccSymbol, yearsBetween } from '../domain/options';

export const TRADING_DAYS = 252;
export const RISK_LEVELS = [0.95, 0.99] as const;
export const RISK_HORIZONS = [1, 10] as const;
/** Standard normal quantiles z_p for the two levels (Φ⁻¹(0.95), Φ⁻¹(0.99)). */
const Z: Record<(typeof RISK_LEVELS)[number], number> = { 0.95: 1.6448536269514722, 0.99: 2.3263478740408408 };

export interface TailRisk {
  level: (typeof RISK_LEVELS)[number];
  horizonDays: (typeof RISK_HORIZONS)[number];
  /** Losses as positive fractions of the portfolio's value. */
  historicalVar: number;
  historicalCvar: number;
  parametricVar: number;
  parametricCvar: number;
}

export interface ReturnRisk {
  observations: number;
  /** Sample standard deviation of daily returns × √252. */
  volatility: number;
  beta: number | null;
  maxDrawdown: { change: number; peak: string; trough: string } | null;
  tails: TailRisk[];
}

export interface PortfolioRisk extends ReturnRisk {
  asOf: string;
  baseCurrency: string;
  benchmark: string;
  window: { from: string; to: string };
  /** Share of the portfolio's value whose own (or stand-in) history was used. */
  coveredShare: number;
  /** That value in the base currency: returns (and VaR) are fractions of it. */
  coveredValue: number;
  totalValue: number;
  /** Securities that followed a stand-in, largest exposure first. */
  proxied: { symbol: string; proxy: string; value: number }[];
  excluded: { symbol: string; value: number }[];
  notes: string[];
  /** Data-health findings on these figures (prices that end long before the day asked for); set by the service. */
  findings?: HealthFinding[];
  /** The daily returns the figures come from: `returns[t]` ends on `dates[t + 1]` (for the drawdown and distribution charts). */
  daily: { dates: string[]; returns: number[] };
}

/** How far below its running peak the value stood at the end of each day (0 at a new high, −0.2 for 20% down). */
export function drawdownPath(dates: readonly string[], returns: readonly number[]): { date: string; drawdown: number }[] {
  let value = 1;
  let peak = 1;
  const path = [{ date: dates[0], drawdown: 0 }];
  returns.forEach((r, t) => {
    value *= 1 + r;
    peak = Math.max(peak, value);
    path.push({ date: dates[t + 1], drawdown: value / peak - 1 });
  });
  return path;
}

/**
 * Daily returns counted into `bins` equal buckets from the worst to the best day (a bucket holds its lower edge;
 * the best day falls in the last).
 */
export function returnHistogram(returns: readonly number[], bins = 30): { from: number; to: number; count: number }[] {
  if (returns.length === 0) return [];
  const low = Math.min(...returns);
  const high = Math.max(...returns);
  const width = high > low ? (high - low) / bins : 1;
  const buckets = Array.from({ length: high > low ? bins : 1 }, (_, i) => ({ from: low + i * width, to: low + (i + 1) * width, count: 0 }));
  for (const r of returns) buckets[Math.min(buckets.length - 1, Math.floor((r - low) / width))].count++;
  return buckets;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Historical VaR and CVaR of a sample of returns at `level`: with k = ⌈n(1 − level)⌉ the k worst returns are the tail;
 * VaR is the loss at the k-th worst, CVaR the mean loss of the k worst.
 */
export function historicalTail(returns: readonly number[], level: number): { var: number; cvar: number } {
  const sorted = [...returns].sort((a, b) => a - b);
  const k = Math.max(1, Math.ceil(sorted.length * (1 - level) - 1e-9));
  return { var: -sorted[k - 1], cvar: -mean(sorted.slice(0, k)) };
}

/** Normal VaR and CVaR for h days from daily mean μ and deviation σ: −(hμ − √h σ z), −(hμ − √h σ φ(z)/(1 − p)). */
export function parametricTail(
  mu: number,
  sigma: number,
  level: (typeof RISK_LEVELS)[number],
  horizon: number,
): { var: number; cvar: number } {
  const z = Z[level];
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const s = Math.sqrt(horizon) * sigma;
  return { var: -(horizon * mu - s * z), cvar: -(horizon * mu - (s * density) / (1 - level)) };
}

/** Overlapping h-day compounded returns. */
function compounded(returns: readonly number[], h: number): number[] {
  const out: number[] = [];
  for (let t = h - 1; t < returns.length; t++) {
    let g = 1;
    for (let i = t - h + 1; i <= t; i++) g *= 1 + returns[i];
    out.push(g - 1);
  }
  return out;
}

/** Risk figures of a daily return series: `dates[t]` is the day `returns[t]` ends; `dates` has one more entry (the base). */
export function returnRisk(dates: readonly string[], returns: readonly number[], benchmark?: readonly number[]): ReturnRisk {
  const n = returns.length;
  const mu = mean(returns);
  const sigma = Math.sqrt(returns.reduce((s, r) => s + (r - mu) ** 2, 0) / (n - 1));
  let beta: number | null = null;
  if (benchmark && benchmark.length === n) {
    const mb = mean(benchmark);
    let cov = 0;
    let varB = 0;
    for (let t = 0; t < n; t++) {
      cov += (returns[t] - mu) * (benchmark[t] - mb);
      varB += (benchmark[t] - mb) ** 2;
    }
    beta = varB === 0 ? null : cov / varB;
  }
  const values = [1];
  for (const r of returns) values.push(values[values.length - 1] * (1 + r));
  const tails: TailRisk[] = [];
  for (const horizonDays of RISK_HORIZONS) {
    const sample = horizonDays === 1 ? returns : compounded(returns, horizonDays);
    for (const level of RISK_LEVELS) {
      const h = historicalTail(sample, level);
      const p = parametricTail(mu, sigma, level, horizonDays);
      tails.push({ level, horizonDays, historicalVar: h.var, historicalCvar: h.cvar, parametricVar: p.var, parametricCvar: p.cvar });
    }
  }
  return {
    observations: n,
    volatility: sigma * Math.sqrt(TRADING_DAYS),
    beta,
    maxDrawdown: pathStats(dates, values).drawdown ?? null,
    tails,
  };
}

/**
 * A portfolio's risk from history up to `asOf` (default window two years of trading days), holding today's
 * weights constant: each security by its own daily returns, else by a stand-in's (flagged), else left out. A holding
 * in another currency counts its daily return in the base currency: its local return and its currency's move against
 * the base, day by day (the pairs in `fx`); without them it counts its local return, and the notes say so.
 */
export function portfolioRisk(
  book: Book,
  history: PriceHistory,
  config: ProxyConfig,
  options: { asOf: string; benchmark?: string; days?: number; fx?: PriceHistory },
): PortfolioRisk | Failure {
  const benchmark = (options.benchmark ?? config.market).toUpperCase();
  const bench = history.get(benchmark);
  if (!bench) return failure(`There is no price history for the benchmark ${benchmark}.`);
  const calendar = calendarOf([bench], '0000-01-01', options.asOf).slice(-((options.days ?? 2 * TRADING_DAYS) + 1));
  if (calendar.length < 61)
    return failure(
      `The benchmark ${benchmark} has only ${Math.max(0, calendar.length - 1)} days of history up to ${options.asOf}; risk needs at least 60.`,
    );
  const days = calendar.length - 1;
  /** A symbol's daily returns on the calendar when they cover it (95% of days), else null; read once per symbol. */
  const returnsOf = new Map<string, Float64Array | null>();
  const usable = (symbol: string) => {
    const key = symbol.toUpperCase();
    if (returnsOf.has(key)) return returnsOf.get(key)!;
    const s = history.get(key);
    let r: Float64Array | null = s ? returnsOn(s, calendar) : null;
    if (r) {
      let finite = 0;
      for (let t = 1; t < r.length; t++) if (!Number.isNaN(r[t])) finite++;
      if (finite < 0.95 * days) r = null;
    }
    returnsOf.set(key, r);
    return r;
  };
  /** A currency's daily move against the base on the calendar, once per currency; null for the base or without history. */
  const fxReturns = new Map<string, Float64Array | null>();
  const missingFx = new Set<string>();
  const base = majorCurrency(book.baseCurrency);
  const fxOf = (currency: string): Float64Array | null => {
    const major = majorCurrency(currency);
    if (major === base) return null;
    if (fxReturns.has(major)) return fxReturns.get(major)!;
    const route = options.fx ? fxRoute(options.fx, major, base, calendar[0], calendar[calendar.length - 1]) : null;
    let r: Float64Array | null = null;
    if (route) {
      r = new Float64Array(calendar.length);
      let before = rateAt(route, calendar[0]);
      for (let t = 1; t < calendar.length; t++) {
        const rate = rateAt(route, calendar[t]);
        r[t] = before !== null && rate !== null ? rate / before - 1 : 0;
        before = rate;
      }
    } else missingFx.add(major);
    fxReturns.set(major, r);
    return r;
  };
  const portfolio = new Float64Array(calendar.length);
  /** Adds a holding's daily P&L: value × ((1 + local return)(1 + currency's move) − 1); a day without a close is unchanged. */
  const addDaily = (value: number, local: Float64Array | null, fx: Float64Array | null) => {
    if (local === null && fx === null) return;
    for (let t = 1; t < calendar.length; t++) {
      const r = local === null || Number.isNaN(local[t]) ? 0 : local[t];
      const f = fx === null ? 0 : fx[t];
      portfolio[t] += value * (r + f + r * f);
    }
  };
  const proxiedBy = new Map<string, PortfolioRisk['proxied'][number]>();
  const excludedBy = new Map<string, PortfolioRisk['excluded'][number]>();
  /** Adds to a list's line for a symbol: one line however many currencies it is held in. */
  const addLine = <T extends { symbol: string; value: number }>(lines: Map<string, T>, line: T) => {
    const hit = lines.get(line.symbol);
    if (hit) hit.value += line.value;
    else lines.set(line.symbol, line);
  };
  const total = book.totalValue;
  let covered = 0;
  // A fund with its own daily returns counts by them, as a whole; its holdings only when it has none (docs/stress-semantics.md §8).
  // An option counts by its delta-adjusted exposure to its underlying (contracts × multiplier × delta × price, base
  // currency) times the underlying's daily returns: a linear, first-order view of it, stated in the notes.
  const notes: string[] = [];
  const deltaOf = new Map<string, { exposure: number; underlying: string }>();
  for (const h of book.options) {
    if (h.notTested !== null || h.localValue === 0) continue;
    const years = yearsBetween(h.asOf!, h.contract.expiry);
    const { delta } = blackScholes(h.contract.right, h.underlyingPrice!, h.contract.strike, years, h.volatility, h.rate);
    const rate = book.groups[h.group].value / h.localValue;
    const prior = deltaOf.get(h.underlying.match.symbol)?.exposure ?? 0;
    deltaOf.set(h.underlying.match.symbol, {
      exposure: prior + h.contracts * h.contract.multiplier * delta * h.underlyingPrice! * rate,
      underlying: h.underlying.symbol,
    });
  }
  if (book.options.length)
    notes.push(
      'Options count as their delta-adjusted exposure to their underlying times its daily returns (first order: gamma and time decay left out); options that cannot be valued are left out.',
    );
  for (const [underlying, d] of deltaOf) {
    const r = usable(underlying);
    if (r) addDaily(d.exposure, r, null);
  }
  /** The series an index fund without history of its own counts by: its stand-in ETF's (VFIAX by VOO), as a replay moves it. */
  const indexStandIn = (symbol: string) => {
    const fund = indexFund(symbol);
    return fund && usable(fund.standIn) ? fund.standIn : null;
  };
  const whole = (fund: SecurityKey) => usable(fund.symbol) !== null || indexStandIn(fund.symbol) !== null;
  for (const e of exposures(book, { whole, byCurrency: true }).values()) {
    if (e.value === 0) continue;
    const symbol = e.key.match.symbol;
    if (e.key.isOption) {
      const underlying = parseOccSymbol(e.key.symbol)!.underlying.toUpperCase();
      if (deltaOf.has(underlying) && usable(underlying)) covered += e.value;
      else addLine(excludedBy, { symbol: e.key.symbol, value: e.value });
      continue;
    }
    if (e.key.assetClass === 'cash') {
      // Cash moves only by its currency.
      covered += e.value;
      addDaily(e.value, null, fxOf(e.currency));
      continue;
    }
    let r = usable(symbol);
    // The currency the returns are in: the holding's, or the dollar for an index fund's US-listed stand-in.
    let currency = e.currency;
    if (!r) {
      const index = indexStandIn(symbol);
      const standIn = [index, ...standInsFor(e.key, config).map((p) => p.symbol)].find((p) => p !== null && usable(p));
      if (standIn) {
        r = usable(standIn);
        if (standIn === index) currency = STAND_IN_CURRENCY;
        addLine(proxiedBy, { symbol: e.key.symbol, proxy: standIn, value: e.value });
      }
    }
    if (!r) {
      addLine(excludedBy, { symbol: e.key.symbol, value: e.value });
      continue;
    }
    covered += e.value;
    addDaily(e.value, r, fxOf(currency));
  }
  const byExposure = (a: { symbol: string; value: number }, b: { symbol: string; value: number }) =>
    Math.abs(b.value) - Math.abs(a.value) || a.symbol.localeCompare(b.symbol);
  const proxied = [...proxiedBy.values()].sort(byExposure);
  const excluded = [...excludedBy.values()].sort(byExposure);
  const denominator = covered === 0 ? total : covered;
  const returns = Array.from(portfolio.subarray(1), (x) => (denominator === 0 ? 0 : x / denominator));
  const benchReturns = Array.from(returnsOn(bench, calendar).subarray(1), (x) => (Number.isNaN(x) ? 0 : x));
  notes.unshift(`Weights held constant at today's values over ${days} trading days; a day a holding did not trade counts as unchanged.`);
  const moved = [...fxReturns].filter(([, r]) => r !== null).map(([c]) => c);
  if (moved.length)
    notes.push(
      `Holdings in ${listNames(moved.sort(), 6)} count their daily returns in ${base}: the local return and the currency's move against ${base}, day by day.`,
    );
  if (missingFx.size)
    notes.push(
      `No ${listNames(
        [...missingFx].sort().map((c) => `${c}/${base}`),
        6,
      )} history over the window: holdings in ${listNames([...missingFx].sort(), 6)} count their local-currency returns only, without the currency's move; refresh market data.`,
    );
  if (excluded.length)
    notes.push(
      `${countOf(excluded.length, 'holding')} left out for lack of history: ${listNames(
        excluded.map((x) => x.symbol),
        12,
      )}.`,
    );
  return {
    ...returnRisk(calendar, returns, benchReturns),
    asOf: options.asOf,
    baseCurrency: book.baseCurrency,
    benchmark,
    window: { from: calendar[0], to: calendar[calendar.length - 1] },
    coveredShare: total === 0 ? 0 : covered / total,
    coveredValue: covered,
    totalValue: total,
    proxied,
    excluded,
    notes,
    daily: { dates: calendar, returns },
  };
}
