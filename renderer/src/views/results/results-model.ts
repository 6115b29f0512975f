import type { AggregateRow, PositionResult, StressResult } from '../../../../shared/engine';

export interface WaterfallStep {
  label: string;
  /** Where the bar starts and ends on the change axis (low ≤ high): each step starts where the previous one ended. */
  range: [number, number];
  /** Signed amount: the P&L of the step, or the total change for the last bar. */
  amount: number;
  kind: 'total' | 'loss' | 'gain';
}

/** The longest step label the slanted axis shows whole; a longer one (an option's OCC symbol) is cut, and shown whole on hover. */
export const LABEL_MAX = 12;
export const shortLabel = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

/**
 * A loss bridge from 0: the `count` largest contributors, the rest folded into "Others", then the total change, so
 * the bars add up exactly to the change and the axis (which always holds 0) shows the change on a readable scale
 * instead of a value axis cut short above zero.
 */
export function waterfallSteps(result: Pick<StressResult, 'positions'>, count = 8): WaterfallStep[] {
  const movers = result.positions.filter((p) => p.pnl !== 0).sort((a, b) => Math.abs(b.pnl) - Math.abs(a.pnl));
  const shown = movers.slice(0, count).sort((a, b) => a.pnl - b.pnl);
  const others = movers.slice(count).reduce((s, p) => s + p.pnl, 0);
  const steps: WaterfallStep[] = [];
  let level = 0;
  const push = (label: string, pnl: number) => {
    const next = level + pnl;
    steps.push({ label, range: [Math.min(level, next), Math.max(level, next)], amount: pnl, kind: pnl < 0 ? 'loss' : 'gain' });
    level = next;
  };
  for (const p of shown) push(p.symbol, p.pnl);
  if (others !== 0) push(`Others (${movers.length - shown.length})`, others);
  steps.push({ label: 'Total change', range: [Math.min(0, level), Math.max(0, level)], amount: level, kind: 'total' });
  return steps;
}

/**
 * The bars of a per-group chart: only groups this scenario moves (a row of $0 says nothing), the first `limit` − 1
 * of them as they come (largest loss first), the rest summed into one "Others (n)" row; and how many groups it left
 * unchanged, for a note under the chart.
 */
export function chartGroups(rows: readonly AggregateRow[], limit = 14): { rows: AggregateRow[]; unchanged: number } {
  const moved = rows.filter((r) => r.pnl !== 0 || (r.band && (r.band.low !== 0 || r.band.high !== 0)));
  const unchanged = rows.length - moved.length;
  if (moved.length <= limit) return { rows: moved, unchanged };
  const shown = moved.slice(0, limit - 1);
  const rest = moved.slice(limit - 1);
  const value = rest.reduce((sum, r) => sum + r.value, 0);
  const pnl = rest.reduce((sum, r) => sum + r.pnl, 0);
  // Bands of different groups are not summed: their low ends need not come together.
  return { rows: [...shown, { key: `Others (${rest.length})`, value, pnl, return: value > 0 ? pnl / value : null }], unchanged };
}

/** Each position's share of the total loss (positive for positions that lost when the book lost). */
export function shareOfLoss(position: PositionResult, result: StressResult): number | null {
  return result.pnl === 0 ? null : position.pnl / result.pnl;
}

export type PositionSortKey = 'symbol' | 'name' | 'account' | 'value' | 'pnl' | 'return' | 'share';

/** Filters positions by text (symbol, name, account, applied shock) and sorts them. */
export function arrangeResults(
  result: StressResult,
  search: string,
  key: PositionSortKey,
  descending: boolean,
  only?: ReadonlySet<number>,
): PositionResult[] {
  const needle = search.trim().toLowerCase();
  const rows = result.positions.filter(
    (p) =>
      (!only || only.has(p.id)) && (!needle || [p.symbol, p.name, p.accountName, p.applied].some((f) => f.toLowerCase().includes(needle))),
  );
  const value = (p: PositionResult): string | number => {
    switch (key) {
      case 'symbol':
        return p.symbol;
      case 'name':
        return p.name.toLowerCase();
      case 'account':
        return p.accountName.toLowerCase();
      case 'share':
        return shareOfLoss(p, result) ?? 0;
      default:
        return p[key];
    }
  };
  const direction = descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return x < y ? -direction : x > y ? direction : a.symbol.localeCompare(b.symbol);
  });
}

/** Colour for a return on a diverging, colour-blind-safe scale (vermillion losses, blue gains), by size. */
export function heatColor(change: number, strongest = 0.3): string {
  const t = Math.min(1, Math.abs(change) / strongest);
  const [r, g, b] = change < 0 ? [213, 94, 0] : [0, 114, 178];
  const alpha = change === 0 ? 0 : 0.12 + 0.78 * t;
  return `rgba(${r}, ${g}, ${b}, ${alpha.toFixed(3)})`;
}

/** Rows of a compare heat map: one row per group, one cell per scenario (missing → 0 exposure). */
export function heatRows(
  results: readonly StressResult[],
  dimension: 'sector' | 'theme',
): { key: string; cells: (AggregateRow | null)[] }[] {
  const keys = new Map<string, number>();
  for (const r of results) for (const row of r.aggregates[dimension] ?? []) keys.set(row.key, (keys.get(row.key) ?? 0) + row.value);
  return [...keys.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => ({ key, cells: results.map((r) => r.aggregates[dimension]?.find((row) => row.key === key) ?? null) }));
}
