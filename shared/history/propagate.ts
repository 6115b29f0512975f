import { failure, type Failure } from '../failure';
import type { Book, SecurityKey } from '../engine/book';
import { compileScenario, type Provenance } from '../engine/match';
import { signedPercent } from '../format';
import { runScenario, type Dimension, type HistoryUse, type StressResult } from '../engine/run';
import type { Scenario, Shock } from '../engine/scenario';
import type { ProxyConfig } from './proxies';
import { countOf, listNames } from '../format';
import { correlatedSd, fitMove, PROPAGATION_MODEL, standardised } from './estimator';
import { BAND_Z } from './estimator';
import { basketReturns, calendarOf, returnsOn, type PriceHistory, type PriceSeries } from './series';

/*
 * Propagation (docs/stress-semantics.md §7), the method and why:
 * - Each shocked group is mapped to one proxy series (a symbol's own closes, a sector or industry fund, an equal-weight
 *   basket of a theme's members, the market fund).
 * - For every slice no shock names, its daily returns are regressed on the proxies' daily returns over the last
 *   ESTIMATION_DAYS trading days before the as-of date (at least MIN_OBSERVATIONS, about six months). OLS slopes are
 *   Σ_iP Σ_PP⁻¹, so β·s is the conditional expectation E[r_i | r_P = s] under the sample covariance — the textbook
 *   predictive-stress estimator. With 3 to 6 proxies and 500 to 750 days the covariance of the proxies is well
 *   determined (≥ 80 observations per parameter), so we do not shrink it; collinear proxies are refused instead.
 * - "Unnamed" includes holdings only the catch-all market shock reaches: with propagation on, the market shock is one
 *   more conditioning proxy (SPY), so each holding moves by its own beta to it instead of the flat market figure.
 * - The estimator is PROPAGATION_MODEL (estimator.ts), chosen by the backtest of every stress day since 2021
 *   (backtest.ts): observations weighted with a 120-day half-life, no shrinkage, and a 95% prediction band that holds
 *   the residual (idiosyncratic) variance as well as the slopes' estimation error, so it contains the actual move on
 *   about 93% of (ticker, stress day) pairs instead of 30%.
 */

export const MIN_OBSERVATIONS = PROPAGATION_MODEL.minObservations;
export const ESTIMATION_DAYS = PROPAGATION_MODEL.estimationDays;

