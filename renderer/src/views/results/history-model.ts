import type { Provenance, StressResult } from '../../../../shared/engine';
import type { AggregateRow } from '../../../../shared/engine/run';
import { signedPercent } from '../../../../shared/format';
import type { ScenarioSummaryData } from '../../../../shared/ipc/stress-types';

/** The history-driven moves of a result as the evaluator takes them (for "why did this move"). */
export function overridesOf(result: StressResult | null): Map<string, Provenance> | undefined {
  const moves = result?.history?.moves;
  return moves ? new Map(Object.entries(moves)) : undefined;
}

/** Chart rows with the error-bar extent recharts wants: [distance down to low, distance up to high]. */
export function withBandExtent(rows: readonly AggregateRow[]): (AggregateRow & { extent?: [number, number] })[] {
  return rows.map((r) => (r.band ? { ...r, extent: [Math.max(0, r.pnl - r.band.low), Math.max(0, r.band.high - r.pnl)] } : r));
}

/** A band as words: "−8.4% to −6.0%". */
export function bandText(band: { low: number; high: number }): string {
  return `${signedPercent(band.low)} to ${signedPercent(band.high)}`;
}

export interface ReplayPreset {
  id: string;
  label: string;
  from: string;
  to: string;
}

/** Replay presets: the built-in historical scenarios' windows, then calendar years the bundled history covers. */
export function replayPresets(scenarios: readonly ScenarioSummaryData[]): ReplayPreset[] {
  const fromLibrary = scenarios
    .filter((s) => s.kind === 'historical' && s.window)
    .map((s) => ({ id: s.id, label: s.name, from: s.window!.from, to: s.window!.to }));
  const years = [2021, 2022, 2023, 2024].map((y) => ({
    id: `year-${y}`,
    label: `Calendar ${y}`,
    from: `${y - 1}-12-31`,
    to: `${y}-12-31`,
  }));
  return [...fromLibrary, ...years];
}

/** Checks a custom window before asking main: one sentence naming the problem, or null. */
export function windowProblem(from: string, to: string): string | null {
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  if (!isDate(from)) return 'Enter the start date as YYYY-MM-DD.';
  if (!isDate(to)) return 'Enter the end date as YYYY-MM-DD.';
  if (from >= to) return 'The end date must be after the start date.';
  return null;
}
