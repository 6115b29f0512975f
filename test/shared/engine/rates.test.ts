import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook, reverseStress, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';

// A balanced book: a long Treasury fund with a known duration, an aggregate bond fund without one, stocks.
const tlt = pos('TLT', 100, 90, { assetClass: 'bond' }); // 9,000
const bnd = pos('BND', 100, 72, { assetClass: 'bond' }); // 7,200
const spy = pos('SPY', 10, 600, { assetClass: 'fund' }); // 6,000
const ref = reference([
  sec('TLT', { type: 'bond-fund', duration: { years: 16.5, source: 'user' } }),
  sec('BND', { type: 'bond-fund' }),
  sec('SPY', { type: 'etf' }),
]);
const ratesUp = scenario([
  { target: 'rates', change: 0.01 },
  { target: 'market', change: -0.05 },
]);

describe('story: rates +100bp via duration where known', () => {
  const book = prepareBook([tlt, bnd, spy], 'USD', ref);
  const result = runScenario(book, ratesUp);

  it('moves a bond fund of known duration by −duration × change in yields', () => {
    expect(result.positions[0].return).toBeCloseTo(-0.165, 12);
    expect(result.positions[0].applied).toBe('rates +100bp × duration 16.5 years = −16.5%');
    expect(explainPosition(book, ratesUp, tlt.id)[0].price).toMatchObject({ kind: 'explicit', level: 'rates', shockIndex: 0 });
  });

  it('leaves a bond fund without a known duration to the lower levels, and says so', () => {
    expect(result.positions[1]).toMatchObject({ source: 'market', applied: 'market −5% (no more specific shock matches)' });
    expect(result.positions[2].return).toBeCloseTo(-0.05, 12);
    expect(result.pnl).toBeCloseTo(9000 * -0.165 + 7200 * -0.05 + 6000 * -0.05, 9);
    expect(result.shockValue).toEqual([9000, 13200]);
  });

  it('ranks below a symbol shock and above every other level', () => {
    const both = scenario([
      { target: 'assetClass', value: 'bond', change: -0.02 },
      { target: 'rates', change: 0.01 },
      { target: 'symbol', value: 'TLT', change: -0.1 },
    ]);
    const r = runScenario(book, both);
    expect(r.positions[0].return).toBeCloseTo(-0.1, 12);
    expect(r.positions[1].return).toBeCloseTo(-0.02, 12);
    const noSymbol = scenario([
      { target: 'assetClass', value: 'bond', change: -0.02 },
      { target: 'rates', change: 0.01 },
    ]);
    expect(runScenario(book, noSymbol).positions[0].return).toBeCloseTo(-0.165, 12);
  });

  it('scales linearly, so reverse stress solves it in closed form', () => {
    const answer = reverseStress(book, scenario([{ target: 'rates', change: 0.01 }]), 0.1);
    expect(answer.method).toBe('linear');
    // 10% of 22,200 = 2,220 = 9,000 × 16.5 × Δy → Δy = 1.4949…% → k = 1.4949…
    expect(answer.scale).toBeCloseTo(2220 / (9000 * 0.165), 9);
    expect(answer.impliedShocks[0].change).toBeCloseTo(0.01 * answer.scale!, 12);
  });

  it('refuses a rate shock beyond ±20 percentage points', () => {
    expect(() => scenario([{ target: 'rates', change: 0.5 }])).toThrow(/change in yields between −20 and \+20 percentage points/);
  });
});
