import { majorCurrency } from '../domain/valuation';
import { signedPercent } from '../format';
import type { ReplayCurrency } from '../engine/run';
import { indexAtOrBefore, type PriceHistory, type PriceSeries } from './series';

/** Yahoo's symbol for the rate of `quote` per unit of `currency` (EURUSD=X); the pair's daily closes are stored in `prices` under it. */
export function fxPairSymbol(currency: string, quote: string): string {
  return `${currency}${quote}=X`;
}

/** A stored pair read as units of the next currency per unit of the previous one (inverted when stored the other way round). */
interface FxLeg {
  series: PriceSeries;
  invert: boolean;
}
/** Legs whose product is units of the base per unit of a currency: one pair, or two through USD. */
export type FxRoute = readonly FxLeg[];

/** A currency's move against the base over a replay window ("EUR/USD": the major currency against the base), with the route it was read from. */
export interface FxMove extends ReplayCurrency {
  route: FxRoute | null;
}

const PIVOT = 'USD';
// An FX close this many days before the replay's last day still counts as that day's rate (a holiday, a late bar).
const STALE_DAYS = 4;

/** Every pair symbol a route from `currency` to `base` may read: direct, inverse, and both legs through USD either way. */
export function fxSymbolsFor(currency: string, base: string): string[] {
  const major = majorCurrency(currency);
  if (major === base) return [];
  const pairs =
    major === PIVOT || base === PIVOT
      ? [[major, base]]
      : [
          [major, base],
          [major, PIVOT],
          [PIVOT, base],
        ];
  return pairs.flatMap(([a, b]) => [fxPairSymbol(a, b), fxPairSymbol(b, a)]);
}

function legsOf(fx: PriceHistory, from: string, to: string): FxLeg[] {
  const legs: FxLeg[] = [];
  const direct = fx.get(fxPairSymbol(from, to));
  if (direct) legs.push({ series: direct, invert: false });
  const inverse = fx.get(fxPairSymbol(to, from));
  if (inverse) legs.push({ series: inverse, invert: true });
  return legs;
}

/** Candidate routes in order of preference: the direct pair, the inverse pair, then crosses through USD. */
function routesOf(fx: PriceHistory, currency: string, base: string): FxLeg[][] {
  const routes = legsOf(fx, currency, base).map((leg) => [leg]);
  if (currency !== PIVOT && base !== PIVOT)
    for (const a of legsOf(fx, currency, PIVOT)) for (const b of legsOf(fx, PIVOT, base)) routes.push([a, b]);
  return routes;
}

/** Units of the base per unit of the currency on `date` (closes on or before it); null before a leg's first close. */
export function rateAt(route: FxRoute, date: string): number | null {
  let rate = 1;
  for (const { series, invert } of route) {
    const i = indexAtOrBefore(series, date);
    if (i < 0) return null;
    rate *= invert ? 1 / series.closes[i] : series.closes[i];
  }
  return rate;
}

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Whether every leg has a close on or before `from` and a recent one on or before `end`. */
function covers(route: FxRoute, from: string, end: string): boolean {
  const earliest = daysBefore(end, STALE_DAYS);
  return route.every(({ series }) => indexAtOrBefore(series, from) >= 0 && series.dates[indexAtOrBefore(series, end)] >= earliest);
}

const rateText = (rate: number) => rate.toPrecision(5);

/** The first route (direct, inverse, then through USD) whose closes cover the window `from` → `end`; null when none does. */
export function fxRoute(fx: PriceHistory, currency: string, base: string, from: string, end: string): FxRoute | null {
  return routesOf(fx, majorCurrency(currency), majorCurrency(base)).find((r) => covers(r, from, end)) ?? null;
}

/**
 * Each currency of a book other than the base: its move against the base from the close on or before `from` to the one
 * on or before `end` (the replay's last day), read from stored pairs (direct, inverse or through USD), or why not.
 */
export function currencyMoves(currencies: readonly string[], base: string, fx: PriceHistory, from: string, end: string): FxMove[] {
  const out: FxMove[] = [];
  for (const currency of currencies) {
    const major = majorCurrency(currency);
    if (major === base) continue;
    const pair = `${major}/${base}`;
    const route = routesOf(fx, major, base).find((r) => covers(r, from, end));
    if (!route) {
      out.push({
        currency,
        pair,
        route: null,
        change: null,
        reason: `${pair}: no exchange-rate history over the window, refresh market data; ${currency} holdings replayed in local currency.`,
      });
      continue;
    }
    const first = rateAt(route, from)!;
    const last = rateAt(route, end)!;
    const change = last / first - 1;
    const via = route.length > 1 ? ` (through ${PIVOT})` : '';
    out.push({ currency, pair, route, change, reason: `${pair}${via} ${rateText(first)} → ${rateText(last)}: ${signedPercent(change)}` });
  }
  return out;
}

/** One sentence for a report on a replay's currencies: each one's move, or that it stayed in local currency for lack of history. */
export function currencySentence(base: string, moves: readonly ReplayCurrency[]): string {
  const parts = moves.map((m) =>
    m.change === null ? `${m.currency} holdings in local currency (no ${m.pair} history over the window)` : m.reason,
  );
  return `Currencies against ${base}: ${parts.join('; ')}.`;
}
