import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERAGE_PARTS, DIMENSIONS, prepareBook, runScenario, type StressResult } from '../../../shared/engine';
import type { Classification } from '../../../shared/domain/reference';
import { basisPointMove, randomShock, wholePercentChange } from './arbitraries';
import { fund, fx, pos, reference, scenario, sec } from './book-builder';

// The pass over securities (positions: false) against moving every group one by one (positions: true), on random
// books that hold what users hold: funds (one inside another), a leveraged fund, bonds with durations, cash, pence,
// foreign currencies, a currency without a rate, shorts, options (long and written); and scenarios with fund-ticker, rates and currency shocks.
const STOCKS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const HELD = [...STOCKS, 'BND', 'FND', 'FN2', 'SOXL', 'SOXX', 'CSH', 'VOD', 'ZZZ', 'AAA   260116C00100000', 'FND   260116P00020000'];
const SECTORS = ['Tech', 'Energy'];
const THEMES = ['ai', 'grid', 'chips'];

const stockArb = (symbol: string) =>
  fc
    .record({
      sector: fc.constantFrom(null, ...SECTORS),
      industry: fc.constantFrom(null, 'Chips', 'Power'),
      country: fc.constantFrom(null, 'US', 'NL'),
      themes: fc.subarray(THEMES),
    })
    .map((over): Classification => sec(symbol, over));

const shockArb = randomShock(
  {
    symbol: HELD,
    theme: THEMES,
    industry: ['Chips', 'Power'],
    sector: SECTORS,
    country: ['US', 'NL', 'GB'],
    assetClass: ['equity', 'cash', 'bond', 'fund'],
    currency: ['EUR', 'GBP', 'USD'],
    rates: { values: [''], change: basisPointMove },
    market: [''],
  },
  wholePercentChange,
  { toggled: true },
);

const holdingArb = fc.record({
  symbol: fc.constantFrom(...HELD),
  quantity: fc.integer({ min: -50, max: 200 }),
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBp', 'JPY'),
});

/** Options are revalued on their underlying's move (options-pass) with these prices, from this date. */
const OPTION_MARKET = {
  asOf: '2025-06-20',
  rate: 0.04,
  underlyings: { AAA: { price: 100, volatility: 0.45 }, FND: { price: 25, volatility: null } },
};

const caseArb = fc.record({
  classes: fc.tuple(...STOCKS.map(stockArb)),
  holdings: fc.array(holdingArb, { minLength: 1, maxLength: 12 }),
  shocks: fc.array(shockArb, { minLength: 0, maxLength: 10 }),
  base: fc.constantFrom('USD', 'GBP', 'EUR'),
  lookThrough: fc.boolean(),
});

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

function comparable(result: StressResult) {
  return {
    pnl: result.pnl,
    coverage: COVERAGE_PARTS.map((p) => result.coverage[p].value),
    unclassified: result.coverage.unclassified.symbols,
    shockValue: result.shockValue,
    aggregates: Object.fromEntries(
      Object.entries(result.aggregates).map(([d, rows]) => [d, Object.fromEntries(rows.map((r) => [r.key, [r.value, r.pnl]]))]),
    ),
  };
}

function expectNear(fast: unknown, slow: unknown, path = ''): void {
  if (typeof fast === 'number' && typeof slow === 'number') {
    if (!near(fast, slow)) expect.fail(`${path}: ${fast} (securities pass) ≠ ${slow} (group by group)`);
    return;
  }
  if (Array.isArray(slow) && slow.every((x) => typeof x === 'string')) {
    expect(fast, path).toEqual(slow);
    return;
  }
  expect(typeof fast, path).toBe(typeof slow);
  const keys = new Set([...Object.keys(fast as object), ...Object.keys(slow as object)]);
  for (const k of keys) expectNear((fast as Record<string, unknown>)[k], (slow as Record<string, unknown>)[k], `${path}.${k}`);
}

describe('the pass over securities', () => {
  it('gives the totals, coverage, shock reach and aggregates of moving every group one by one', () => {
    fc.assert(
      fc.property(caseArb, ({ classes, holdings, shocks, base, lookThrough }) => {
        const ref = reference(
          [
            ...classes,
            sec('BND', { type: 'bond-fund', duration: { years: 6.5, source: 'user' } }),
            sec('FND', { type: 'etf', themes: ['ai'] }),
            sec('FN2', { type: 'etf', country: 'NL' }),
            sec('SOXX', { type: 'etf', sector: 'Tech' }),
            sec('CSH', { type: 'money-market' }),
            sec('VOD', { country: 'GB', currency: 'GBp', sector: 'Telecom' }),
          ],
          [
            fund('FND', { AAA: 0.4, FN2: 0.2, ZZZ: 0.1, BND: 0.1 }),
            fund('FN2', { BBB: 0.7, CCC: 0.5 }),
            fund('SOXX', { CCC: 0.6, DDD: 0.3 }),
          ],
          [fx('EUR', 1.08), fx('GBP', 1.27)],
        );
        const book = prepareBook(
          holdings.map((h) =>
            pos(h.symbol, h.quantity, h.currency === 'GBp' ? 250 : 40, {
              currency: h.currency,
              assetClass: h.symbol === 'CSH' ? 'cash' : ['FND', 'FN2', 'SOXX', 'SOXL'].includes(h.symbol) ? 'fund' : 'equity',
              ...(h.symbol.length > 6 ? { assetClass: 'other' as const, multiplier: 100 } : {}),
            }),
          ),
          base,
          ref,
          { lookThrough, optionMarket: OPTION_MARKET },
        );
        const s = scenario(shocks);
        const by = DIMENSIONS.filter((d) => d !== 'account');
        const fast = runScenario(book, s, { positions: false, by });
        const slow = runScenario(book, s, { positions: true, by });
        expectNear(comparable(fast), comparable(slow));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
