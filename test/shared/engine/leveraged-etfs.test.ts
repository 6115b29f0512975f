import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook, reverseStress, runScenario } from '../../../shared/engine';
import { aiCapex, fund, pos, reference, scenario, sec } from './book-builder';

// An AI bull's leveraged book under the card's three shocks. SOXX and QQQ stand in for SOXL/SOXS and TQQQ/SQQQ; NVDA
// for NVDL; SPY (not classified here) for SH.
const positions = [
  pos('SOXL', 200, 25), // 5,000
  pos('TQQQ', 100, 50), // 5,000
  pos('SQQQ', 100, 30), // 3,000
  pos('NVDL', 150, 60), // 9,000
  pos('SH', 25, 40), // 1,000
];
const ref = reference(
  [
    sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors' }),
    sec('AMAT', { sector: 'Information Technology', industry: 'Semiconductor Materials & Equipment' }),
    sec('VST', { sector: 'Utilities', industry: 'Electric Utilities', themes: ['ai-energy'] }),
    sec('AAPL', { sector: 'Information Technology', industry: 'Technology Hardware, Storage & Peripherals' }),
    sec('SOXX', { type: 'etf', sector: 'Information Technology', industry: 'Semiconductors' }),
    sec('QQQ', { type: 'etf' }),
  ],
  [
    // SOXX: 0.4 × −10% + 0.3 × −10% + 0.1 × −20% + rest 0.2 × −10% (its own industry) = −11%.
    fund('SOXX', { NVDA: 0.4, AMAT: 0.3, VST: 0.1 }, '2025-01-24', 'story'),
    // QQQ: 0.1 × −10% + 0.5 × 0 + rest 0.4 × 0 = −1%.
    fund('QQQ', { NVDA: 0.1, AAPL: 0.5 }, '2025-01-24', 'story'),
  ],
);

describe('story: an AI bull holding SOXL, TQQQ, SQQQ, NVDL and SH under "AI capex thesis collapses"', () => {
  const book = prepareBook(positions, 'USD', ref);
  const result = runScenario(book, aiCapex, { by: ['industry', 'assetClass'] });
  const bySymbol = Object.fromEntries(result.positions.map((p) => [p.symbol, p]));

  it('moves each fund by its multiplier times its stand-in', () => {
    expect(bySymbol.SOXL.return).toBeCloseTo(3 * -0.11, 12);
    expect(bySymbol.SOXL.pnl).toBeCloseTo(-1650, 9);
    expect(bySymbol.TQQQ.pnl).toBeCloseTo(-150, 9);
    expect(bySymbol.SQQQ.return).toBeCloseTo(0.03, 12);
    expect(bySymbol.SQQQ.pnl).toBeCloseTo(90, 9);
    expect(bySymbol.NVDL.pnl).toBeCloseTo(-1800, 9);
    expect(bySymbol.SH.pnl).toBe(0);
    expect(result.pnl).toBeCloseTo(-3510, 9);
    expect(result.worst?.symbol).toBe('NVDL');
  });

  it('says what it multiplied, and that holding it longer differs', () => {
    expect(bySymbol.SOXL.applied).toBe(
      '3× daily: SOXX −11% → SOXL −33% (SOXX: through 3 listed holdings of SOXX (as of 2025-01-24)); held over several days the move can differ (daily reset)',
    );
    expect(bySymbol.SQQQ.applied).toBe(
      '−3× daily: QQQ −1% → SQQQ +3% (QQQ: through 2 listed holdings of QQQ (as of 2025-01-24)); held over several days the move can differ (daily reset)',
    );
    expect(bySymbol.NVDL.applied).toBe(
      '2× daily: NVDA −10% → NVDL −20% (NVDA: industry Semiconductors −10%); held over several days the move can differ (daily reset)',
    );
    const [slice] = explainPosition(book, aiCapex, positions[3].id);
    expect(slice).toMatchObject({ symbol: 'NVDL', kind: 'direct', pnl: -1800 });
    expect(slice.price.change).toBeCloseTo(-0.2, 12);
  });

  it('counts every dollar once in coverage: the stand-in says how each fund was reached', () => {
    const c = result.coverage;
    // SOXL: 80% through SOXX's holdings, 20% (its rest) by SOXX's own industry; NVDL by NVDA's industry.
    expect(c.explicit.value).toBeCloseTo(5000 * 0.2 + 9000, 9);
    expect(c.throughFunds.value).toBeCloseTo(5000 * 0.8 + 5000 * 0.1 + 3000 * 0.1, 9);
    expect(c.noShock.value).toBeCloseTo(5000 * 0.9 + 3000 * 0.9, 9);
    // SH's stand-in SPY is unknown here: said so, not silently zero.
    expect(c.unclassified.value).toBe(1000);
    expect(c.unclassified.symbols).toEqual(['SPY']);
    expect(result.issues.find((i) => i.kind === 'unclassified')?.symbols).toEqual(['SPY']);
    const total =
      c.explicit.share +
      c.throughFunds.share +
      c.market.share +
      c.propagated.share +
      c.proxy.share +
      c.noShock.share +
      c.unclassified.share +
      c.noPrice.share;
    expect(total).toBeCloseTo(1, 12);
  });

  it('attributes the leveraged P&L to what the stand-ins hold', () => {
    const semis = result.aggregates.industry!.find((r) => r.key === 'Semiconductors')!;
    // SOXL: NVDA 2,000 (−600) + SOXX rest 1,000 (−300); TQQQ: NVDA 500 (−150); SQQQ: NVDA 300 (+90); NVDL: NVDA 9,000 (−1,800).
    expect(semis.value).toBeCloseTo(12800, 9);
    expect(semis.pnl).toBeCloseTo(-2760, 9);
    const sum = result.aggregates.industry!.reduce((s, r) => s + r.pnl, 0);
    expect(sum).toBeCloseTo(result.pnl, 9);
  });
});

