import { blackScholes, OPTION_MODEL_NOTE, optionLabel, parseOccSymbol, yearsBetween, type OptionContract } from '../domain/options';
import { formatMoney, signedPercent } from '../format';
import type { FundLookThrough, LeverageLink, SecurityKey } from './book';
import { composeReturn, type CurrencyMove } from './match';
import { COVERAGE_PARTS, coveragePartOf, type CoveragePart } from './parts';
import { leveragedMove, type Evaluator } from './run';

/**
 * Listed options under a scenario, by full revaluation (docs/stress-semantics.md §11): an option position's P&L is
 * contracts × multiplier × (Black–Scholes value at the underlying's shocked price − value at today's price), the
 * underlying's move being the one the engine gives that security if it were held (its own precedence: symbol, rates,
 * theme, industry, sector, …, through its fund holdings or as multiplier × stand-in where it is such a fund). Kept
 * apart from the per-security passes: the book lists option positions as groups of their own (one position each, as
 * P&L is per contract, not proportional to the imported value), and `moveOfGroup` asks this module how each moves.
 */

/** What valuing options needs beyond the positions: the valuation date, a rate, and each underlying's price and volatility. */
export interface OptionMarket {
  /** Time to expiry counts from this date (the scenario's as-of date, else the caller's today), YYYY-MM-DD. */
  asOf: string;
  /** Continuously compounded annual risk-free rate (0.04 = 4%). */
  rate: number;
  /**
   * Per underlying symbol (upper-case): its price today in the option's currency (null: not known), and its annualised
   * 60-day historical volatility when it could be estimated from closes (null: not known).
   */
  underlyings: Record<string, { price: number | null; volatility: number | null; priceSource?: string }>;
}

/** The rate assumed when the caller states none. */
export const DEFAULT_OPTION_RATE = 0.04;
/** The volatility assumed when neither the position nor the underlying's history gives one (stated in the result). */
export const DEFAULT_OPTION_VOLATILITY = 0.3;

export type VolatilitySource = 'position' | 'estimated' | 'default';

/** One option position as the engine values it (Book.options). */
export interface OptionHolding {
  positionId: number;
  /** Index of its own group in Book.groups. */
  group: number;
  contract: OptionContract;
  /** Contracts held; negative when written. */
  contracts: number;
  /** Its imported value in its own currency (contracts × price per contract). */
  localValue: number;
  /** The underlying as a security of the book, with its fund holdings or leverage link when it is such a fund. */
  underlying: SecurityKey;
  underlyingFund: FundLookThrough | null;
  underlyingLeverage: LeverageLink | null;
  underlyingPrice: number | null;
  /** Where that price comes from ("close of 2025-04-04"), when the caller said. */
  priceSource: string | null;
  volatility: number;
  volatilitySource: VolatilitySource;
  asOf: string | null;
  rate: number;
  /** At or past expiry on the valuation date: valued at intrinsic value. */
  isExpired: boolean;
  /** Why it cannot be revalued (coverage "no price", with this reason); null when it can. */
  notTested: string | null;
}

/** The interest rate options are valued at, as a setting: 4% (DEFAULT_OPTION_RATE) unless the user set another. */
export interface OptionRateSetting {
  /** A fraction: 0.04 = 4%. */
  rate: number;
  isDefault: boolean;
}

/** What a revalued option shows: value before and after (its own currency), the greeks before, and the volatility used. */
export interface OptionDetail {
  label: string;
  underlying: string;
  underlyingPrice: number;
  underlyingChange: number;
  /** Model values of the position, contracts × multiplier × Black–Scholes price. */
  valueBefore: number;
  valueAfter: number;
  delta: number;
  gamma: number;
  volatility: number;
  volatilitySource: VolatilitySource;
  rate: number;
  years: number;
  isExpired: boolean;
}

/** The volatility an option is valued at: the position's, else its underlying's estimate, else the stated default. */
function volatilityOf(p: { volatility?: number | null }, u: OptionMarket['underlyings'][string] | undefined): [number, VolatilitySource] {
  const own = p.volatility ?? null;
  if (own !== null && own > 0) return [own, 'position'];
  if (u?.volatility != null && u.volatility > 0) return [u.volatility, 'estimated'];
  return [DEFAULT_OPTION_VOLATILITY, 'default'];
}

