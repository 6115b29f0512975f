/**
 * Listed equity options as the stress engine will value them: the contract (OCC symbology), Black–Scholes value,
 * delta and gamma, and the full revaluation of a position under a shock to its underlying. European approximation
 * (American early exercise ignored) and dividends ignored, both stated in every result. Pure; no clock: the as-of
 * date is passed in.
 */
export interface OptionContract {
  underlying: string;
  /** Expiry date, YYYY-MM-DD. */
  expiry: string;
  strike: number;
  right: 'call' | 'put';
  /** Shares per contract: 100 unless stated. */
  multiplier: number;
}

export const OPTION_MODEL_NOTE = 'Black–Scholes, European approximation, dividends ignored';

// OCC option symbol: root (padded to 6), YYMMDD, C/P, strike × 1000 in 8 digits: "NVDA  250620C00150000".
const OCC = /^([A-Z][A-Z0-9.]{0,5})\s*(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/** Reads an OCC option symbol ("NVDA  250620C00150000"), or null when it is not one. */
export function parseOccSymbol(symbol: string, multiplier = 100): OptionContract | null {
  const m = OCC.exec(symbol.trim().toUpperCase());
  if (!m) return null;
  const [, root, yy, mm, dd, right, strike] = m;
  const expiry = `20${yy}-${mm}-${dd}`;
  if (Number.isNaN(Date.parse(`${expiry}T00:00:00Z`)) || new Date(`${expiry}T00:00:00Z`).toISOString().slice(0, 10) !== expiry) return null;
  return { underlying: root, expiry, strike: Number(strike) / 1000, right: right === 'C' ? 'call' : 'put', multiplier };
}

/** The OCC symbol of a contract, root padded to six characters. */
export function occSymbol(o: OptionContract): string {
  const [y, m, d] = o.expiry.split('-');
  return `${o.underlying.padEnd(6)}${y.slice(2)}${m}${d}${o.right === 'call' ? 'C' : 'P'}${String(Math.round(o.strike * 1000)).padStart(8, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** How a contract reads: "NVDA 20 Jun 2025 150 C". */
export function optionLabel(o: OptionContract): string {
  const [y, m, d] = o.expiry.split('-').map(Number);
  return `${o.underlying} ${d} ${MONTHS[m - 1]} ${y} ${o.strike} ${o.right === 'call' ? 'C' : 'P'}`;
}

const SQRT2 = Math.SQRT2;
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);

/** erf(x) by its everywhere-positive series (no cancellation), for |x| < 3. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  return 2 * INV_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x ≥ 3 by its continued fraction, evaluated from the tail. */
function erfcContinuedFraction(x: number): number {
  let f = x;
  for (let k = 120; k >= 1; k--) f = x + k / 2 / f;
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The standard normal distribution function Φ(z), to about 1e-15. */
export function normalCdf(z: number): number {
  const y = z / SQRT2;
  if (y > 3) return 1 - 0.5 * erfcContinuedFraction(y);
  if (y < -3) return 0.5 * erfcContinuedFraction(-y);
  return 0.5 * (1 + erfSeries(y));
}

const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

export interface OptionValue {
  /** Per share of underlying (multiply by the contract multiplier for a contract). */
  price: number;
  delta: number;
  gamma: number;
  /** True when the time to expiry is zero or less: valued at intrinsic value. */
  isExpired: boolean;
}

/**
 * Black–Scholes value, delta and gamma of one option per share: spot S, strike K, years to expiry T, annual volatility
 * σ and continuously compounded rate r. At or after expiry: intrinsic value, delta 0 or ±1, gamma 0.
 */
export function blackScholes(
  right: OptionContract['right'],
  spot: number,
  strike: number,
  years: number,
  volatility: number,
  rate: number,
): OptionValue {
  if (!(spot >= 0) || !(strike > 0) || !(volatility > 0) || !Number.isFinite(years) || !Number.isFinite(rate)) {
    throw new Error(
      `Black–Scholes needs spot ≥ 0, strike > 0 and volatility > 0 (got spot ${spot}, strike ${strike}, volatility ${volatility}, years ${years}, rate ${rate}).`,
    );
  }
  if (years <= 0 || spot === 0) {
    const itm = right === 'call' ? spot > strike : spot < strike;
    const intrinsic = right === 'call' ? Math.max(0, spot - strike) : Math.max(0, strike - spot);
    return { price: intrinsic, delta: itm ? (right === 'call' ? 1 : -1) : 0, gamma: 0, isExpired: years <= 0 };
  }
  const sd = volatility * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + (volatility * volatility) / 2) * years) / sd;
  const d2 = d1 - sd;
  const discount = strike * Math.exp(-rate * years);
  const gamma = normalPdf(d1) / (spot * sd);
  if (right === 'call') return { price: spot * normalCdf(d1) - discount * normalCdf(d2), delta: normalCdf(d1), gamma, isExpired: false };
  return { price: discount * normalCdf(-d2) - spot * normalCdf(-d1), delta: normalCdf(d1) - 1, gamma, isExpired: false };
}

/** Years between two YYYY-MM-DD dates (actual days / 365). */
export function yearsBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (365 * 86_400_000);
}

export interface OptionStress {
  valueBefore: number;
  valueAfter: number;
  pnl: number;
  /** The option's own price change, after / before − 1 (null when it was worth nothing). */
  change: number | null;
  before: OptionValue;
  after: OptionValue;
  /** "NVDA −10% → NVDA 20 Jun 2025 150 C −41% (delta 0.62, gamma 0.018, vol 48% estimated)". */
  why: string;
}

const pct = (x: number) => {
  const v = Math.round(x * 1000) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}%`;
};

/**
 * Full revaluation of an option position when its underlying moves by `underlyingChange` at once, on `asOf`: value
 * before and after (contracts × multiplier × price; negative contracts are written, so a written option can lose more
 * than its premium), with delta, gamma and the volatility's origin in the why-text.
 */
export function stressOption(
  contract: OptionContract,
  position: { contracts: number; underlyingPrice: number },
  shock: { underlyingChange: number; asOf: string; volatility: number; isVolatilityEstimated: boolean; rate: number },
): OptionStress {
  const years = yearsBetween(shock.asOf, contract.expiry);
  const shocked = position.underlyingPrice * Math.max(0, 1 + shock.underlyingChange);
  const before = blackScholes(contract.right, position.underlyingPrice, contract.strike, years, shock.volatility, shock.rate);
  const after = blackScholes(contract.right, shocked, contract.strike, years, shock.volatility, shock.rate);
  const size = position.contracts * contract.multiplier;
  const valueBefore = size * before.price;
  const valueAfter = size * after.price;
  const change = before.price > 0 ? after.price / before.price - 1 : null;
  const greeks = before.isExpired
    ? 'expired: intrinsic value'
    : `delta ${before.delta.toFixed(2)}, gamma ${before.gamma.toFixed(3)}, vol ${Math.round(shock.volatility * 100)}%${shock.isVolatilityEstimated ? ' estimated' : ''}`;
  return {
    valueBefore,
    valueAfter,
    pnl: valueAfter - valueBefore,
    change,
    before,
    after,
    why: `${contract.underlying} ${pct(shock.underlyingChange)} → ${optionLabel(contract)} ${change === null ? 'worth nothing before' : pct(change)} (${greeks}; ${OPTION_MODEL_NOTE})`,
  };
}

/** Trading days a year, to annualise daily volatility. */
export const TRADING_DAYS = 252;

/**
 * Annualised historical volatility from the last `days` daily log returns of a series of closes (oldest first): the
 * sample standard deviation × √252. Null when there are fewer than `days` + 1 closes or a close is not positive.
 */
export function historicalVolatility(closes: readonly number[], days = 60): number | null {
  if (closes.length < days + 1) return null;
  const tail = closes.slice(-(days + 1));
  if (tail.some((c) => !(c > 0))) return null;
  const returns = tail.slice(1).map((c, i) => Math.log(c / tail[i]));
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * TRADING_DAYS);
}
