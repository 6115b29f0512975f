import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBook } from '../../../shared/engine';
import { defaultProxies, runPropagated, windowReturn, type PriceSeries } from '../../../shared/history';
import { pos, reference, scenario, sec } from '../engine/book-builder';

/**
 * Out-of-sample check of propagation on real data (27 Jan 2025, the DeepSeek sell-off): estimate on history up to
 * Friday 24 Jan, shock SMH, SPY and the ai-energy names by their actual Monday moves, and compare the propagated
 * moves of the other tickers with what they actually did.
 */
const dir = path.resolve(__dirname, '../../../../shared/data/prices/spooky-labs-course-1');
const hasData = fs.existsSync(dir);
const AI_ENERGY = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../resources/reference/themes.json'), 'utf8')).themes.find(
  (t: { id: string }) => t.id === 'ai-energy',
).members as string[];

function readSeries(file: string): PriceSeries {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((l) => l.split(',')).map((c) => ({ date: c[0].slice(0, 10), close: Number(c[5]) }));
  return { dates: rows.map((r) => r.date), closes: rows.map((r) => r.close) };
}

describe.skipIf(!hasData)('out of sample: 27 Jan 2025 propagated from SMH, SPY and the ai-energy names', () => {
  if (!hasData) console.warn(`Skipping the out-of-sample check: ${dir} is absent.`);
  it('beats predicting zero on the other tickers by a clear margin', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv'));
    const history = new Map(files.map((f) => [path.basename(f, '.csv').toUpperCase(), readSeries(f)]));
    const actual = (symbol: string) => windowReturn(history.get(symbol), '2025-01-24', '2025-01-27', '2025-01-27')!.change;
    const energy = [...history.keys()].filter((s) => AI_ENERGY.includes(s));
    expect(energy.sort()).toEqual(['CEG', 'GEV', 'TLN', 'VST']);
    const shocked = new Set(['SMH', 'SPY', ...energy]);
    const others = [...history.keys()].filter((s) => !shocked.has(s)).sort();
    expect(others).toHaveLength(34);
    const s = scenario([
      { target: 'symbol', value: 'SMH', change: actual('SMH') },
      { target: 'market', change: actual('SPY') },
      ...energy.map((symbol) => ({ target: 'symbol' as const, value: symbol, change: actual(symbol) })),
    ]);
    const book = prepareBook(
      others.map((symbol) => pos(symbol, 10, 100)),
      'USD',
      reference(others.map((symbol) => sec(symbol))),
    );
    const result = runPropagated(book, s, history, defaultProxies(), { asOf: '2025-01-24' });

    const propagated = result.positions.filter((p) => p.source === 'propagated');
    const mae = (xs: number[]) => xs.reduce((a, x) => a + Math.abs(x), 0) / xs.length;
    const errorPropagated = mae(propagated.map((p) => p.return - actual(p.symbol)));
    const errorZero = mae(propagated.map((p) => actual(p.symbol)));
    const errorAll = mae(result.positions.map((p) => p.return - actual(p.symbol)));
    const errorAllZero = mae(result.positions.map((p) => actual(p.symbol)));
    const notPropagated = result.positions.filter((p) => p.source !== 'propagated').map((p) => p.symbol);
    console.log(
      [
        `Out-of-sample 27 Jan 2025 (estimated ${result.history!.from} → ${result.history!.to}, proxies ${result.history!.proxies!.map((p) => p.symbol).join(', ')}):`,
        `  ${propagated.length} propagated tickers: MAE ${(errorPropagated * 100).toFixed(2)}% vs ${(errorZero * 100).toFixed(2)}% predicting 0 (ratio ${(errorPropagated / errorZero).toFixed(2)})`,
        `  all ${result.positions.length} (market move for ${notPropagated.join(', ') || 'none'}): MAE ${(errorAll * 100).toFixed(2)}% vs ${(errorAllZero * 100).toFixed(2)}%`,
        ...result.history!.notes.map((n) => `  note: ${n}`),
      ].join('\n'),
    );
    expect(result.history!.to).toBe('2025-01-24');
    expect(propagated.length).toBeGreaterThanOrEqual(30);
    expect(errorPropagated).toBeLessThan(0.6 * errorZero);
    expect(errorAll).toBeLessThan(0.6 * errorAllZero);
  });
});
