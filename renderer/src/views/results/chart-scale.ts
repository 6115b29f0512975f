import { tickStep, ticks } from 'd3-array';

/** A money axis: its extent and about `count` round tick values inside it (d3's 1-2-5 steps). */
export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

/**
 * A P&L axis from `low` to `high`, always reaching 0 so that bars start from it, with round ticks. The larger side
 * runs on to the next round value, so the longest bar ends under a labelled line; the smaller side stays at the data
 * (a $150 gain beside a $31,000 loss should not widen the axis by a whole step).
 */
export function pnlAxis(low: number, high: number, count = 5): AxisScale {
  let from = Math.min(0, low);
  let to = Math.max(0, high);
  if (!(to > from)) return { domain: [0, 1], ticks: [0] };
  const step = tickStep(from, to, count);
  // Changes too small for a round step (fractions of a cent) get a plain axis from the data to 0.
  if (!(step > 0) || !Number.isFinite(step)) return { domain: [from, to], ticks: [0] };
  if (-from >= to) from = Math.floor(from / step) * step;
  else to = Math.ceil(to / step) * step;
  return { domain: [from, to], ticks: ticks(from, to, count) };
}
