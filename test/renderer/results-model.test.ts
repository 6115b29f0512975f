import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../shared/engine';
import {
  arrangeResults,
  chartGroups,
  heatColor,
  heatRows,
  shareOfLoss,
  shortLabel,
  waterfallSteps,
} from '../../renderer/src/views/results/results-model';
import { pos, reference, scenario, sec } from '../shared/engine/book-builder';

const positions = [pos('NVDA', 100, 100), pos('AAPL', 50, 200), pos('XOM', 10, 100), pos('TLT', 100, 90, { assetClass: 'bond' })];
const ref = reference([
  sec('NVDA', { sector: 'Information Technology' }),
  sec('AAPL', { sector: 'Information Technology' }),
  sec('XOM', { sector: 'Energy' }),
  sec('TLT', { type: 'bond-fund' }),
]);
const s = scenario([
  { target: 'sector', value: 'Information Technology', change: -0.2 },
  { target: 'sector', value: 'Energy', change: 0.1 },
  { target: 'assetClass', value: 'bond', change: 0.05 },
]);
const result = runScenario(prepareBook(positions, 'USD', ref), s, { by: ['sector'] });

describe('results model', () => {
  it('builds a loss bridge from 0 whose steps add up to the total change', () => {
    const steps = waterfallSteps(result, 2);
    expect(steps.map((x) => [x.label, x.amount])).toEqual([
      ['NVDA', -2000],
      ['AAPL', -2000],
      ['Others (2)', 550],
      ['Total change', -3450],
    ]);
    expect(steps[0]).toMatchObject({ range: [-2000, 0], kind: 'loss' });
    expect(steps[2]).toMatchObject({ range: [-4000, -3450], kind: 'gain' });
    expect(steps[3]).toMatchObject({ range: [-3450, 0], kind: 'total' });
  });

  it('sorts, filters and restricts result rows', () => {
    expect(arrangeResults(result, '', 'pnl', false).map((p) => p.symbol)).toEqual(['AAPL', 'NVDA', 'XOM', 'TLT']);
    expect(arrangeResults(result, 'energy', 'pnl', false).map((p) => p.symbol)).toEqual(['XOM']);
    expect(arrangeResults(result, '', 'symbol', false, new Set([positions[2].id, positions[3].id])).map((p) => p.symbol)).toEqual([
      'TLT',
      'XOM',
    ]);
    expect(shareOfLoss(result.positions[0], result)).toBeCloseTo(-2000 / -3450, 12);
  });

  it('colours losses and gains on a diverging scale, with no colour for zero', () => {
    expect(heatColor(-0.3)).toBe('rgba(213, 94, 0, 0.900)');
    expect(heatColor(0.15)).toBe('rgba(0, 114, 178, 0.510)');
    expect(heatColor(0)).toBe('rgba(0, 114, 178, 0.000)');
  });

  it('lines up groups across scenarios for the heat map', () => {
    const other = runScenario(prepareBook(positions, 'USD', ref), scenario([{ target: 'market', change: -0.1 }]), { by: ['sector'] });
    const rows = heatRows([result, other], 'sector');
    expect(rows.map((r) => r.key)).toEqual(['Information Technology', 'Unclassified', 'Energy']);
    expect(rows[0].cells.map((c) => c?.pnl)).toEqual([-4000, -2000]);
  });
});

describe('chartGroups', () => {
  const row = (key: string, value: number, pnl: number) => ({ key, value, pnl, return: value ? pnl / value : null });

  it('draws only the groups with a change and counts the rest as unchanged', () => {
    const rows = [row('Tech', 1000, -300), row('Energy', 500, 20), row('Health', 400, 0), row('Cash', 100, 0)];
    expect(chartGroups(rows)).toEqual({ rows: [rows[0], rows[1]], unchanged: 2 });
  });

  it('keeps a group whose propagated band moves though its central P&L is zero', () => {
    const banded = { ...row('Utilities', 200, 0), band: { low: -10, high: 4 } };
    expect(chartGroups([banded]).rows).toEqual([banded]);
  });

  it('sums the groups past the limit into one Others row with its own return', () => {
    const rows = [row('A', 100, -50), row('B', 100, -40), row('C', 200, -20), row('D', 300, 10)];
    const { rows: drawn } = chartGroups(rows, 3);
    expect(drawn.map((r) => r.key)).toEqual(['A', 'B', 'Others (2)']);
    expect(drawn[2]).toEqual({ key: 'Others (2)', value: 500, pnl: -10, return: -0.02 });
  });
});

describe('waterfall axis labels', () => {
  it('show a ticker, "Others (52)" and "Total change" whole, and cut an option’s OCC symbol to fit the slanted axis', () => {
    for (const label of ['NVDA', 'BRK.B', 'Others (52)', 'Total change']) expect(shortLabel(label)).toBe(label);
    expect(shortLabel('NVDA270115C00150000')).toBe('NVDA270115C…');
  });
});