/**
 * An option position's delta-adjusted exposure to its underlying, in its own currency: contracts × multiplier × delta ×
 * the underlying's price (what holding that many shares would be worth). Null without a valuation date or price.
 */
export function optionDeltaExposure(
  p: { symbol: string; quantity: number; multiplier?: number; volatility?: number | null },
  market: OptionMarket | undefined,
): { underlying: string; delta: number; exposure: number; volatility: number; volatilitySource: VolatilitySource } | null {
  const contract = parseOccSymbol(p.symbol, p.multiplier ?? 100);
  const u = contract ? market?.underlyings[contract.underlying] : undefined;
  if (!contract || !market || !u || u.price === null || !(u.price > 0)) return null;
  const [volatility, volatilitySource] = volatilityOf(p, u);
  const years = yearsBetween(market.asOf, contract.expiry);
  const { delta } = blackScholes(contract.right, u.price, contract.strike, years, volatility, market.rate);
  return {
    underlying: contract.underlying,
    delta,
    exposure: p.quantity * contract.multiplier * delta * u.price,
    volatility,
    volatilitySource,
  };
}

/** Reads an option position's contract, price, volatility and date into what the engine values (prepareBook). */
export function optionHolding(
  p: { id: number; quantity: number; volatility?: number | null },
  contract: OptionContract,
  localValue: number,
  underlying: { key: SecurityKey; fund: FundLookThrough | null; leverage: LeverageLink | null },
  market: OptionMarket | undefined,
): Omit<OptionHolding, 'group'> {
  const u = market?.underlyings[contract.underlying.toUpperCase()];
  const [volatility, volatilitySource] = volatilityOf(p, u);
  const price = u?.price != null && u.price > 0 ? u.price : null;
  const asOf = market?.asOf ?? null;
  const label = optionLabel(contract);
  const notTested = !market
    ? `Not tested: no valuation date or market data was given for ${label}, so it is not revalued.`
    : price === null
      ? `Not tested: no price for ${contract.underlying}, the underlying of ${label}, so it cannot be revalued.`
      : localValue === 0
        ? `Not tested: ${label} has no price or market value of its own, so its P&L cannot be set against a value.`
        : null;
  return {
    positionId: p.id,
    contract,
    contracts: p.quantity,
    localValue,
    underlying: underlying.key,
    underlyingFund: underlying.fund,
    underlyingLeverage: underlying.leverage,
    underlyingPrice: price,
    priceSource: price !== null ? (u?.priceSource ?? null) : null,
    volatility,
    volatilitySource,
    asOf,
    rate: market?.rate ?? DEFAULT_OPTION_RATE,
    isExpired: asOf !== null && yearsBetween(asOf, contract.expiry) <= 0,
    notTested,
  };
}

/** How the underlying moves under the scenario, as the engine moves that security held in the option's currency. */
export interface UnderlyingMove {
  /** Local price change, and its low and high ends where part of it was estimated. */
  change: number;
  low: number;
  high: number;
  fx: CurrencyMove;
  /** Its coverage partition (shares summing to 1) and the value share each shock reached, by shock index. */
  shares: Record<CoveragePart, number>;
  byShock: Float64Array;
  unclassifiedSymbols: readonly string[];
  /** What moved it, in words. */
  reason: string;
}

/** The option's move: return on its imported value, coverage shares, shocks reached and the why-text. */
export interface OptionMove {
  return: number;
  low: number;
  high: number;
  shares: Record<CoveragePart, number>;
  byShock: Float64Array;
  unclassifiedSymbols: readonly string[];
  applied: string;
  detail: OptionDetail | null;
}

const emptyShares = () => Object.fromEntries(COVERAGE_PARTS.map((p) => [p, 0])) as Record<CoveragePart, number>;

const volatilityText = (h: Pick<OptionHolding, 'volatility' | 'volatilitySource'>) =>
  `vol ${Math.round(h.volatility * 100)}%${h.volatilitySource === 'estimated' ? ' estimated' : h.volatilitySource === 'default' ? ' assumed (no volatility given or estimated)' : ''}`;

/** A number to `digits` places with a true minus sign ("−0.31"). */
const fixed = (x: number, digits: number) => {
  const text = Math.abs(x).toFixed(digits);
  return `${x < 0 && Number(text) !== 0 ? '\u2212' : ''}${text}`;
};

