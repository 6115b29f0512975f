import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blackScholes } from '../../../shared/domain/options';
import { prepareBook, runScenario, scenarioSchema, type StressResult } from '../../../shared/engine';
import type { OptionMarket } from '../../../shared/engine/options-pass';
import { pos, reference, scenario, sec } from './book-builder';

/*
 * Issue #21's "Done when": an AI bull's book — NVDA 100 sh, SOXL 200 sh, NVDL 150 sh, 5 NVDA calls, 2 written QQQ
 * puts, SPAXX $20k — under the bundled "AI capex thesis collapses" scenario, every figure computed by hand below.
 * Classifications are the bundled security master's rows (NVDA, SOXX: industry Semiconductors; QQQ: Multi-Sector,
 * Nasdaq-100 Equity; SPAXX: money market); QQQ's listed holdings are cut to three so its move can be added up by hand.
 */
const aiCapex = scenarioSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'scenarios', 'ai-capex-collapse.json'), 'utf8')),
);

const ref = reference(
  [
    sec('NVDA', { sector: 'Information Technology', industry: 'Semiconductors', country: 'United States' }),
    sec('AVGO', { sector: 'Information Technology', industry: 'Semiconductors', country: 'United States' }),
    sec('AAPL', { sector: 'Information Technology', industry: 'Technology Hardware, Storage & Peripherals', country: 'United States' }),
    sec('SOXX', { type: 'etf', sector: 'Information Technology', industry: 'Semiconductors', country: 'United States' }),
    sec('QQQ', { type: 'etf', sector: 'Multi-Sector', industry: 'Nasdaq-100 Equity', country: 'United States' }),
    sec('SPAXX', { type: 'money-market', sector: 'Cash & Equivalents', industry: 'Government Money Market' }),
  ],
  [
    {
      fund: 'QQQ',
      asOf: '2025-01-24',
      source: 'test: three of its holdings',
      holdings: [
        { symbol: 'NVDA', weight: 0.08 },
        { symbol: 'AVGO', weight: 0.05 },
        { symbol: 'AAPL', weight: 0.09 },
      ],
    },
  ],
);

const CALL = 'NVDA  250620C00150000';
const PUT = 'QQQ   250620P00500000';
const positions = [
  pos('NVDA', 100, 140), // 14,000
  pos('SOXL', 200, 30, { assetClass: 'fund' }), // 6,000
  pos('NVDL', 150, 60, { assetClass: 'fund' }), // 9,000
  // 5 calls at $14.57 a share = $1,457 a contract: 7,285; volatility 50% typed by the user.
  pos(CALL, 5, 1457, { assetClass: 'other', multiplier: 100, volatility: 0.5 }),
  // 2 written puts at $14.00 a share = $1,400 a contract: −2,800 (a liability).
  pos(PUT, -2, 1400, { assetClass: 'other', multiplier: 100 }),
  pos('SPAXX', 20000, 1, { assetClass: 'cash' }), // 20,000
];
/** Valued on 24 Jan 2025 at 4%; QQQ's 60-day volatility estimated at 20% from its closes (NVDA's is not used: the call has its own). */
const market: OptionMarket = {
  asOf: '2025-01-24',
  rate: 0.04,
  underlyings: { NVDA: { price: 140, volatility: 0.55 }, QQQ: { price: 520, volatility: 0.2 } },
};
// Years to 20 Jun 2025 from 24 Jan 2025: 147 days / 365.
const T = 147 / 365;

