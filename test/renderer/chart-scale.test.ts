import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pnlAxis } from '../../renderer/src/views/results/chart-scale';
import { waterfallSteps } from '../../renderer/src/views/results/results-model';
import { barLayout } from '../../renderer/src/report/bars';
import type { PositionResult } from '../../shared/engine';

const money = fc.double({ min: -5e7, max: 5e7, noNaN: true, noDefaultInfinity: true });

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

  it('keeps 0 on every value axis, for any changes (property)', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 30 }), (values) => {
        const axis = pnlAxis(Math.min(...values), Math.max(...values));
        expect(axis.domain[0]).toBeLessThanOrEqual(0);
        expect(axis.domain[1]).toBeGreaterThanOrEqual(0);
        expect(axis.ticks).toContain(0);
        // Every value fits on the axis.
        for (const v of values) expect(v >= axis.domain[0] - 1e-6 && v <= axis.domain[1] + 1e-6).toBe(true);
      }),
    );
  });

  it('lays report bars out from the zero line, each ending at its value (property)', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 12 }), (values) => {
        const layout = barLayout(values.map((pnl, i) => ({ key: String(i), label: `Scenario ${i}`, pnl })));
        expect(layout.zero).toBeGreaterThanOrEqual(0);
        expect(layout.zero).toBeLessThanOrEqual(100);
        expect(layout.ticks.some((t) => t.value === 0)).toBe(true);
        for (const bar of layout.bars) {
          // A bar touches the zero line on one side.
          const touches = Math.abs(bar.left - layout.zero) < 1e-6 || Math.abs(bar.left + bar.width - layout.zero) < 1e-6;
          expect(touches).toBe(true);
          expect(bar.left).toBeGreaterThanOrEqual(-1e-6);
          expect(bar.left + bar.width).toBeLessThanOrEqual(100 + 1e-6);
        }
      }),
    );
  });

  it('bridges the change from 0 through the contributors to the total, on an axis holding 0 (property)', () => {
    const position = (pnl: number, i: number) => ({ id: i, symbol: `S${i}`, pnl }) as PositionResult;
    fc.assert(
      fc.property(fc.array(money, { minLength: 0, maxLength: 20 }), (pnls) => {
        const steps = waterfallSteps({ positions: pnls.map(position) }, 8);
        const total = steps.at(-1)!;
        expect(total.kind).toBe('total');
        expect(total.amount).toBeCloseTo(
          pnls.reduce((s, x) => s + x, 0),
          0,
        );
        expect(total.range).toEqual([Math.min(0, total.amount), Math.max(0, total.amount)]);
        const axis = pnlAxis(Math.min(...steps.map((s) => s.range[0])), Math.max(...steps.map((s) => s.range[1])));
        expect(axis.domain[0]).toBeLessThanOrEqual(0);
        expect(axis.domain[1]).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
