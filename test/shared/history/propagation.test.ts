import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook } from '../../../shared/engine';
import { defaultProxies, runPropagated } from '../../../shared/history';
import { pos, reference, scenario, sec } from '../engine/book-builder';
import { fromReturns, history, weekdays } from './history-builder';

describe('propagation on a book: a holding no shock names moves by its betas to SMH and the market', () => {
  const n = 600;
  const dates = weekdays('2022-01-03', n + 1);
  const smh = Array.from({ length: n }, (_, t) => 0.02 * Math.sin(t * 0.7));
  const spy = Array.from({ length: n }, (_, t) => 0.01 * Math.cos(t * 1.3));
  // TGT: exactly 1.5 × SMH + 0.5 × SPY + 0.0002 a day; SHRT has only 100 days.
  const tgt = smh.map((s, t) => 1.5 * s + 0.5 * spy[t] + 0.0002);
  const h = history({
    SMH: fromReturns(dates, smh),
    SPY: fromReturns(dates, spy),
    TGT: fromReturns(dates, tgt),
    SHRT: fromReturns(dates.slice(n - 100), tgt.slice(n - 100)),
  });
  const ref = reference([
    sec('TGT', { sector: 'Information Technology' }),
    sec('SHRT'),
    sec('NOHI'),
    sec('NVDA', { industry: 'Semiconductors' }),
  ]);
  const book = prepareBook([pos('TGT', 10, 100), pos('SHRT', 2, 100), pos('NOHI', 3, 100), pos('NVDA', 5, 100)], 'USD', ref);
  const s = scenario([
    { target: 'industry', value: 'Semiconductors', change: -0.1 },
    { target: 'market', change: -0.02 },
  ]);
  const result = runPropagated(book, s, h, defaultProxies(), { asOf: dates[n] });

  it('sets the move to β·shock with its provenance, leaving named holdings and short histories alone', () => {
    const by = Object.fromEntries(result.positions.map((p) => [p.symbol, p]));
    expect(by.TGT.return).toBeCloseTo(1.5 * -0.1 + 0.5 * -0.02, 10);
    expect(by.TGT.source).toBe('propagated');
    expect(by.TGT.applied).toBe(
      `Propagated: β 1.50 to SMH × −10% + β 0.50 to SPY × −2% = −16% (band −16% to −16%; 600 days to ${dates[n]})`,
    );
    expect(by.NVDA).toMatchObject({ return: -0.1, source: 'explicit' });
    expect(by.SHRT).toMatchObject({ return: -0.02, source: 'market' });
    expect(by.NOHI).toMatchObject({ return: -0.02, source: 'market' });
  });

  it('states coverage, the band, the estimation window and what was left out', () => {
    expect(result.coverage.propagated.share).toBeCloseTo(1000 / 2000, 12);
    expect(result.coverage.market.share).toBeCloseTo(500 / 2000, 12);
    expect(result.coverage.explicit.share).toBeCloseTo(500 / 2000, 12);
    expect(result.pnl).toBeCloseTo(1000 * -0.16 + 500 * -0.02 + 500 * -0.1, 8);
    expect(result.band!.low).toBeCloseTo(result.pnl, 6);
    expect(result.history).toMatchObject({
      mode: 'propagation',
      from: dates[0],
      to: dates[n],
      proxies: [
        { symbol: 'SMH', shock: 'industry Semiconductors', change: -0.1 },
        { symbol: 'SPY', shock: 'market', change: -0.02 },
      ],
    });
    expect(result.history!.notes).toEqual([
      'Propagation off for 1 holding without price history: NOHI.',
      'Propagation off for 1 holding with less than 120 days of history: SHRT.',
    ]);
  });

  it('carries the band into group aggregates and explains the move slice by slice', () => {
    // A noisy target so the band has width: TGT2 = 1.5 × SMH + 0.5 × SPY + a wobble.
    const noisy = smh.map((x, t) => 1.5 * x + 0.5 * spy[t] + 0.004 * Math.sin(t * 2.9 + 1));
    const h2 = history({ SMH: fromReturns(dates, smh), SPY: fromReturns(dates, spy), TGT: fromReturns(dates, noisy) });
    const r = runPropagated(book, s, h2, defaultProxies(), { asOf: dates[n], by: ['sector'] });
    const tgt = r.positions.find((p) => p.symbol === 'TGT')!;
    expect(tgt.band!.low).toBeLessThan(tgt.return);
    expect(tgt.band!.high).toBeGreaterThan(tgt.return);
    const tech = r.aggregates.sector!.find((row) => row.key === 'Information Technology')!;
    expect(tech.band!.low).toBeCloseTo(1000 * tgt.band!.low, 9);
    expect(tech.band!.high).toBeCloseTo(1000 * tgt.band!.high, 9);
    expect(r.band!.low).toBeCloseTo(1000 * tgt.band!.low + 500 * -0.02 + 500 * -0.1, 9);
    expect(r.aggregates.sector!.find((row) => row.key === 'Unclassified')!.band).toBeUndefined();
    const overrides = new Map(Object.entries(r.history!.moves!));
    const [slice] = explainPosition(book, s, book.positions.find((p) => p.symbol === 'TGT')!.id, { overrides });
    expect(slice.price).toMatchObject({ kind: 'propagated', change: tgt.return, band: tgt.band });
  });

  it('estimates only on history up to the as-of date', () => {
    const early = runPropagated(book, s, h, defaultProxies(), { asOf: dates[100] });
    expect(early.positions.find((p) => p.symbol === 'TGT')!.source).toBe('market');
    expect(early.history!.to).toBe(dates[100]);
  });

  it('notes shocks that have no proxy and turns itself off when none has', () => {
    const fx = scenario([{ target: 'country', value: 'Japan', change: -0.1 }]);
    const r = runPropagated(book, fx, h, defaultProxies(), { asOf: dates[n] });
    expect(r.coverage.propagated.share).toBe(0);
    expect(r.history!.notes).toEqual([
      'Propagation off: no shock maps to a proxy series with price history.',
      'Not propagated from country Japan: country shocks are not propagated.',
    ]);
  });
});