describe('story: an AI bull’s book under the bundled "AI capex thesis collapses"', () => {
  const book = prepareBook(positions, 'USD', ref, { optionMarket: market });
  const result = runScenario(book, aiCapex, { by: ['symbol', 'sector'] });
  const byId = (symbol: string) => result.positions.find((p) => p.symbol === symbol)!;

  it('Black–Scholes agrees with the textbook to 1e-6 (Hull, ex. 15.6: S 42, K 40, r 10%, σ 20%, T 0.5 → c 4.7594, p 0.8086)', () => {
    expect(blackScholes('call', 42, 40, 0.5, 0.2, 0.1).price).toBeCloseTo(4.759422, 6);
    expect(blackScholes('put', 42, 40, 0.5, 0.2, 0.1).price).toBeCloseTo(0.808599, 6);
  });

  it('moves every holding as computed by hand', () => {
    expect(result.valueBefore).toBeCloseTo(14000 + 6000 + 9000 + 7285 - 2800 + 20000, 9); // 53,485
    // NVDA: industry Semiconductors −10% → −1,400.
    expect(byId('NVDA').pnl).toBeCloseTo(-1400, 9);
    // SOXL: 3 × SOXX (industry Semiconductors −10%) = −30% of 6,000 → −1,800.
    expect(byId('SOXL').pnl).toBeCloseTo(-1800, 9);
    // NVDL: 2 × NVDA −10% = −20% of 9,000 → −1,800.
    expect(byId('NVDL').pnl).toBeCloseTo(-1800, 9);
    // NVDA call, K 150, σ 50%, r 4%, T 0.40274, NVDA 140 → 126:
    //   before: d1 = (ln(140/150) + (0.04 + 0.125) × 0.40274) / (0.5 × √0.40274) = (−0.068993 + 0.066452) / 0.317309 = −0.008007,
    //           d2 = −0.325316; c = 140 × N(d1) − 150 e^(−0.016110) × N(d2) = 140 × 0.496806 − 147.6029 × 0.372469 = 14.574990
    //   after:  d1 = (ln(126/150) + 0.066452) / 0.317309 = −0.340051, d2 = −0.657360; c = 126 × 0.366909 − 147.6029 × 0.255466 = 8.521720
    //   P&L = 5 × 100 × (8.521720 − 14.574990) = −3,026.64 (the option −41.53%, the position −41.5% of 7,285)
    expect(byId(CALL).pnl).toBeCloseTo(-3026.635356, 5);
    // QQQ: 8% NVDA and 5% AVGO at −10%, 9% AAPL and the unlisted 78% unshocked → −1.3%: 520 → 513.24.
    // Written QQQ put, K 500, σ 20% (estimated), r 4%, T 0.40274:
    //   before: d1 = (ln(520/500) + 0.06 × 0.40274) / (0.2 × √0.40274) = (0.039221 + 0.024164) / 0.126924 = 0.499396, d2 = 0.372472;
    //           p = 500 e^(−0.016110) × N(−d2) − 520 × N(−d1) = 492.0096 × 0.354771 − 520 × 0.308750 = 14.000458
    //   after:  d1 = 0.396300, d2 = 0.269377; p = 16.212076
    //   P&L = −2 × 100 × (16.212076 − 14.000458) = −442.32: a written put loses as QQQ falls.
    expect(byId(PUT).pnl).toBeCloseTo(-442.323552, 5);
    expect(byId('SPAXX').pnl).toBe(0);
    expect(result.pnl).toBeCloseTo(-1400 - 1800 - 1800 - 3026.635356 - 442.323552, 5); // −8,468.96
  });

  it('says why each option moved: underlying move, option move, delta, gamma and volatility', () => {
    expect(byId(CALL).applied).toMatch(/^NVDA −10% → NVDA 20 Jun 2025 150 C −41\.53% \(delta 0\.50, gamma 0\.009, vol 50%\)/);
    expect(byId(CALL).option).toMatchObject({ underlyingChange: -0.1, volatilitySource: 'position', isExpired: false });
    expect(byId(CALL).option!.valueBefore).toBeCloseTo(500 * 14.574990253, 5);
    expect(byId(CALL).option!.valueAfter).toBeCloseTo(500 * 8.52171954, 5);
    expect(byId(CALL).option!.delta).toBeCloseTo(0.49680554687844, 9);
    expect(byId(PUT).applied).toMatch(/^QQQ −1\.3% → QQQ 20 Jun 2025 500 P \+15\.8% \(delta −0\.31, gamma 0\.\d{3}, vol 20% estimated\)/);
    expect(byId(PUT).applied).toContain('written: the loss is not capped by the premium');
    expect(byId(PUT).applied).toContain('through 3 listed holdings of QQQ');
  });

  it('models 100% of the book: nothing unclassified, nothing without a price (cash is knowingly unmoved)', () => {
    const c = result.coverage;
    expect(c.unclassified.value).toBe(0);
    expect(c.noPrice.value).toBe(0);
    // Moved: NVDA, SOXL, NVDL and the call wholly; the put by QQQ's listed semis (13%) and its unmoved rest (87%).
    expect(c.explicit.value).toBeCloseTo(14000 + 6000 + 9000 + 7285, 9);
    expect(c.throughFunds.value).toBeCloseTo(2800 * 0.13, 9);
    expect(c.noShock.value).toBeCloseTo(20000 + 2800 * 0.87, 9);
    expect(book.issues.filter((i) => i.kind === 'unclassified')).toEqual([]);
  });

  it('puts each option under its underlying in the aggregates', () => {
    const bySymbol = Object.fromEntries(result.aggregates.symbol!.map((r) => [r.key, r.pnl]));
    // NVDA: the shares, the calls and NVDL (2× NVDA, attributed to its stand-in): −1,400 − 3,026.64 − 1,800.
    expect(bySymbol.NVDA).toBeCloseTo(-1400 - 3026.635356 - 1800, 5);
    expect(bySymbol[CALL]).toBeUndefined();
    expect(bySymbol.QQQ).toBeCloseTo(-442.323552, 5);
  });
});

