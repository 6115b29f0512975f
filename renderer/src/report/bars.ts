import { pnlAxis, type AxisScale } from '../views/results/chart-scale';

/** One bar of a report chart: a change in money (and its share) under a label printed whole. */
export interface BarInput {
  key: string;
  label: string;
  pnl: number;
}

/** Where each bar sits on a 0–100 track: it starts at the zero line and runs to its value; the axis always holds 0. */
export interface BarLayout {
  axis: AxisScale;
  /** The zero line, in percent of the track. */
  zero: number;
  bars: { key: string; label: string; pnl: number; left: number; width: number }[];
  /** Tick positions in percent of the track, with their values. */
  ticks: { at: number; value: number }[];
}

/** Lays bars out on an axis from zero (pnlAxis), so that a small loss never looks like a collapse. */
export function barLayout(rows: readonly BarInput[], tickCount = 5): BarLayout {
  const values = rows.map((r) => r.pnl);
  const axis = pnlAxis(Math.min(0, ...values), Math.max(0, ...values), tickCount);
  const [lo, hi] = axis.domain;
  const span = hi - lo || 1;
  const at = (v: number) => ((v - lo) / span) * 100;
  return {
    axis,
    zero: at(0),
    bars: rows.map((r) => ({ ...r, left: at(Math.min(0, r.pnl)), width: (Math.abs(r.pnl) / span) * 100 })),
    ticks: axis.ticks.map((value) => ({ at: at(value), value })),
  };
}
