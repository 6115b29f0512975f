import type { FxRate, Position, ValuedPosition } from './types';

/** Value of a position in its own currency: quantity × price, or the imported market value. */
export function localValue(position: Pick<Position, 'quantity' | 'price' | 'marketValue'>): number {
  if (position.price !== null) return position.quantity * position.price;
  return position.marketValue ?? 0;
}

/**
 * Minor-unit quotes (London pence) expressed in their major currency. A Map, not an object: every other code is a
 * miss, which an object answers by searching its prototype (and would answer "constructor" with a function).
 */
const MINOR_UNITS: ReadonlyMap<string, { major: string; factor: number }> = new Map([
  ['GBp', { major: 'GBP', factor: 0.01 }],
  ['GBX', { major: 'GBP', factor: 0.01 }],
  ['ZAc', { major: 'ZAR', factor: 0.01 }],
  ['ILA', { major: 'ILS', factor: 0.01 }],
]);

/** A minor unit's major currency and what one unit is worth in it (GBp → GBP × 0.01); undefined for any other code. */
export function minorUnit(currency: string): { major: string; factor: number } | undefined {
  return MINOR_UNITS.get(currency);
}

/** The currency a minor unit is quoted in (GBp → GBP); any other currency itself. */
export function majorCurrency(currency: string): string {
  return MINOR_UNITS.get(currency)?.major ?? currency;
}

/**
 * Units of `base` per unit of `currency`, from direct, inverse, or USD- or EUR-crossed rates;
 * null when the rates cannot connect the two.
 */
export function fxRate(currency: string, base: string, rates: readonly FxRate[]): number | null {
  const minor = MINOR_UNITS.get(currency);
  if (minor) {
    const major = fxRate(minor.major, base, rates);
    return major === null ? null : major * minor.factor;
  }
  if (currency === base) return 1;
  const direct = (from: string, to: string): number | null => {
    if (from === to) return 1;
    const hit = rates.find((r) => r.currency === from && r.quote === to);
    if (hit) return hit.rate;
    const inverse = rates.find((r) => r.currency === to && r.quote === from);
    return inverse && inverse.rate !== 0 ? 1 / inverse.rate : null;
  };
  const straight = direct(currency, base);
  if (straight !== null) return straight;
  // Cross through the currencies rates are usually quoted against.
  for (const pivot of ['USD', 'EUR']) {
    const toPivot = direct(currency, pivot);
    const pivotToBase = direct(pivot, base);
    if (toPivot !== null && pivotToBase !== null) return toPivot * pivotToBase;
  }
  return null;
}

/** Values every position in the base currency and gives each its weight in the valued total. */
export function valuePositions(
  positions: readonly Position[],
  baseCurrency: string,
  rates: readonly FxRate[],
): { positions: ValuedPosition[]; totalBaseValue: number; missingFx: string[] } {
  const missing = new Set<string>();
  // One rate lookup per currency and one object per position: a 100,000-position book is valued in one pass.
  const rateByCurrency = new Map<string, number | null>();
  const local = new Float64Array(positions.length);
  const base: (number | null)[] = new Array(positions.length);
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    let rate = rateByCurrency.get(position.currency);
    if (rate === undefined) rateByCurrency.set(position.currency, (rate = fxRate(position.currency, baseCurrency, rates)));
    if (rate === null) missing.add(position.currency);
    local[i] = localValue(position);
    base[i] = rate === null ? null : local[i] * rate;
    total += base[i] ?? 0;
  }
  const withWeights: ValuedPosition[] = positions.map((position, i) => {
    const baseValue = base[i];
    return { ...position, localValue: local[i], baseValue, weight: baseValue === null || total === 0 ? null : baseValue / total };
  });
  return { positions: withWeights, totalBaseValue: total, missingFx: [...missing].sort() };
}

/** Positions' local value summed in one currency (how many positions, and their total). */
export interface CurrencySum {
  currency: string;
  positions: number;
  localValue: number;
}

/** Totals of several currencies' sums in the base currency; currencies without a rate are left out and listed. */
export function valueCurrencySums(
  sums: readonly CurrencySum[],
  baseCurrency: string,
  rates: readonly FxRate[],
): { totalValue: number; positionCount: number; missingFx: string[] } {
  const missing = new Set<string>();
  let totalValue = 0;
  let positionCount = 0;
  for (const sum of sums) {
    const rate = fxRate(sum.currency, baseCurrency, rates);
    if (rate === null) missing.add(sum.currency);
    else totalValue += sum.localValue * rate;
    positionCount += sum.positions;
  }
  return { totalValue, positionCount, missingFx: [...missing].sort() };
}
