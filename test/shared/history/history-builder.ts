import { isFailure, type Failure } from '../../../shared/failure';
import type { PriceHistory, PriceSeries } from '../../../shared/history';

/** Consecutive weekday dates from `start` (YYYY-MM-DD), as many as asked. */
export function weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A series from closes on the given dates. */
export const series = (dates: readonly string[], closes: readonly number[]): PriceSeries => ({ dates, closes });

/** A series whose daily returns are `returns` (first close 100). */
export function fromReturns(dates: readonly string[], returns: readonly number[]): PriceSeries {
  const closes = [100];
  for (const r of returns) closes.push(closes[closes.length - 1] * (1 + r));
  return { dates: dates.slice(0, closes.length), closes };
}

/** History keyed by upper-case symbol. */
export const history = (entries: Record<string, PriceSeries>): PriceHistory =>
  new Map(Object.entries(entries).map(([k, v]) => [k.toUpperCase(), v]));

/** A replay's result, or the test fails with the replay's refusal. */
export function ok<T extends object>(result: T | Failure): T {
  if (isFailure(result)) throw new Error(`refused: ${result.error}`);
  return result;
}