/** Contracts × multiplier × Black–Scholes price of the holding at underlying price `spot`. */
export function optionPositionValue(h: OptionHolding, spot: number): number {
  const years = yearsBetween(h.asOf!, h.contract.expiry);
  return h.contracts * h.contract.multiplier * blackScholes(h.contract.right, spot, h.contract.strike, years, h.volatility, h.rate).price;
}

/** A not-tested option: no price move; only its currency moves its imported value. */
export function untestedOptionMove(h: OptionHolding, fx: CurrencyMove, shockCount: number): OptionMove {
  const shares = emptyShares();
  shares.noPrice = 1;
  const byShock = new Float64Array(shockCount);
  if (fx.shockIndex !== null) byShock[fx.shockIndex] += 1;
  return {
    return: fx.change,
    low: fx.change,
    high: fx.change,
    shares,
    byShock,
    unclassifiedSymbols: [],
    applied: fx.reason ? `${h.notTested}; ${fx.reason}` : h.notTested!,
    detail: null,
  };
}

/**
 * Full revaluation of an option holding under its underlying's move: P&L (own currency) = contracts × multiplier ×
 * (BS at price × (1 + change) − BS at price), as a return on its imported value, then its currency's move; coverage and
 * shocks are its underlying's. A written option (negative contracts) loses when the option gains, without a cap.
 */
export function revalueOption(h: OptionHolding, u: UnderlyingMove, currency: string, wantText: boolean): OptionMove {
  const spot = h.underlyingPrice!;
  const before = optionPositionValue(h, spot);
  const at = (change: number) => optionPositionValue(h, spot * Math.max(0, 1 + change));
  const after = at(u.change);
  const localReturn = (valueAfter: number) => (valueAfter - before) / h.localValue;
  const r = localReturn(after);
  const lo = u.low === u.change ? r : localReturn(at(u.low));
  const hi = u.high === u.change ? r : localReturn(at(u.high));
  const years = yearsBetween(h.asOf!, h.contract.expiry);
  const greeks = blackScholes(h.contract.right, spot, h.contract.strike, years, h.volatility, h.rate);
  const label = optionLabel(h.contract);
  let applied = '';
  if (wantText) {
    const own = before !== 0 ? signedPercent(after / before - 1) : 'from nothing';
    const how = h.isExpired
      ? `expired on ${h.contract.expiry}: valued at intrinsic value`
      : `delta ${fixed(greeks.delta, 2)}, gamma ${fixed(greeks.gamma, 3)}, ${volatilityText(h)}`;
    applied =
      `${h.contract.underlying} ${signedPercent(u.change)} → ${label} ${own} (${how})` +
      `; ${h.contract.underlying} at ${formatMoney(spot, currency)}${h.priceSource ? ` (${h.priceSource})` : ''}` +
      `; model value ${formatMoney(before, currency)} → ${formatMoney(after, currency)} ${h.contracts < 0 ? '(written: the loss is not capped by the premium) ' : ''}` +
      `(${h.contract.underlying}: ${u.reason.replace(/\.$/, '')})${u.fx.reason ? `; ${u.fx.reason}` : ''}; ${OPTION_MODEL_NOTE}, rate ${(h.rate * 100).toFixed(1)}%`;
  }
  return {
    return: composeReturn(r, u.fx.change),
    low: composeReturn(Math.min(lo, hi), u.fx.change),
    high: composeReturn(Math.max(lo, hi), u.fx.change),
    shares: { ...u.shares },
    byShock: u.byShock,
    unclassifiedSymbols: u.unclassifiedSymbols,
    applied,
    detail: {
      label,
      underlying: h.contract.underlying,
      underlyingPrice: spot,
      underlyingChange: u.change,
      valueBefore: before,
      valueAfter: after,
      delta: greeks.delta,
      gamma: greeks.gamma,
      volatility: h.volatility,
      volatilitySource: h.volatilitySource,
      rate: h.rate,
      years,
      isExpired: h.isExpired,
    },
  };
}

