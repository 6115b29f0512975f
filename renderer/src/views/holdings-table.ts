import { optionLabel, parseOccSymbol, type OptionContract } from '../../../shared/domain/options';
import type { ValuedPosition } from '../../../shared/domain/types';

export type SortKey = 'symbol' | 'name' | 'account' | 'quantity' | 'price' | 'value' | 'weight';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const pick: Record<SortKey, (p: ValuedPosition) => string | number> = {
  symbol: (p) => p.symbol,
  name: (p) => p.name.toLowerCase(),
  account: (p) => p.accountName.toLowerCase(),
  quantity: (p) => p.quantity,
  price: (p) => p.price ?? -Infinity,
  value: (p) => p.baseValue ?? -Infinity,
  weight: (p) => p.weight ?? -Infinity,
};

/** Filters positions by a search text (symbol, name or account) and sorts them; ties keep symbol order. */
export function arrangePositions(positions: readonly ValuedPosition[], search: string, sort: Sort): ValuedPosition[] {
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? positions.filter((p) => [p.symbol, p.name, p.accountName].some((field) => field.toLowerCase().includes(needle)))
    : [...positions];
  const key = pick[sort.key];
  const direction = sort.descending ? -1 : 1;
  const sorted = shown.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x < y) return -direction;
    if (x > y) return direction;
    return a.symbol.localeCompare(b.symbol);
  });
  return groupOptions(sorted);
}

/** The contract of a listed option position (one with a multiplier and an OCC symbol); null for anything else. */
export function optionOf(p: Pick<ValuedPosition, 'symbol' | 'multiplier'>): OptionContract | null {
  return p.multiplier ? parseOccSymbol(p.symbol, p.multiplier) : null;
}

/** How an option row reads in the table: "NVDA 20 Jun 2025 150 C", or the symbol for anything else. */
export function positionLabel(p: Pick<ValuedPosition, 'symbol' | 'multiplier'>): string {
  const option = optionOf(p);
  return option ? `${optionLabel(option)}${option.multiplier === 100 ? '' : ` ×${option.multiplier}`}` : p.symbol;
}

/**
 * Options listed right under their underlying (after its first row, in the order they were sorted), so a covered call
 * or a spread reads next to the shares; an option whose underlying is not among the rows keeps its sorted place.
 */
export function groupOptions(rows: readonly ValuedPosition[]): ValuedPosition[] {
  const held = new Set(rows.filter((r) => !optionOf(r)).map((r) => r.symbol));
  const under = new Map<string, ValuedPosition[]>();
  const rest: ValuedPosition[] = [];
  for (const r of rows) {
    const option = optionOf(r);
    if (option && held.has(option.underlying)) {
      const list = under.get(option.underlying);
      if (list) list.push(r);
      else under.set(option.underlying, [r]);
    } else rest.push(r);
  }
  if (under.size === 0) return [...rows];
  const out: ValuedPosition[] = [];
  for (const r of rest) {
    out.push(r);
    const options = under.get(r.symbol);
    if (options) {
      out.push(...options);
      under.delete(r.symbol);
    }
  }
  return out;
}

/** Clicking a column sorts by it; clicking again flips the direction. Numbers start largest first. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: !['symbol', 'name', 'account'].includes(key) };
}

/** Parses a number typed by a person: "1,234.5", " 12 ", "" → null, junk → NaN. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s$€£]/g, '');
  if (cleaned === '') return null;
  return /^-?\d*\.?\d+(e-?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
}

/** Length of a weight bar, 0–1, relative to the largest weight shown (shorts use their size). */
export function barShare(weight: number | null, maxWeight: number): number {
  if (weight === null || maxWeight <= 0) return 0;
  return Math.min(1, Math.abs(weight) / maxWeight);
}
