import type { Shock, TargetKind } from '../../../shared/engine';
import type { ScenarioVocabulary, StressSnapshotData } from '../../../shared/ipc/stress-types';
import { ASSET_CLASSES } from '../../../shared/domain/types';

/** The eleven GICS sectors, offered even when the portfolio has none of them yet. */
export const GICS_SECTORS = [
  'Communication Services',
  'Consumer Discretionary',
  'Consumer Staples',
  'Energy',
  'Financials',
  'Health Care',
  'Industrials',
  'Information Technology',
  'Materials',
  'Real Estate',
  'Utilities',
];

/**
 * Suggestions for a shock's value, per target kind: the portfolio's own holdings and their classifications
 * first, then everything the security master knows.
 */
export function vocabulary(snapshot: StressSnapshotData | null, master?: ScenarioVocabulary | null): Record<TargetKind, string[]> {
  const securities = Object.values(snapshot?.reference.securities ?? {});
  const uniq = (values: (string | null | undefined)[]) =>
    [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
  const own = uniq([...(snapshot?.positions ?? []).map((p) => p.symbol)]);
  const symbols = [...own, ...uniq([...securities.map((s) => s.symbol), ...(master?.symbols ?? [])]).filter((s) => !own.includes(s))];
  return {
    symbol: symbols,
    theme: uniq([...securities.flatMap((s) => s.themes), ...(master?.themes ?? [])]),
    industry: uniq([...securities.map((s) => s.industry), ...(master?.industries ?? [])]),
    sector: uniq([...GICS_SECTORS, ...securities.map((s) => s.sector), ...(master?.sectors ?? [])]),
    country: uniq([...securities.map((s) => s.country), ...(master?.countries ?? [])]),
    assetClass: [...ASSET_CLASSES],
    currency: uniq([
      snapshot?.portfolio.baseCurrency,
      ...(snapshot?.positions ?? []).map((p) => p.currency),
      'USD',
      'EUR',
      'GBP',
      'JPY',
      'CHF',
    ]),
    market: [],
    rates: [],
  };
}

/** Moves shock `index` up (−1) or down (+1); order decides ties within a level. */
export function moveShock(shocks: readonly Shock[], index: number, direction: -1 | 1): Shock[] {
  const target = index + direction;
  if (target < 0 || target >= shocks.length) return [...shocks];
  const next = [...shocks];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Reads a typed percentage ("-12.5", "−12.5%") as a change (−0.125); null when it is not a number. */
export function percentToChange(text: string): number | null {
  const cleaned = text.replace(/[−–]/g, '-').replace(/[%\s]/g, '');
  if (!/^[-+]?\d*\.?\d+$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100) / 10000;
}

/** A change as the percentage shown in the editor (−0.125 → "-12.5"). */
export function changeToPercent(change: number): string {
  return String(Math.round(change * 100000) / 1000);
}