/** A directly held security's move (no fund, no leverage) as an underlying move: its price and currency, one coverage part. */
export function directUnderlyingMove(
  key: SecurityKey,
  move: { price: Parameters<typeof coveragePartOf>[0]; fx: CurrencyMove },
  currencyCovers: boolean,
  shockCount: number,
): UnderlyingMove {
  const byCurrencyOnly = move.price.kind === 'none' && !move.price.noPrice && move.fx.shockIndex !== null && currencyCovers;
  const part: CoveragePart = byCurrencyOnly ? 'explicit' : coveragePartOf(move.price, key);
  const shares = emptyShares();
  shares[part] = 1;
  const byShock = new Float64Array(shockCount);
  if (move.price.shockIndex !== null) byShock[move.price.shockIndex] += 1;
  if (move.fx.shockIndex !== null) byShock[move.fx.shockIndex] += 1;
  const change = move.price.change;
  return {
    change,
    low: move.price.band?.low ?? change,
    high: move.price.band?.high ?? change,
    fx: move.fx,
    shares,
    byShock,
    unclassifiedSymbols: part === 'unclassified' ? [key.symbol] : [],
    reason: move.price.reason,
  };
}

/** The findings a book's options give, for its issues: expired contracts, assumed volatility, underlyings without a price. */
export function optionFindings(holdings: readonly Omit<OptionHolding, 'group'>[]): string[] {
  const findings: string[] = [];
  const list = (hs: readonly Omit<OptionHolding, 'group'>[]) => [...new Set(hs.map((h) => optionLabel(h.contract)))].join(', ');
  const expired = holdings.filter((h) => h.isExpired && h.notTested === null);
  if (expired.length) findings.push(`Expired options valued at intrinsic value: ${list(expired)}.`);
  const assumed = holdings.filter((h) => h.volatilitySource === 'default' && h.notTested === null);
  if (assumed.length)
    findings.push(
      `No volatility given or estimated from 60 days of closes for ${list(assumed)}: ${Math.round(DEFAULT_OPTION_VOLATILITY * 100)}% assumed.`,
    );
  const untested = holdings.filter((h) => h.notTested !== null);
  if (untested.length) findings.push(`Options not tested (no underlying price or valuation date): ${list(untested)}.`);
  return findings;
}

/** The local move of something whose return includes its currency's move. */
const localOf = (r: number, fx: number) => (1 + r) / (1 + fx) - 1;

/**
 * How the engine moves an option's underlying held in `currency`: multiplier × stand-in for a leveraged fund, through
 * its listed holdings for a looked-through fund, else directly (as moveOfGroup would move a position in it).
 */
export function underlyingMoveOf(evaluate: Evaluator, h: OptionHolding, currency: string, wantText: boolean): UnderlyingMove {
  const key = h.underlying;
  const fx = evaluate.slice(key, currency).fx;
  if (h.underlyingLeverage !== null && evaluate.isLeveraged({ leverage: h.underlyingLeverage, key })) {
    const lev = leveragedMove(evaluate, h.underlyingLeverage, key, currency, wantText);
    return {
      change: lev.price,
      low: localOf(lev.move.low, fx.change),
      high: localOf(lev.move.high, fx.change),
      fx,
      shares: { ...lev.move.shares },
      byShock: lev.byShock,
      unclassifiedSymbols: lev.unclassifiedSymbols,
      reason: lev.move.applied.replace(/; held over several days.*$/, ''),
    };
  }
  if (h.underlyingFund !== null && evaluate.isLookedThrough({ fund: h.underlyingFund, key })) {
    const f = evaluate.fund(h.underlyingFund, key, currency);
    return {
      change: localOf(f.return, fx.change),
      low: localOf(f.low, fx.change),
      high: localOf(f.high, fx.change),
      // The fund's currency is in its own return: the option composes it once, on top of the local move.
      fx,
      shares: { ...f.shares },
      byShock: f.byShock,
      unclassifiedSymbols: f.unclassifiedSymbols,
      reason: `through ${h.underlyingFund.constituents.length} listed holdings of ${key.symbol} (as of ${h.underlyingFund.asOf})`,
    };
  }
  return directUnderlyingMove(key, evaluate.slice(key, currency), evaluate.currencyCovers, evaluate.shockCount);
}

/** An option holding's move under the evaluator's scenario: revalued on its underlying's move, or not tested with the reason. */
export function optionGroupMove(evaluate: Evaluator, h: OptionHolding, currency: string, wantText: boolean): OptionMove {
  if (h.notTested !== null) return untestedOptionMove(h, evaluate.slice(h.underlying, currency).fx, evaluate.shockCount);
  return revalueOption(h, underlyingMoveOf(evaluate, h, currency, wantText), currency, wantText);
}
