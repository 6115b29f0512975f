import { describe, expect, it } from 'vitest';
import { floorAxis, pnlAxis } from '../../renderer/src/views/results/chart-scale';

describe('chart axes', () => {
  it('gives P&L bars round ticks from 0, the larger side running on to a round value and the smaller one not', () => {
    // The replay's sector chart: losses to −$31.1K and one small gain of $146.70.
    expect(pnlAxis(-31_100, 146.7)).toEqual({
      domain: [-35_000, 146.7],
      ticks: [-35_000, -30_000, -25_000, -20_000, -15_000, -10_000, -5_000, 0],
    });
    expect(pnlAxis(-19_700, -150)).toEqual({ domain: [-20_000, 0], ticks: [-20_000, -15_000, -10_000, -5_000, 0] });
    expect(pnlAxis(-150, 9_800)).toEqual({ domain: [-150, 10_000], ticks: [0, 2_000, 4_000, 6_000, 8_000, 10_000] });
    expect(pnlAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0] });
  });

  it('shifts round value ticks by the waterfall floor so that adding the floor back gives round values', () => {
    // The sample's waterfall: from a floor of $573,900 up to the value before, $626,964.
    const axis = floorAxis(573_900, 626_964);
    expect(axis.domain).toEqual([0, 630_000 - 573_900]);
    expect(axis.ticks.map((t) => t + 573_900)).toEqual([580_000, 590_000, 600_000, 610_000, 620_000, 630_000]);
    expect(floorAxis(0, 18_990).ticks.at(-1)).toBe(20_000);
    expect(floorAxis(10, 10)).toEqual({ domain: [0, 1], ticks: [0] });
  });
});
