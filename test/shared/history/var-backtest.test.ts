import { describe, expect, it } from 'vitest';
import { bookReturns, kupiec, varBacktest, varVerdicts } from '../../../shared/history/var-backtest';
import { fromReturns, history, weekdays } from './history-builder';

describe("Kupiec's proportion-of-failures test", () => {
  it('matches the likelihood ratio worked by hand and its χ²(1) p-value', () => {
    // 40 breaches in 500 days at 5%: LR = −2[460 ln .95 + 40 ln .05 − 460 ln .92 − 40 ln .08] = 8.0790.
    const k = kupiec(500, 40, 0.05);
    expect(k.lr).toBeCloseTo(8.079041, 5);
    expect(k.pValue).toBeCloseTo(0.004478, 5);
    expect(kupiec(250, 0, 0.01).lr).toBeCloseTo(5.025168, 5); // no breach in a year at 99% is already too few
    expect(kupiec(1000, 10, 0.01).lr).toBeCloseTo(0, 12);
  });
});

describe('rolling 1-day VaR against the next day', () => {
  it('counts a breach when the loss exceeds the VaR of the window before it', () => {
    const dates = weekdays('2024-01-01', 7).slice(1);
    // Window 4: day 4's window has worst −2% (historical VaR 2% at both levels) and it loses 5%: a breach;
    // day 5's window has worst −5% and it gains: none.
    const rows = varBacktest('T', dates, [0.01, -0.02, 0.03, -0.01, -0.05, 0.02], 4);
    const hist95 = rows.find((r) => r.method === 'historical' && r.level === 0.95)!;
    expect(hist95).toMatchObject({ series: 'T', days: 2, breaches: 1, from: dates[4], to: dates[5] });
    expect(hist95.expected).toBeCloseTo(0.1, 12);
    expect(rows.find((r) => r.method === 'parametric' && r.level === 0.99)!.breaches).toBe(1);
    expect(varVerdicts(rows).find((v) => v.method === 'historical' && v.level === 0.95)).toMatchObject({ series: 1, breaches: 1, days: 2 });
  });

  it('builds a constant-weight book on the days all its members traded', () => {
    const dates = weekdays('2024-01-01', 4);
    const h = history({ A: fromReturns(dates, [0.1, 0.2, -0.1]), B: fromReturns(dates.slice(1), [0.0, 0.1]) });
    const book = bookReturns(h, { A: 0.75, B: 0.25 })!;
    expect(book.dates).toEqual(dates.slice(2));
    expect(book.returns[0]).toBeCloseTo(0.75 * 0.2 + 0.25 * 0.0, 12);
    expect(book.returns[1]).toBeCloseTo(0.75 * -0.1 + 0.25 * 0.1, 12);
    expect(bookReturns(h, { A: 1, MISSING: 1 })).toBeNull();
  });
});