describe('story: a leveraged fund past its floor, an inverse fund, and a shock on the fund itself', () => {
  const book = prepareBook([pos('NVDL', 100, 50), pos('NVDS', 100, 20), pos('SOXL', 100, 30)], 'USD', ref);

  it('never loses more than it holds: NVDA −60% → NVDL −100%, not −120%', () => {
    const result = runScenario(book, scenario([{ target: 'symbol', value: 'NVDA', change: -0.6 }]));
    const [nvdl, nvds] = result.positions;
    expect(nvdl.return).toBe(-1);
    expect(nvdl.pnl).toBe(-5000);
    expect(nvdl.applied).toContain('2× daily: NVDA −60% → NVDL −100% (floored at −100%: a fund cannot lose more than it holds)');
    // Tradr's 1.5× short: +90%.
    expect(nvds.return).toBeCloseTo(0.9, 12);
    expect(nvds.pnl).toBeCloseTo(1800, 9);
  });

  it("a symbol shock on the fund's own ticker wins over its multiplier", () => {
    const result = runScenario(
      book,
      scenario([
        { target: 'industry', value: 'Semiconductors', change: -0.1 },
        { target: 'symbol', value: 'SOXL', change: -0.05 },
      ]),
    );
    const soxl = result.positions[2];
    expect(soxl.return).toBe(-0.05);
    expect(soxl.applied).toBe('symbol SOXL −5%');
    expect(result.positions[0].return).toBeCloseTo(-0.2, 12);
  });

  it('a symbol shock on the stand-in moves the fund as a whole: SOXX −20% → SOXL −60%', () => {
    const result = runScenario(book, scenario([{ target: 'symbol', value: 'SOXX', change: -0.2 }]));
    expect(result.positions[2].return).toBeCloseTo(-0.6, 12);
    expect(result.positions[2].applied).toBe(
      '3× daily: SOXX −20% → SOXL −60% (SOXX: symbol SOXX −20%); held over several days the move can differ (daily reset)',
    );
  });

  it('without look-through the stand-in moves by its own classification', () => {
    const flat = prepareBook([pos('SOXL', 100, 30)], 'USD', ref, { lookThrough: false });
    const result = runScenario(flat, aiCapex);
    expect(result.positions[0].return).toBeCloseTo(-0.3, 12);
    expect(result.coverage.explicit.share).toBe(1);
  });

  it('a leveraged fund the master does not know is still classified (no "unclassified" for SOXL itself)', () => {
    expect(book.positions[2].key).toMatchObject({
      name: 'Direxion Daily Semiconductor Bull 3X Shares',
      assetClass: 'fund',
      isClassified: true,
    });
    expect(book.issues.find((i) => i.kind === 'unclassified')).toBeUndefined();
  });
});

describe('story: reverse stress with a leveraged fund whose floor binds', () => {
  // NVDL 1,000 and NVDA 1,000 under NVDA −10% × k: P&L = 1,000 × max(−1, −0.2k) − 100k.
  const book = prepareBook([pos('NVDL', 10, 100), pos('NVDA', 10, 100)], 'USD', ref);
  const shock = scenario([{ target: 'symbol', value: 'NVDA', change: -0.1 }]);

  it('keeps the closed form while the floor does not bind: 60% at k = 4', () => {
    const r = reverseStress(book, shock, 0.6);
    expect(r.method).toBe('linear');
    expect(r.scale).toBeCloseTo(4, 9);
  });

  it('solves numerically past it: 80% at k = 6, not the linear 5.33', () => {
    const r = reverseStress(book, shock, 0.8);
    expect(r.method).toBe('numeric');
    expect(r.scale).toBeCloseTo(6, 9);
  });
});
