import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook, runScenario } from '../../../shared/engine';
import { fund, pos, reference, scenario, sec } from './book-builder';

// A fund-only book: QQQ with three listed holdings (25%) and an unlisted 75%.
const qqq = pos('QQQ', 20, 500, { assetClass: 'fund' }); // 10,000
const ref = reference(
  [
    sec('QQQ', { type: 'etf', name: 'Invesco QQQ Trust' }),
    sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors' }),
    sec('AAPL', { sector: 'Information Technology', industry: 'Technology Hardware, Storage & Peripherals' }),
  ],
  [fund('QQQ', { NVDA: 0.1, AAPL: 0.08, MSFT: 0.07 }, '2025-10-04')],
);
const semis = scenario([
  { target: 'industry', value: 'Semiconductors', change: -0.1 },
  { target: 'market', change: -0.02 },
]);

describe('story: a fund-only book, look-through on and off', () => {
  it('looks through QQQ: each listed holding gets its own shock, the rest is the fund itself', () => {
    const book = prepareBook([qqq], 'USD', ref);
    const result = runScenario(book, semis, { by: ['symbol', 'sector'] });
    // NVDA 1,000 × −10% = −100; AAPL 800, MSFT 700 and the unlisted 7,500 × −2% = −16, −14, −150.
    expect(result.pnl).toBeCloseTo(-280, 9);
    expect(result.positions[0]).toMatchObject({ source: 'mixed', throughFund: true });
    expect(result.positions[0].applied).toBe('Through 3 listed holdings of QQQ (as of 2025-10-04) and its unlisted 75.0%');
    // One partition: NVDA's 1,000 through the fund's holdings, the other 9,000 (MSFT unclassified included) by the market.
    expect(result.coverage.explicit.value).toBe(0);
    expect(result.coverage.throughFunds.value).toBeCloseTo(1000, 9);
    expect(result.coverage.market.value).toBeCloseTo(9000, 9);
    expect(result.shockValue[0]).toBeCloseTo(1000, 9);
    expect(result.shockValue[1]).toBeCloseTo(9000, 9);
    expect(result.coverage.unclassified).toMatchObject({ value: 0, symbols: [] });
    const semisOnly = runScenario(book, scenario([semis.shocks[0]]));
    expect(semisOnly.coverage.throughFunds.value).toBeCloseTo(1000, 9);
    expect(semisOnly.coverage.unclassified).toMatchObject({ symbols: ['MSFT'], positionIds: [qqq.id] });
    expect(semisOnly.coverage.unclassified.value).toBeCloseTo(700, 9);
    expect(semisOnly.coverage.noShock.value).toBeCloseTo(8300, 9);
    const bySymbol = Object.fromEntries(result.aggregates.symbol!.map((r) => [r.key, [r.value, r.pnl]]));
    expect(bySymbol.NVDA[0]).toBeCloseTo(1000, 9);
    expect(bySymbol.NVDA[1]).toBeCloseTo(-100, 9);
    expect(bySymbol.QQQ[0]).toBeCloseTo(7500, 9);
    const slices = explainPosition(book, semis, qqq.id);
    expect(slices.map((s) => [s.symbol, s.kind])).toEqual([
      ['QQQ', 'residual'],
      ['NVDA', 'constituent'],
      ['AAPL', 'constituent'],
      ['MSFT', 'constituent'],
    ]);
    expect(slices.reduce((sum, s) => sum + s.value, 0)).toBeCloseTo(10000, 9);
  });

  it('treats the fund as one security with look-through off', () => {
    const result = runScenario(prepareBook([qqq], 'USD', ref, { lookThrough: false }), semis);
    expect(result.pnl).toBeCloseTo(-200, 9);
    expect(result.positions[0]).toMatchObject({ source: 'market', throughFund: false });
    expect(result.coverage.throughFunds.value).toBe(0);
    expect(result.coverage.market.value).toBe(10000);
  });

  it('applies a symbol shock on the fund ticker to the whole position; look-through only attributes it', () => {
    const onTicker = scenario([
      { target: 'industry', value: 'Semiconductors', change: -0.1 },
      { target: 'symbol', value: 'QQQ', change: -0.05 },
    ]);
    const result = runScenario(prepareBook([qqq], 'USD', ref), onTicker, { by: ['sector', 'symbol'] });
    expect(result.pnl).toBeCloseTo(-500, 9);
    expect(result.positions[0]).toMatchObject({ source: 'explicit', throughFund: false, applied: 'symbol QQQ −5%' });
    expect(result.coverage.explicit.value).toBe(10000);
    // Its holdings still say where the −5% sits: their own moves (NVDA −10%, the rest 0) shifted by the gap to −5%,
    // −5% − (0.1 × −10%) = −4 points each, so the slices add up to the fund's −500.
    const bySymbol = Object.fromEntries(result.aggregates.symbol!.map((r) => [r.key, r.pnl]));
    expect(bySymbol.NVDA).toBeCloseTo(1000 * (-0.1 - 0.04), 9);
    expect(bySymbol.AAPL).toBeCloseTo(800 * -0.04, 9);
    expect(bySymbol.QQQ).toBeCloseTo(7500 * -0.04, 9);
    expect(result.aggregates.sector!.reduce((sum, r) => sum + r.pnl, 0)).toBeCloseTo(-500, 9);
  });

  it('scales down holdings that add up to more than 100% and says so', () => {
    const over = reference([sec('NVDA', { industry: 'Semiconductors' })], [fund('X', { NVDA: 0.8, AAPL: 0.4 }, 'd', 's')]);
    const book = prepareBook([pos('X', 1, 1200, { assetClass: 'fund' })], 'USD', over);
    expect(book.issues.map((i) => i.kind)).toContain('weights-over-100');
    const result = runScenario(book, semis);
    // Weights 80% and 40% become 2/3 and 1/3: NVDA 800 × −10%, AAPL 400 × −2%.
    expect(result.pnl).toBeCloseTo(-88, 9);
  });
});

describe('which positions a shock hit', () => {
  it('finds direct holdings and funds whose listed holdings it reaches', async () => {
    const { positionsHitBy } = await import('../../../shared/engine');
    const nvda = pos('NVDA', 1, 100);
    const aapl = pos('AAPL', 1, 100);
    const book = prepareBook([qqq, nvda, aapl], 'USD', ref);
    expect(positionsHitBy(book, semis, 0)).toEqual([qqq.id, nvda.id]);
    expect(positionsHitBy(book, semis, 1)).toEqual([qqq.id, aapl.id]);
  });
});
