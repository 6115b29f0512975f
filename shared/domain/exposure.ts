import { leveragedEtf } from './leveraged-etfs';
import type { Classification, ReferenceData } from './reference';

export const EXPOSURE_DIMENSIONS = ['sector', 'industry', 'theme', 'country', 'symbol'] as const;
export type ExposureDimension = (typeof EXPOSURE_DIMENSIONS)[number];

/** A holding to break down: its symbol and its value in the base currency. */
export interface ExposureInput {
  symbol: string;
  value: number;
  /**
   * For a listed option: its delta-adjusted exposure (base currency) to its underlying, counted in the buckets as that
   * much of the underlying instead of the option's value; absent when it could not be computed (no underlying price).
   */
  delta?: { underlying: string; delta: number; exposure: number };
}

/** A part of a position: the whole position, one fund constituent, or a fund's residual. */
export interface ExposureSlice {
  /** The position's symbol. */
  holding: string;
  /** What the slice is classified as: the constituent, or the holding itself (whole or residual). */
  symbol: string;
  value: number;
  kind: 'direct' | 'constituent' | 'residual';
}

export interface ExposureBucket {
  key: string;
  value: number;
  /** Share of the total value (themes overlap, so their shares may sum to more than 1). */
  share: number;
  /** Symbols contributing, largest first. */
  symbols: { symbol: string; value: number }[];
}

export interface ExposureResult {
  by: ExposureDimension;
  lookThrough: boolean;
  total: number;
  buckets: ExposureBucket[];
  /** Slices nothing classifies (no sector, or unknown), by symbol, largest first. */
  unclassified: { symbol: string; value: number }[];
  /** Funds whose weights sum above 100% (their holdings were scaled down to 100%). */
  issues: string[];
  /** Funds looked through, with the date and source of their holdings and the share of the fund they list. */
  funds: { fund: string; asOf: string; source: string; knownWeight: number }[];
  /** Funds held whole because no holdings are known for them (look-through on only). */
  fundsWithoutHoldings: string[];
  /**
   * Leveraged and inverse funds counted as multiplier × their stand-in's holdings (look-through on only): buckets then
   * hold notional exposure, so shares can pass 100% or go negative; the total stays the value held.
   */
  leveraged?: { fund: string; multiplier: number; standIn: string }[];
  /**
   * Options counted as delta-adjusted exposure to their underlying (contracts × multiplier × delta × its price): buckets
   * then hold that exposure, not the option's value; the total stays the value held.
   */
  options?: { symbol: string; underlying: string; delta: number; value: number; exposure: number }[];
}

export const UNCLASSIFIED = 'Unclassified';
export const NO_THEME = 'No theme';

/** Splits positions into slices, looking through funds with known holdings when asked. */
export function sliceHoldings(
  positions: readonly ExposureInput[],
  reference: ReferenceData,
  lookThrough: boolean,
): { slices: ExposureSlice[]; issues: string[] } {
  const slices: ExposureSlice[] = [];
  const issues = new Set<string>();
  for (const p of positions) {
    const fund = lookThrough ? reference.funds[p.symbol] : undefined;
    if (!fund || fund.holdings.length === 0) {
      slices.push({ holding: p.symbol, symbol: p.symbol, value: p.value, kind: 'direct' });
      continue;
    }
    const total = fund.holdings.reduce((sum, h) => sum + h.weight, 0);
    const scale = total > 1 ? 1 / total : 1;
    if (total > 1) issues.add(`${fund.fund}: holdings weights sum to ${(total * 100).toFixed(2)}%, above 100%; they were scaled to 100%.`);
    for (const h of fund.holdings)
      slices.push({ holding: p.symbol, symbol: h.symbol, value: p.value * h.weight * scale, kind: 'constituent' });
    const residual = 1 - total * scale;
    if (residual > 0) slices.push({ holding: p.symbol, symbol: p.symbol, value: p.value * residual, kind: 'residual' });
  }
  return { slices, issues: [...issues] };
}

function keysOf(c: Classification | undefined, symbol: string, by: ExposureDimension): string[] {
  if (by === 'symbol') return [symbol];
  if (!c || c.sector === null) return [UNCLASSIFIED];
  if (by === 'theme') return c.themes.length ? c.themes : [NO_THEME];
  return [c[by] ?? UNCLASSIFIED];
}

/**
 * Exposure by sector, industry, theme, country or symbol: Σ slice values per bucket, largest first,
 * with the Unclassified bucket listing what is not known. Pure; the total is Σ position values.
 */
