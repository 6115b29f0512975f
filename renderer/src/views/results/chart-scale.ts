import { ticks } from 'd3-array';

/** A money axis: its extent and about `count` round tick values inside it (d3's 1-2-5 steps). */
export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

/**
 * A P&L axis from `low` to `high`, always reaching 0 so that bars start from it. The extent stays the data's own
 * (no blank run-out to a round number); the ticks are round values inside it.
 */
export function pnlAxis(low: number, high: number, count = 5): AxisScale {
  const from = Math.min(0, low);
  const to = Math.max(0, high);
  if (!(to > from)) return { domain: [0, 1], ticks: [0] };
  return { domain: [from, to], ticks: ticks(from, to, count) };
}

/**
 * A value axis drawn above a floor (the waterfall): round ticks between `floor` and `top`, shifted so that the
 * floor sits at 0 on the chart. Adding `floor` back to a tick gives the value it stands for.
 */
export function floorAxis(floor: number, top: number, count = 5): AxisScale {
  if (!(top > floor)) return { domain: [0, 1], ticks: [0] };
  return { domain: [0, top - floor], ticks: ticks(floor, top, count).map((t) => t - floor) };
}
