import type { Database } from 'better-sqlite3';
import { historicalVolatility, occSymbol, parseOccSymbol } from '../../shared/domain/options';
import type { AssetClass } from '../../shared/domain/types';
import { optionFromText } from '../../shared/import/option-rows';
import { AppError } from '../../shared/ipc/result';
import type { Position } from '../../shared/domain/types';
import { DEFAULT_OPTION_RATE, type OptionMarket, type OptionRateSetting } from '../../shared/engine/options-pass';
import { daysBetween } from '../../shared/health/dates';
import { listCloseSeries } from '../db/prices';
import { listQuotes } from '../db/quotes';
import { getSetting, setSetting } from '../db/settings';

/** The setting holding the rate options are valued at (a fraction, e.g. 0.04), default DEFAULT_OPTION_RATE. */
export const OPTION_RATE_KEY = 'option_rate';

/** The rates a user may set: a fraction above −5% and below 50%. */
export const OPTION_RATE_RANGE = { above: -0.05, below: 0.5 } as const;

/** The rate options are valued at: the setting when it is a sensible fraction, else 4%. */
export function optionRate(db: Database): number {
  return optionRateSetting(db).rate;
}

/** The option valuation rate and whether it is the default (no rate set, or one outside the range). */
export function optionRateSetting(db: Database): OptionRateSetting {
  const saved = getSetting<number>(db, OPTION_RATE_KEY);
  const isSet = typeof saved === 'number' && Number.isFinite(saved) && saved > OPTION_RATE_RANGE.above && saved < OPTION_RATE_RANGE.below;
  return isSet ? { rate: saved, isDefault: false } : { rate: DEFAULT_OPTION_RATE, isDefault: true };
}

/** Sets the option valuation rate (a fraction, 0.045 = 4.5%); null goes back to the default. */
export function setOptionRate(db: Database, rate: number | null): OptionRateSetting {
  if (rate === null) db.prepare('DELETE FROM settings WHERE key = :key').run({ key: OPTION_RATE_KEY });
  else setSetting(db, OPTION_RATE_KEY, rate);
  return optionRateSetting(db);
}

/** A price older than this on the valuation date is called old where the option's move is explained. */
const OLD_PRICE_DAYS = 7;

/** The source of an underlying's price, saying how old it is on `today` when that is more than a week. */
function dated(source: string, asOf: string, today: string): string {
  const days = daysBetween(asOf, today);
  return days > OLD_PRICE_DAYS ? `${source}, ${days} days before the valuation date: update market data for a current value` : source;
}

/**
 * What the engine needs to revalue a portfolio's options (docs/stress-semantics.md §11), valued on `today`: each
 * underlying's price — the portfolio's own price for it when it holds it, else the latest downloaded quote, else the
 * last bundled or downloaded close up to today — and its 60-day historical volatility from those closes (used, and
 * flagged "estimated", when the position gives none). Undefined when the portfolio holds no option.
 */
export function optionMarketOf(db: Database, positions: readonly Position[], today: string): OptionMarket | undefined {
  const underlyings = [
    ...new Set(
      positions.flatMap((p) =>
        p.multiplier !== undefined || parseOccSymbol(p.symbol) ? [parseOccSymbol(p.symbol)?.underlying ?? ''] : [],
      ),
    ),
  ].filter((u) => u !== '');
  if (underlyings.length === 0) return undefined;
  const quotes = new Map(listQuotes(db, underlyings).map((q) => [q.symbol, q]));
  const closes = listCloseSeries(db, underlyings, today);
  const held = new Map<string, number>();
  for (const p of positions) if (p.price !== null && p.price > 0 && !held.has(p.symbol)) held.set(p.symbol, p.price);
  const market: OptionMarket = { asOf: today, rate: optionRate(db), underlyings: {} };
  for (const u of underlyings) {
    const series = closes.get(u)?.closes ?? [];
    const dates = closes.get(u)?.dates ?? [];
    const quote = quotes.get(u);
    const [price, priceSource] =
      held.get(u) !== undefined
        ? [held.get(u)!, 'the portfolio’s own price']
        : quote
          ? [quote.price, dated(`quote of ${quote.asOf}`, quote.asOf, today)]
          : series.length
            ? [series[series.length - 1], dated(`close of ${dates[dates.length - 1]}`, dates[dates.length - 1], today)]
            : [null, ''];
    market.underlyings[u] = { price, volatility: historicalVolatility(series), ...(priceSource ? { priceSource } : {}) };
  }
  return market;
}

/**
 * A typed option ("NVDA 250620C150", "NVDA 06/20/2025 150 C", an OCC symbol) is kept under its OCC symbol with its
 * multiplier (100 unless given) and asset class "other"; the price is per contract. Anything else is left as typed,
 * and a multiplier or volatility on a non-option is refused. For positions and proposal positions alike.
 */
export function withOption<T extends { symbol: string; multiplier?: number | null; volatility?: number | null; assetClass?: AssetClass }>(
  input: T,
): T {
  const option = optionFromText(input.symbol, input.multiplier ?? 100);
  if (!option) {
    if (input.multiplier != null)
      throw new AppError('validation', `${input.symbol} is not an option symbol (such as NVDA 250620C150), so it takes no multiplier.`);
    if (input.volatility != null)
      throw new AppError('validation', `${input.symbol} is not an option symbol (such as NVDA 250620C150), so it takes no volatility.`);
    return input;
  }
  return { ...input, symbol: occSymbol(option), multiplier: option.multiplier, assetClass: input.assetClass ?? 'other' };
}