/** One shocked group's stand-in series, with the shock it takes. */
export interface ProxyShock {
  label: string;
  shock: string;
  change: number;
  /** Symbols whose returns make it (several for a theme basket). */
  symbols: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** The proxy series for one shock, or why it has none. */
function proxyFor(shock: Shock, history: PriceHistory, config: ProxyConfig): { label: string; symbols: string[] } | Failure {
  const has = (s: string) => history.has(s.toUpperCase());
  const single = (symbol: string | undefined, what: string) =>
    symbol && has(symbol)
      ? { label: symbol.toUpperCase(), symbols: [symbol.toUpperCase()] }
      : failure(`${what} has no proxy series with history`);
  switch (shock.target) {
    case 'symbol':
      return single(shock.value, `symbol ${shock.value}`);
    case 'industry':
      return single(config.industryFunds[norm(shock.value)], `industry ${shock.value}`);
    case 'sector':
      return single(config.sectorFunds[norm(shock.value)], `sector ${shock.value}`);
    case 'market':
      return single(config.market, 'the market');
    case 'theme': {
      const members = (config.themeMembers[norm(shock.value)] ?? []).map((s) => s.toUpperCase()).filter(has);
      return members.length
        ? { label: `${shock.value} basket`, symbols: members }
        : failure(`theme ${shock.value} has no member with history`);
    }
    default:
      return failure(`${shock.target} shocks are not propagated`);
  }
}

/** Maps a scenario's enabled shocks to distinct proxy series; notes the shocks that have none. */
export function proxyShocks(
  scenario: Scenario,
  history: PriceHistory,
  config: ProxyConfig,
  scale = 1,
): { proxies: ProxyShock[]; notes: string[] } {
  const proxies: ProxyShock[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const shock of scenario.shocks) {
    if (!shock.enabled || shock.target === 'currency') continue;
    const found = proxyFor(shock, history, config);
    if ('error' in found) {
      notes.push(
        `Not propagated from ${shock.target === 'market' ? 'the market shock' : `${shock.target} ${shock.value}`}: ${found.error}.`,
      );
      continue;
    }
    if (seen.has(found.label)) continue;
    seen.add(found.label);
    proxies.push({
      ...found,
      shock: shock.target === 'market' ? 'market' : `${shock.target} ${shock.value}`,
      change: shock.change * scale,
    });
  }
  return { proxies, notes };
}

/** Daily returns of the proxies on the estimation calendar (the last ESTIMATION_DAYS + 1 proxy dates up to asOf). */
function proxyReturns(proxies: readonly ProxyShock[], history: PriceHistory, asOf: string) {
  const series = proxies.flatMap((p) => p.symbols.map((s) => history.get(s)!));
  const calendar = calendarOf(series, '0000-01-01', asOf).slice(-(ESTIMATION_DAYS + 1));
  const returns = proxies.map((p) =>
    p.symbols.length === 1
      ? returnsOn(history.get(p.symbols[0])!, calendar)
      : basketReturns(
          p.symbols.map((s) => returnsOn(history.get(s)!, calendar)),
          calendar.length,
        ),
  );
  return { calendar, returns };
}

/** Names what a move is made of: "β 1.30 to SMH × −17.1% + β 0.20 to SPY × −1.5%". */
function provenanceText(proxies: readonly ProxyShock[], betas: readonly number[]): string {
  const beta = (b: number) => (Math.round(b * 100) < 0 ? '−' : '') + Math.abs(b).toFixed(2);
  return proxies.map((p, j) => `β ${beta(betas[j])} to ${p.label} × ${signedPercent(p.change)}`).join(' + ');
}

/**
 * Propagated moves for every security of the book that no shock names (and that is not itself a proxy), keyed by
 * upper-case symbol, with the estimation window and notes on what could not be propagated.
 */
export function propagationMoves(
  book: Book,
  scenario: Scenario,
  history: PriceHistory,
  config: ProxyConfig,
  options: { asOf: string; scale?: number },
): { overrides: Map<string, Provenance>; use: HistoryUse; residuals: Map<string, Float64Array> } {
  const scale = options.scale ?? 1;
  const { proxies, notes } = proxyShocks(scenario, history, config, scale);
  const overrides = new Map<string, Provenance>();
  const residuals = new Map<string, Float64Array>();
  const method = `Least squares of daily returns on the shocked proxy series over up to ${ESTIMATION_DAYS} trading days to ${options.asOf} (at least ${MIN_OBSERVATIONS}), weighted with a ${PROPAGATION_MODEL.halfLife}-day half-life; move = Σ β × shock; 95% band from the slopes' estimation error and the residual (idiosyncratic) variance`;
  if (proxies.length === 0) {
    notes.unshift('Propagation off: no shock maps to a proxy series with price history.');
    return { overrides, residuals, use: { mode: 'propagation', from: options.asOf, to: options.asOf, method, notes, proxies: [] } };
  }
  // A proxy with too little history (a recent listing) cannot be estimated against: it is dropped, with a note.
  const all = proxyReturns(proxies, history, options.asOf);
  const kept = proxies.map((p, j) => ({ p, r: all.returns[j], days: all.returns[j].reduce((n, x) => n + (Number.isNaN(x) ? 0 : 1), 0) }));
  for (const k of kept)
    if (k.days < MIN_OBSERVATIONS)
      notes.push(
        `Not propagated from ${k.p.shock}: ${k.p.label} has only ${k.days} days of returns to ${options.asOf} (needs ${MIN_OBSERVATIONS}).`,
      );
  const usable = kept.filter((k) => k.days >= MIN_OBSERVATIONS);
  proxies.splice(0, proxies.length, ...usable.map((k) => k.p));
  if (proxies.length === 0) {
    notes.unshift('Propagation off: no shocked proxy series has enough price history.');
    return { overrides, residuals, use: { mode: 'propagation', from: options.asOf, to: options.asOf, method, notes, proxies: [] } };
  }
  const calendar = all.calendar;
  const returns = usable.map((k) => k.r);
  const compiled = compileScenario(scenario, scale);
  const proxySymbols = new Set(proxies.filter((p) => p.symbols.length === 1).map((p) => p.symbols[0]));
  const shocks = proxies.map((p) => p.change);
  const missing: string[] = [];
  const short: string[] = [];
  const estimate = (key: SecurityKey, series: PriceSeries | undefined) => {
    if (!series) return void missing.push(key.symbol);
    const fit = fitMove(returnsOn(series, calendar), returns, shocks, PROPAGATION_MODEL);
    if ('error' in fit) return void short.push(key.symbol);
    residuals.set(key.match.symbol, standardised(fit.residuals));
    overrides.set(key.match.symbol, {
      kind: 'propagated',
      level: null,
      shockIndex: null,
      change: Math.max(-1, fit.mid),
      band: { low: Math.max(-1, fit.low), high: Math.max(-1, fit.high) },
      reason: `Propagated: ${provenanceText(proxies, fit.betas)} = ${signedPercent(fit.mid)} (band ${signedPercent(fit.low)} to ${signedPercent(fit.high)}; ${fit.observations} days to ${calendar[calendar.length - 1]})`,
    });
  };
  const fundKeys = new Set(book.positions.filter((p) => p.fund !== null).map((p) => p.key));
  for (const key of book.keys) {
    if (key.assetClass === 'cash' || proxySymbols.has(key.match.symbol) || overrides.has(key.match.symbol)) continue;
    const natural = compiled.priceShock(key).kind;
    // A fund's own series also moves its unlisted rest, which no symbol-level shock names.
    if (natural !== 'none' && natural !== 'market' && !fundKeys.has(key)) continue;
    estimate(key, history.get(key.match.symbol));
  }
  if (missing.length)
    notes.push(`Propagation off for ${countOf(missing.length, 'holding')} without price history: ${listNames(missing, 12)}.`);
  if (short.length)
    notes.push(
      `Propagation off for ${countOf(short.length, 'holding')} with less than ${MIN_OBSERVATIONS} days of history: ${listNames(short, 12)}.`,
    );
  return {
    overrides,
    residuals,
    use: {
      mode: 'propagation',
      from: calendar[0],
      to: calendar[calendar.length - 1],
      method,
      notes,
      moves: Object.fromEntries(overrides),
      proxies: proxies.map((p) => ({ symbol: p.label, shock: p.shock, change: p.change })),
    },
  };
}

/**
 * The total's 95% band with correlations: each propagated position's band is ±1.96 × (its value × its move's sd); the
 * total's sd is that of Σ value_i sd_i z_i(t) over the estimation days, z_i being holding i's standardised residuals,
 * so holdings whose own moves go together widen it and those that offset narrow it. A position with a band but no
 * residuals of its own (a fund moved through its holdings) is added at full width.
 */
export function correlatedBand(
  result: StressResult,
  residuals: ReadonlyMap<string, Float64Array>,
): { low: number; high: number } | undefined {
  if (!result.band) return undefined;
  const terms: { scale: number; z: Float64Array }[] = [];
  let apart = 0;
  for (const p of result.positions) {
    if (!p.band) continue;
    const sd = (p.value * (p.band.high - p.band.low)) / (2 * BAND_Z);
    const z = residuals.get(p.symbol.toUpperCase());
    if (z) terms.push({ scale: sd, z });
    else apart += Math.abs(sd);
  }
  const half = BAND_Z * (correlatedSd(terms) + apart);
  return { low: result.pnl - half, high: result.pnl + half };
}

/** Runs a hypothetical scenario with propagation on: named groups take their shocks, the rest their estimated moves. */
export function runPropagated(
  book: Book,
  scenario: Scenario,
  history: PriceHistory,
  config: ProxyConfig,
  options: { asOf: string; scale?: number; by?: readonly Dimension[]; positions?: boolean },
): StressResult {
  const { overrides, use, residuals } = propagationMoves(book, scenario, history, config, options);
  // The total's band needs every position's band, so positions are produced here even when the caller wants none.
  const result = runScenario(book, scenario, { ...options, positions: true, overrides, history: use });
  const band = correlatedBand(result, residuals);
  const out = band ? { ...result, band } : result;
  return options.positions === false ? { ...out, positions: [] } : out;
}