/** One stress of a small book of NVDA shares and options under "NVDA −10%" (a symbol shock), valued as above. */
function nvdaDown(held: ReturnType<typeof pos>[], change = -0.1): StressResult {
  const book = prepareBook(held, 'USD', ref, { optionMarket: market });
  return runScenario(book, scenario([{ target: 'symbol', value: 'NVDA', change }]));
}
const bs = (strike: number, spot: number) => blackScholes('call', spot, strike, T, 0.55, 0.04).price;

describe('option strategies come out right', () => {
  it('a covered call: 100 shares and one written call lose the shares’ loss less the call’s fall', () => {
    const result = nvdaDown([
      pos('NVDA', 100, 140),
      pos('NVDA  250620C00150000', -1, Math.round(bs(150, 140) * 100), { assetClass: 'other', multiplier: 100 }),
    ]);
    const call = 100 * (bs(150, 126) - bs(150, 140)); // the call loses value; written, that is a gain
    expect(call).toBeLessThan(0);
    expect(result.pnl).toBeCloseTo(-1400 - call, 6);
    expect(result.pnl).toBeGreaterThan(-1400);
  });

  it('a vertical spread (long 140 C, short 160 C) loses the difference of the two, never more than the debit', () => {
    const long = pos('NVDA  250620C00140000', 1, Math.round(bs(140, 140) * 100), { assetClass: 'other', multiplier: 100 });
    const short = pos('NVDA  250620C00160000', -1, Math.round(bs(160, 140) * 100), { assetClass: 'other', multiplier: 100 });
    for (const change of [-0.1, -0.5, 0.2, 1]) {
      const result = nvdaDown([long, short], change);
      const expected = 100 * (bs(140, 140 * (1 + change)) - bs(140, 140)) - 100 * (bs(160, 140 * (1 + change)) - bs(160, 140));
      expect(result.pnl).toBeCloseTo(expected, 6);
      const debit = 100 * (bs(140, 140) - bs(160, 140));
      // Worth between 0 and the discounted width after the move: the loss is at most the debit.
      expect(result.pnl).toBeGreaterThanOrEqual(-debit - 1e-9);
      expect(result.pnl).toBeLessThanOrEqual(100 * 20 * Math.exp(-0.04 * T) - debit + 1e-9);
    }
  });

  it('a written put loses more than its premium in a crash', () => {
    const premium = 100 * blackScholes('put', 140, 130, T, 0.55, 0.04).price;
    const result = nvdaDown([pos('NVDA  250620P00130000', -1, premium, { assetClass: 'other', multiplier: 100 })], -0.5);
    expect(result.pnl).toBeCloseTo(-100 * (blackScholes('put', 70, 130, T, 0.55, 0.04).price - premium / 100), 6);
    expect(-result.pnl).toBeGreaterThan(premium * 3);
  });

  it('an expired option is valued at intrinsic value and flagged; one whose underlying has no price is not tested, with the reason', () => {
    const expired = pos('NVDA  250117C00120000', 1, 2000, { assetClass: 'other', multiplier: 100 });
    const orphan = pos('AMD   250620C00150000', 1, 500, { assetClass: 'other', multiplier: 100 });
    const book = prepareBook([expired, orphan], 'USD', ref, { optionMarket: market });
    const result = runScenario(book, scenario([{ target: 'market', value: '', change: -0.1 }]));
    // Expired on 17 Jan, valued on 24 Jan: intrinsic 140 − 120 = 20 → 126 − 120 = 6 a share: P&L 100 × (6 − 20).
    expect(result.positions[0].pnl).toBeCloseTo(-1400, 9);
    expect(result.positions[0].applied).toContain('expired on 2025-01-17: valued at intrinsic value');
    expect(result.positions[1]).toMatchObject({ pnl: 0, source: 'none' });
    expect(result.positions[1].applied).toBe(
      'Not tested: no price for AMD, the underlying of AMD 20 Jun 2025 150 C, so it cannot be revalued.',
    );
    expect(result.coverage.noPrice.value).toBe(500);
    expect(result.coverage.noPrice.positionIds).toEqual([orphan.id]);
    expect(book.issues.find((i) => i.kind === 'options')!.message).toBe(
      'Expired options valued at intrinsic value: NVDA 17 Jan 2025 120 C. ' +
        'Options not tested (no underlying price or valuation date): AMD 20 Jun 2025 150 C.',
    );
  });
});
