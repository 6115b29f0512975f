import { describe, expect, it } from 'vitest';
import type { ScenarioSummaryData } from '../../shared/ipc/stress-types';
import { bandText, replayPresets, windowProblem, withBandExtent } from '../../renderer/src/views/results/history-model';
import { resultCsv } from '../../renderer/src/views/results/export';
import type { StressResult } from '../../shared/engine';

const summary = (over: Partial<ScenarioSummaryData>): ScenarioSummaryData => ({
  id: 'x',
  name: 'X',
  description: '',
  tags: [],
  builtIn: true,
  shockCount: 0,
  date: null,
  kind: 'hypothetical',
  window: null,
  ...over,
});

describe('replay picker and band helpers', () => {
  it('offers the historical scenarios’ windows first, then calendar years', () => {
    const presets = replayPresets([
      summary({ id: 'ai-capex-collapse' }),
      summary({ id: 'replay-deepseek', name: 'DeepSeek, replayed', kind: 'historical', window: { from: '2025-01-24', to: '2025-01-27' } }),
    ]);
    expect(presets[0]).toEqual({ id: 'replay-deepseek', label: 'DeepSeek, replayed', from: '2025-01-24', to: '2025-01-27' });
    expect(presets.map((p) => p.id)).toEqual(['replay-deepseek', 'year-2021', 'year-2022', 'year-2023', 'year-2024']);
    expect(presets[2]).toMatchObject({ from: '2021-12-31', to: '2022-12-31' });
  });

  it('checks a custom window in one sentence', () => {
    expect(windowProblem('2025-01-24', '2025-01-27')).toBeNull();
    expect(windowProblem('', '2025-01-27')).toBe('Enter the start date as YYYY-MM-DD.');
    expect(windowProblem('2025-01-24', '2025-13-45')).toBe('Enter the end date as YYYY-MM-DD.');
    expect(windowProblem('2025-01-27', '2025-01-27')).toBe('The end date must be after the start date.');
  });

  it('turns a band into whisker lengths and words', () => {
    const rows = withBandExtent([
      { key: 'Tech', value: 1000, pnl: -100, return: -0.1, band: { low: -130, high: -80 } },
      { key: 'Cash', value: 50, pnl: 0, return: 0 },
    ]);
    expect(rows[0].extent).toEqual([30, 20]);
    expect(rows[1].extent).toBeUndefined();
    expect(bandText({ low: -0.0842, high: -0.0601 })).toBe('−8.42% to −6.01%');
  });

  it('adds band columns to the CSV only for propagated runs', () => {
    const base = {
      baseCurrency: 'USD',
      aggregates: { sector: [{ key: 'Tech', value: 1000, pnl: -100, return: -0.1, band: { low: -130, high: -80 } }] },
    };
    const position = {
      id: 1,
      symbol: 'AAPL',
      name: 'Apple',
      accountName: 'A',
      currency: 'USD',
      value: 1000,
      pnl: -100,
      return: -0.1,
      source: 'propagated',
      throughFund: false,
      applied: 'Propagated',
      band: { low: -0.13, high: -0.08 },
    };
    const withBand = resultCsv(
      { ...base, positions: [position], band: { low: -130, high: -80 } } as unknown as StressResult,
      'sector',
    ).split('\r\n');
    expect(withBand[0]).toBe('symbol,name,account,value_USD,pnl_USD,return,source,moved_by,return_low,return_high');
    expect(withBand[1]).toBe('AAPL,Apple,A,1000,-100,-0.1,propagated,Propagated,-0.13,-0.08');
    expect(withBand).toContain('Tech,1000,-100,-0.1,-130,-80');
    const plain = resultCsv({ ...base, positions: [{ ...position, band: undefined }] } as unknown as StressResult, 'sector').split('\r\n');
    expect(plain[0]).toBe('symbol,name,account,value_USD,pnl_USD,return,source,moved_by');
  });
});
