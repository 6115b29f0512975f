import { normalCdf } from '../domain/options';
import { historicalTail, parametricTail, RISK_LEVELS, TRADING_DAYS } from './risk';
import { calendarOf, returnsOn, type PriceHistory } from './series';

/*
 * VaR backtest: each day, 1-day VaR from the window of daily returns before it (the risk view's two methods and
 * levels, its two-year window); a breach is a day whose loss exceeded that VaR. Kupiec's proportion-of-failures test
 * asks whether the breach rate is consistent with 1 − level: LR = −2 ln[(1−p)^(n−x) p^x / ((1−x/n)^(n−x) (x/n)^x)],
 * χ² with one degree of freedom under the null; the method passes at the 5% significance level when LR < 3.841.
 */

export type VarMethod = 'historical' | 'parametric';
export const KUPIEC_CRITICAL = 3.841458820694124;

export interface VarBacktestRow {
  series: string;
  method: VarMethod;
  level: (typeof RISK_LEVELS)[number];
  from: string;
  to: string;
  days: number;
  breaches: number;
  expected: number;
  rate: number;
  lr: number;
  pValue: number;
  pass: boolean;
}

/** Kupiec's POF likelihood ratio for x breaches in n days at breach probability p, with its χ²(1) p-value. */
export function kupiec(n: number, x: number, p: number): { lr: number; pValue: number } {
  const term = (k: number, q: number) => (k === 0 ? 0 : k * Math.log(q));
  const hat = x / n;
  const lr = -2 * (term(n - x, 1 - p) + term(x, p) - term(n - x, 1 - hat) - term(x, hat));
  const stat = Math.max(0, lr);
  return { lr: stat, pValue: 2 * (1 - normalCdf(Math.sqrt(stat))) };
}

/** Rolling 1-day VaR of one return series (dates[t] is the day returns[t] ends) against what happened the next day. */
export function varBacktest(
  series: string,
  dates: readonly string[],
  returns: readonly number[],
  window = 2 * TRADING_DAYS,
): VarBacktestRow[] {
  const rows: VarBacktestRow[] = [];
  if (returns.length <= window) return rows;
  const breaches = new Map<string, number>();
  const key = (m: VarMethod, l: number) => `${m} ${l}`;
  let sum = 0;
  let sum2 = 0;
  for (let t = 0; t < window; t++) {
    sum += returns[t];
    sum2 += returns[t] ** 2;
  }
  for (let t = window; t < returns.length; t++) {
    const sample = returns.slice(t - window, t);
    const mu = sum / window;
    const sigma = Math.sqrt(Math.max(0, (sum2 - window * mu * mu) / (window - 1)));
    for (const level of RISK_LEVELS) {
      const historical = historicalTail(sample, level).var;
      const parametric = parametricTail(mu, sigma, level, 1).var;
      if (-returns[t] > historical) breaches.set(key('historical', level), (breaches.get(key('historical', level)) ?? 0) + 1);
      if (-returns[t] > parametric) breaches.set(key('parametric', level), (breaches.get(key('parametric', level)) ?? 0) + 1);
    }
    sum += returns[t] - returns[t - window];
    sum2 += returns[t] ** 2 - returns[t - window] ** 2;
  }
  const days = returns.length - window;
  for (const method of ['historical', 'parametric'] as const) {
    for (const level of RISK_LEVELS) {
      const x = breaches.get(key(method, level)) ?? 0;
      const { lr, pValue } = kupiec(days, x, 1 - level);
      rows.push({
        series,
        method,
        level,
        from: dates[window],
        to: dates[dates.length - 1],
        days,
        breaches: x,
        expected: days * (1 - level),
        rate: x / days,
        lr,
        pValue,
        pass: lr < KUPIEC_CRITICAL,
      });
    }
  }
  return rows;
}

/** Daily returns of a constant-weight book (rebalanced daily) on the days every member has one, with their dates. */
export function bookReturns(
  history: PriceHistory,
  weights: Readonly<Record<string, number>>,
): { dates: string[]; returns: number[] } | null {
  const symbols = Object.keys(weights).map((s) => s.toUpperCase());
  const series = symbols.map((s) => history.get(s));
  if (series.some((s) => !s)) return null;
  const calendar = calendarOf(
    series.map((s) => s!),
    '0000-01-01',
    '9999-12-31',
  );
  const each = series.map((s) => returnsOn(s!, calendar));
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const dates: string[] = [];
  const returns: number[] = [];
  for (let t = 1; t < calendar.length; t++) {
    if (each.some((r) => Number.isNaN(r[t]))) continue;
    dates.push(calendar[t]);
    returns.push(each.reduce((acc, r, i) => acc + (weights[Object.keys(weights)[i]] / total) * r[t], 0));
  }
  return { dates, returns };
}

/** Sample books for the VaR backtest: a 60/40, an AI-growth book and a broad tech tilt (constant weights). */
export const SAMPLE_BOOKS: Record<string, Record<string, number>> = {
  '60/40 (SPY, TLT)': { SPY: 0.6, TLT: 0.4 },
  'AI growth (NVDA, AVGO, TSM, SMH, VST, MSFT)': { NVDA: 0.2, AVGO: 0.15, TSM: 0.15, SMH: 0.2, VST: 0.1, MSFT: 0.2 },
  'Tech tilt (QQQ, XLK, AAPL, GOOGL, GLD)': { QQQ: 0.4, XLK: 0.2, AAPL: 0.15, GOOGL: 0.15, GLD: 0.1 },
};

/** The VaR backtest over every series of the history with enough days and the sample books, from `from` on. */
export function varBacktestAll(
  history: PriceHistory,
  options: { symbols: readonly string[]; from?: string; window?: number },
): VarBacktestRow[] {
  const from = options.from ?? '0000-01-01';
  const rows: VarBacktestRow[] = [];
  const run = (name: string, dates: readonly string[], returns: readonly number[]) => {
    // Keep the window before `from` so the first tested day is the first on or after it; a series that ended before it is left out.
    const first = dates.findIndex((d) => d >= from);
    if (first < 0) return;
    const start = Math.max(0, first - (options.window ?? 2 * TRADING_DAYS));
    rows.push(...varBacktest(name, dates.slice(start), returns.slice(start), options.window));
  };
  for (const symbol of options.symbols) {
    const s = history.get(symbol.toUpperCase());
    if (!s) continue;
    const r = returnsOn(s, s.dates);
    const dates: string[] = [];
    const returns: number[] = [];
    for (let t = 1; t < r.length; t++) {
      dates.push(s.dates[t]);
      returns.push(r[t]);
    }
    run(symbol.toUpperCase(), dates, returns);
  }
  for (const [name, weights] of Object.entries(SAMPLE_BOOKS)) {
    const book = bookReturns(history, weights);
    if (book) run(name, book.dates, book.returns);
  }
  return rows;
}

/** Per method and level: how many series pass Kupiec's test, and the pooled breach rate. */
export function varVerdicts(
  rows: readonly VarBacktestRow[],
): { method: VarMethod; level: number; series: number; passing: number; breaches: number; days: number; rate: number }[] {
  const out = [];
  for (const method of ['historical', 'parametric'] as const) {
    for (const level of RISK_LEVELS) {
      const these = rows.filter((r) => r.method === method && r.level === level);
      const breaches = these.reduce((s, r) => s + r.breaches, 0);
      const days = these.reduce((s, r) => s + r.days, 0);
      out.push({
        method,
        level,
        series: these.length,
        passing: these.filter((r) => r.pass).length,
        breaches,
        days,
        rate: days ? breaches / days : NaN,
      });
    }
  }
  return out;
}
