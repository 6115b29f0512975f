import fc from 'fast-check';
import { describe, it } from 'vitest';
import { COVERAGE_PARTS, DIMENSIONS, explainPosition, prepareBook, reverseStress, runScenario } from '../../../shared/engine';
import type { Classification } from '../../../shared/domain/reference';
import { randomBook, randomShock, roundedChange } from './arbitraries';
import { fund, fx, reference, scenario, sec } from './book-builder';

const SYMBOLS = ['NVDA', 'AAPL', 'VST', 'XOM', 'JPM', 'QQQ', 'SPY', 'CASH', 'ZZZ'];
const SECTORS = ['Information Technology', 'Utilities', 'Energy', 'Financials'];
const THEMES = ['semiconductors', 'ai-energy', 'mega-cap-tech'];
const securities: Classification[] = [
  sec('NVDA', { sector: SECTORS[0], industry: 'Semiconductors', themes: ['semiconductors', 'mega-cap-tech'] }),
  sec('AAPL', { sector: SECTORS[0], industry: 'Technology Hardware', themes: ['mega-cap-tech'] }),
  sec('VST', { sector: SECTORS[1], themes: ['ai-energy'] }),
  sec('XOM', { sector: SECTORS[2], country: 'US' }),
  sec('JPM', { sector: SECTORS[3] }),
  sec('QQQ', { type: 'etf' }),
  sec('SPY', { type: 'etf' }),
  sec('CASH', { type: 'cash' }),
];
const ref = reference(
  securities,
  [fund('QQQ', { NVDA: 0.09, AAPL: 0.08, ZZZ: 0.01 }), fund('SPY', { AAPL: 0.07, XOM: 0.01, JPM: 0.015 })],
  [fx('EUR', 1.1)],
);

const shockArb = randomShock({ symbol: SYMBOLS, sector: SECTORS, theme: THEMES, market: [''] }, roundedChange);
const priceOnly = fc.array(shockArb, { minLength: 1, maxLength: 8 });
const bookArb = randomBook(SYMBOLS, {
  currencies: ['USD', 'USD', 'EUR'],
  accounts: ['Brokerage', 'IRA'],
  assetClass: (symbol) => (symbol === 'CASH' ? 'cash' : 'equity'),
  maxLength: 25,
});
const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));
/** Whether the rows' `field` sums to `total`, within rounding at the size of `scale`. */
const addsUpTo = <K extends string>(rows: Record<K, number>[], field: K, total: number, scale: number) =>
  close(
    rows.reduce((sum, r) => sum + r[field], 0),
    total,
    scale,
  );

describe('engine properties', () => {
  it('a scenario of zero shocks loses nothing', () => {
    fc.assert(
      fc.property(bookArb, fc.array(fc.constantFrom(...SYMBOLS)), (positions, names) => {
        const zero = scenario([...names.map((n) => ({ target: 'symbol' as const, value: n, change: 0 })), { target: 'market', change: 0 }]);
        const result = runScenario(prepareBook(positions, 'USD', ref), zero);
        return result.positions.every((p) => p.pnl === 0) && result.pnl === 0;
      }),
    );
  });

  it('without currency shocks P&L is linear in the scale, and reverse stress round-trips', () => {
    fc.assert(
      fc.property(bookArb, priceOnly, fc.double({ min: 0.1, max: 1.5, noNaN: true }), (positions, shocks, k) => {
        const book = prepareBook(positions, 'USD', ref);
        const s = scenario(shocks);
        const one = runScenario(book, s).pnl;
        const scaled = runScenario(book, s, { scale: k }).pnl;
        if (!close(scaled, k * one, book.totalValue)) return false;
        const target = 0.05;
        const answer = reverseStress(book, s, target);
        const reachable = one < 0 && book.totalValue > 0 && target < (-one / book.totalValue) * answer.maxScale * (1 - 1e-9);
        if (answer.scale === null) return !reachable;
        return close(runScenario(book, s, { scale: answer.scale }).return ?? NaN, -target, 1);
      }),
      { numRuns: 200 },
    );
  });

  it('slices add up to their position and aggregates add up to the total', () => {
    fc.assert(
      fc.property(bookArb, priceOnly, fc.boolean(), (positions, shocks, lookThrough) => {
        const book = prepareBook(positions, 'USD', ref, { lookThrough });
        const s = scenario(shocks);
        const result = runScenario(book, s, { by: [...DIMENSIONS] });
        for (const p of result.positions) {
          const slices = explainPosition(book, s, p.id);
          if (!addsUpTo(slices, 'value', p.value, p.value) || !addsUpTo(slices, 'pnl', p.pnl, p.value)) return false;
        }
        for (const d of DIMENSIONS.filter((x) => x !== 'theme')) {
          const rows = result.aggregates[d]!;
          if (!addsUpTo(rows, 'value', result.valueBefore, book.totalValue) || !addsUpTo(rows, 'pnl', result.pnl, book.totalValue))
            return false;
        }
        const cov = result.coverage;
        return addsUpTo(
          COVERAGE_PARTS.map((part) => cov[part]),
          'value',
          cov.grossValue,
          cov.grossValue,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of positions', () => {
    fc.assert(
      fc.property(bookArb, priceOnly, (positions, shocks) => {
        const s = scenario(shocks);
        const a = runScenario(prepareBook(positions, 'USD', ref), s);
        const b = runScenario(prepareBook([...positions].reverse(), 'USD', ref), s);
        const byId = new Map(b.positions.map((p) => [p.id, p.pnl]));
        return close(a.pnl, b.pnl, a.valueBefore) && a.positions.every((p) => byId.get(p.id) === p.pnl);
      }),
    );
  });
});