export function computeExposure(
  positions: readonly ExposureInput[],
  reference: ReferenceData,
  options: { by: ExposureDimension; lookThrough: boolean },
): ExposureResult {
  // An option counts as delta × its underlying (stated in `options`); one whose delta is unknown stays itself.
  const optionRows = positions.flatMap((p) =>
    p.delta ? [{ symbol: p.symbol, underlying: p.delta.underlying, delta: p.delta.delta, value: p.value, exposure: p.delta.exposure }] : [],
  );
  const sliced = sliceHoldings(
    positions.map((p) => (p.delta ? { symbol: p.delta.underlying, value: p.delta.exposure } : p)),
    reference,
    options.lookThrough,
  );
  const { issues } = sliced;
  const leveraged: NonNullable<ExposureResult['leveraged']> = [];
  // Looking through a leveraged fund: multiplier × its stand-in, looked through in turn (NVDL adds 2× its value to NVDA).
  const slices = !options.lookThrough
    ? sliced.slices
    : sliced.slices.flatMap((slice) => {
        const etf = slice.kind === 'direct' ? leveragedEtf(slice.symbol) : null;
        if (!etf) return [slice];
        if (!leveraged.some((l) => l.fund === etf.symbol))
          leveraged.push({ fund: etf.symbol, multiplier: etf.multiplier, standIn: etf.standIn });
        return sliceHoldings([{ symbol: etf.standIn, value: slice.value * etf.multiplier }], reference, true).slices.map((s) => ({
          ...s,
          holding: slice.holding,
          kind: s.kind === 'direct' ? ('constituent' as const) : s.kind,
        }));
      });
  const total = positions.reduce((sum, p) => sum + p.value, 0);
  const held = [...new Set(positions.map((p) => p.delta?.underlying ?? p.symbol))];
  const funds = options.lookThrough
    ? held
        .filter((s) => reference.funds[s]?.holdings.length)
        .map((s) => {
          const f = reference.funds[s];
          return {
            fund: s,
            asOf: f.asOf,
            source: f.source,
            knownWeight: Math.min(
              1,
              f.holdings.reduce((sum, h) => sum + h.weight, 0),
            ),
          };
        })
        .sort((a, b) => a.fund.localeCompare(b.fund))
    : [];
  const FUND_TYPES = ['etf', 'mutual-fund', 'bond-fund'];
  const fundsWithoutHoldings = options.lookThrough
    ? held.filter((s) => FUND_TYPES.includes(reference.securities[s]?.type ?? '') && !reference.funds[s]?.holdings.length).sort()
    : [];
  const buckets = new Map<string, Map<string, number>>();
  const unclassified = new Map<string, number>();
  for (const slice of slices) {
    const c = reference.securities[slice.symbol];
    if (!c || c.sector === null) unclassified.set(slice.symbol, (unclassified.get(slice.symbol) ?? 0) + slice.value);
    for (const key of keysOf(c, slice.symbol, options.by)) {
      const bucket = buckets.get(key) ?? new Map<string, number>();
      bucket.set(slice.symbol, (bucket.get(slice.symbol) ?? 0) + slice.value);
      buckets.set(key, bucket);
    }
  }
  const bySize = (a: { value: number; symbol?: string; key?: string }, b: { value: number; symbol?: string; key?: string }) =>
    Math.abs(b.value) - Math.abs(a.value) || String(a.symbol ?? a.key).localeCompare(String(b.symbol ?? b.key));
  const list = [...buckets.entries()].map(([key, members]) => {
    const symbols = [...members.entries()].map(([symbol, value]) => ({ symbol, value })).sort(bySize);
    const value = symbols.reduce((sum, s) => sum + s.value, 0);
    return { key, value, share: total === 0 ? 0 : value / total, symbols };
  });
  return {
    by: options.by,
    lookThrough: options.lookThrough,
    total,
    buckets: list.sort(bySize),
    unclassified: [...unclassified.entries()].map(([symbol, value]) => ({ symbol, value })).sort(bySize),
    issues,
    funds,
    fundsWithoutHoldings,
    ...(leveraged.length ? { leveraged: leveraged.sort((a, b) => a.fund.localeCompare(b.fund)) } : {}),
    ...(optionRows.length ? { options: optionRows.sort((a, b) => a.symbol.localeCompare(b.symbol)) } : {}),
  };
}
