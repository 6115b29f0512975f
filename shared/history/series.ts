/** Daily price history as the history engine reads it: adjusted closes per symbol, oldest first. */
export interface PriceSeries {
  dates: readonly string[];
  closes: readonly number[];
}

/** Series by upper-case symbol. */
export type PriceHistory = ReadonlyMap<string, PriceSeries>;

/** Index of the last date on or before `date`, or −1 when the series starts after it. */
export function indexAtOrBefore(series: PriceSeries, date: string): number {
  let lo = 0;
  let hi = series.dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series.dates[mid] <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The sorted union of the series' dates within [from, to]. */
export function calendarOf(series: readonly PriceSeries[], from: string, to: string): string[] {
  const dates = new Set<string>();
  for (const s of series) for (const d of s.dates) if (d >= from && d <= to) dates.add(d);
  return [...dates].sort();
}

/**
 * Simple daily returns of a series on a calendar: entry t is close(t) / close(t−1) − 1 when the series has a close
 * on both calendar days, NaN otherwise (a gap is never spread over several days).
 */
export function returnsOn(series: PriceSeries, calendar: readonly string[]): Float64Array {
  const out = new Float64Array(calendar.length).fill(NaN);
  let i = indexAtOrBefore(series, calendar[0] ?? '');
  for (let t = 1; t < calendar.length; t++) {
    while (i + 1 < series.dates.length && series.dates[i + 1] <= calendar[t]) i++;
    if (i < 1 || series.dates[i] !== calendar[t] || series.dates[i - 1] !== calendar[t - 1]) continue;
    out[t] = series.closes[i] / series.closes[i - 1] - 1;
  }
  return out;
}

/** Equal-weight daily returns of a basket: the mean of the members that have a return that day (NaN if none). */
export function basketReturns(members: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  for (let t = 0; t < length; t++) {
    let sum = 0;
    let n = 0;
    for (const m of members) {
      if (Number.isNaN(m[t])) continue;
      sum += m[t];
      n++;
    }
    if (n > 0) out[t] = sum / n;
  }
  return out;
}

/** Total return from the close on or before `from` to the close on or before `to`; null unless the series spans both. */
export function windowReturn(
  series: PriceSeries | undefined,
  from: string,
  to: string,
  lastTradingDay: string,
): { change: number; first: string; last: string } | null {
  if (!series || series.dates.length === 0) return null;
  const a = indexAtOrBefore(series, from);
  const b = indexAtOrBefore(series, to);
  if (a < 0 || b < 0 || series.dates[b] < lastTradingDay) return null;
  return { change: series.closes[b] / series.closes[a] - 1, first: series.dates[a], last: series.dates[b] };
}
