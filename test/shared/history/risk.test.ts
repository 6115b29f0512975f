import { describe, expect, it } from 'vitest';
import { blackScholes } from '../../../shared/domain/options';
import { prepareBook } from '../../../shared/engine';
import { defaultProxies, drawdownPath, historicalTail, portfolioRisk, returnHistogram, returnRisk } from '../../../shared/history';
import { pos, reference, sec } from '../engine/book-builder';
import { fromReturns, history, weekdays } from './history-builder';

// Two bad days, then nineteen pairs of +1% / −1%: n = 40, mean −0.2%.
const returns = [-0.05, -0.03, ...Array.from({ length: 19 }, () => [0.01, -0.01]).flat()];
const dates = weekdays('2024-01-01', 41);

describe('risk figures of a known series', () => {
  const risk = returnRisk(
    dates,
    returns,
    returns.map((r) => r / 2),
  );
  const tail = (level: number, horizonDays: number) => risk.tails.find((t) => t.level === level && t.horizonDays === horizonDays)!;

  it('historical VaR and CVaR take the ⌈n(1 − p)⌉ worst days', () => {
    expect(tail(0.95, 1).historicalVar).toBeCloseTo(0.03, 12);
    expect(tail(0.95, 1).historicalCvar).toBeCloseTo(0.04, 12);
    expect(tail(0.99, 1).historicalVar).toBeCloseTo(0.05, 12);
    expect(tail(0.99, 1).historicalCvar).toBeCloseTo(0.05, 12);
    // 31 overlapping 10-day windows → the 2 worst at 95%: starting on day 1 and on day 2.
    const w1 = 0.95 * 0.97 * (1.01 * 0.99) ** 4 - 1;
    const w2 = 0.97 * (1.01 * 0.99) ** 4 * 1.01 - 1;
    expect(tail(0.95, 10).historicalVar).toBeCloseTo(-w2, 12);
    expect(tail(0.95, 10).historicalCvar).toBeCloseTo(-(w1 + w2) / 2, 12);
  });

  it('parametric VaR and CVaR use the normal with the sample mean and deviation', () => {
    const sigma = 0.013435505964154102;
    expect(risk.volatility).toBeCloseTo(sigma * Math.sqrt(252), 12);
    expect(tail(0.95, 1).parametricVar).toBeCloseTo(0.002 + 1.6448536269514722 * sigma, 12);
    expect(tail(0.95, 1).parametricCvar).toBeCloseTo(0.029713590227603094, 12);
    expect(tail(0.99, 10).parametricVar).toBeCloseTo(10 * 0.002 + Math.sqrt(10) * sigma * 2.3263478740408408, 12);
  });

  it('beta to the benchmark and the drawdown with its dates', () => {
    expect(risk.beta).toBeCloseTo(2, 12);
    expect(risk.maxDrawdown!.change).toBeCloseTo(0.95 * 0.97 * (1.01 * 0.99) ** 19 - 1, 12);
    expect(risk.maxDrawdown).toMatchObject({ peak: dates[0], trough: dates[40] });
    expect(risk.observations).toBe(40);
  });

  it('has a tail of at least one day however short the sample', () => {
    expect(historicalTail([0.01, -0.02], 0.99)).toEqual({ var: 0.02, cvar: 0.02 });
  });
});

describe('portfolio risk from the holdings’ histories', () => {
  const long = weekdays('2023-01-02', 121);
  const a = Array.from({ length: 120 }, (_, t) => 0.01 * Math.sin(t));
  const h = history({
    SPY: fromReturns(
      long,
      a.map((r) => r / 2),
    ),
    AAA: fromReturns(long, a),
  });
  const ref = reference([sec('AAA'), sec('BBB'), sec('ZZZ', { sector: 'Energy' })]);
  const book = prepareBook([pos('AAA', 6, 100), pos('BBB', 2, 100), pos('USD', 200, 1, { assetClass: 'cash' })], 'USD', ref);

  it('weights each holding by value, proxies what lacks history and says so', () => {
    const risk = portfolioRisk(book, h, defaultProxies(), { asOf: long[120] });
    if ('error' in risk) throw new Error(risk.error);
    // AAA (600) moves 2× SPY, BBB (200) moves as SPY, cash (200) not at all: β = 0.6 × 2 + 0.2 × 1 = 1.4.
    expect(risk.beta).toBeCloseTo(1.4, 10);
    expect(risk.proxied).toEqual([{ symbol: 'BBB', proxy: 'SPY', value: 200 }]);
    expect(risk.excluded).toEqual([]);
    expect(risk.coveredShare).toBe(1);
    expect(risk.window).toEqual({ from: long[0], to: long[120] });
    // The daily series behind the figures: one return per day after the first, AAA's a on 60% and SPY's a/2 on 20%.
    expect(risk.daily.dates).toEqual(long.slice(0, 121));
    expect(risk.daily.returns).toHaveLength(120);
    expect(risk.daily.returns[5]).toBeCloseTo(0.7 * a[5], 12);
  });

  it('counts an option by its delta-adjusted exposure to its underlying (first order, stated)', () => {
    // One AAA call, delta d at AAA 100: its daily P&L is 100 × d × 100 × AAA's return; on its value 1,000, AAA moves 2× SPY.
    const market = { asOf: '2023-06-01', rate: 0.04, underlyings: { AAA: { price: 100, volatility: 0.3 } } };
    const optionBook = prepareBook([pos('AAA   231215C00100000', 1, 1000, { assetClass: 'other', multiplier: 100 })], 'USD', ref, {
      optionMarket: market,
    });
    const risk = portfolioRisk(optionBook, h, defaultProxies(), { asOf: long[120] });
    if ('error' in risk) throw new Error(risk.error);
    const d = blackScholes('call', 100, 100, 197 / 365, 0.3, 0.04).delta;
    expect(risk.beta).toBeCloseTo(((100 * d * 100) / 1000) * 2, 10);
    expect(risk.coveredShare).toBe(1);
    expect(risk.excluded).toEqual([]);
    expect(risk.notes.some((n) => n.startsWith('Options count as their delta-adjusted exposure'))).toBe(true);
  });

  it('leaves out holdings without history or stand-in and refuses a missing benchmark', () => {
    const risk = portfolioRisk(
      book,
      history({ SPY: fromReturns(long, a), AAA: fromReturns(long, a) }),
      { ...defaultProxies(), market: 'NONE' },
      { asOf: long[120], benchmark: 'SPY' },
    );
    if ('error' in risk) throw new Error(risk.error);
    expect(risk.excluded).toEqual([{ symbol: 'BBB', value: 200 }]);
    expect(risk.coveredShare).toBeCloseTo(0.8, 12);
    expect(portfolioRisk(book, h, defaultProxies(), { asOf: long[120], benchmark: 'QQQ' })).toEqual({
      ok: false,
      error: 'There is no price history for the benchmark QQQ.',
    });
  });

  it('takes a fund’s own daily returns where it has them, and its holdings’ only where it has none', () => {
    // FUND lists AAA at 100% but its own series moves as SPY (β 1); through AAA it would be β 2.
    const fundRef = reference(
      [sec('AAA'), sec('FUND', { type: 'etf' })],
      [{ fund: 'FUND', asOf: '2025-10-01', source: 'test', holdings: [{ symbol: 'AAA', weight: 1 }] }],
    );
    const fundBook = prepareBook([pos('FUND', 10, 100, { assetClass: 'fund' })], 'USD', fundRef);
    const own = portfolioRisk(
      fundBook,
      history({
        SPY: fromReturns(
          long,
          a.map((r) => r / 2),
        ),
        AAA: fromReturns(long, a),
        FUND: fromReturns(
          long,
          a.map((r) => r / 2),
        ),
      }),
      defaultProxies(),
      { asOf: long[120] },
    );
    if ('error' in own) throw new Error(own.error);
    expect(own.beta).toBeCloseTo(1, 10);
    const through = portfolioRisk(fundBook, h, defaultProxies(), { asOf: long[120] });
    if ('error' in through) throw new Error(through.error);
    expect(through.beta).toBeCloseTo(2, 10);
  });
});

describe('portfolio risk in the base currency', () => {
  const long = weekdays('2023-01-02', 121);
  const a = Array.from({ length: 120 }, (_, t) => 0.01 * Math.sin(t));
  // The euro's daily move against the dollar, unrelated to a.
  const b = Array.from({ length: 120 }, (_, t) => 0.004 * Math.cos(3 * t));
  const flat = fromReturns(
    long,
    a.map(() => 0),
  );
  const volatilityOf = (r: readonly number[]) => {
    const mean = r.reduce((x, y) => x + y, 0) / r.length;
    return Math.sqrt((r.reduce((x, y) => x + (y - mean) ** 2, 0) / (r.length - 1)) * 252);
  };
  const ref = reference(
    [sec('EEE', { country: 'DE' }), sec('VUSA.L', { type: 'etf' })],
    [],
    [
      { currency: 'EUR', quote: 'USD', rate: 1.1, asOf: '2023-07-01', source: 'test' },
      { currency: 'GBP', quote: 'USD', rate: 1.25, asOf: '2023-07-01', source: 'test' },
    ],
  );
  const risk = (book: ReturnType<typeof prepareBook>, fx?: Record<string, ReturnType<typeof fromReturns>>) => {
    const result = portfolioRisk(book, history({ SPY: fromReturns(long, a), EEE: flat, VOO: fromReturns(long, a) }), defaultProxies(), {
      asOf: long[120],
      ...(fx ? { fx: history(fx) } : {}),
    });
    if ('error' in result) throw new Error(result.error);
    return result;
  };

  it('moves a euro holding of a dollar investor by the euro, day by day, where its price stood still', () => {
    const book = prepareBook([pos('EEE', 10, 100, { currency: 'EUR' })], 'USD', ref);
    const usd = risk(book, { 'EURUSD=X': fromReturns(long, b) });
    expect(usd.daily.returns.map((r) => r.toFixed(12))).toEqual(b.map((r) => r.toFixed(12)));
    expect(usd.volatility).toBeCloseTo(volatilityOf(b), 10);
    expect(usd.notes.join(' ')).toContain('Holdings in EUR count their daily returns in USD');
    // Euro cash too: it moves only by the euro.
    const cash = risk(prepareBook([pos('EUR', 1000, 1, { currency: 'EUR', assetClass: 'cash' })], 'USD', ref), {
      'EURUSD=X': fromReturns(long, b),
    });
    expect(cash.volatility).toBeCloseTo(volatilityOf(b), 10);
    // The pair stored the other way round (dollars in euros) reads the same move.
    const inverse = risk(book, { 'USDEUR=X': { dates: long, closes: fromReturns(long, b).closes.map((c) => 1 / c) } });
    expect(inverse.volatility).toBeCloseTo(volatilityOf(b), 10);
  });

  it('says when the pair has no history, and then counts the local return only', () => {
    const book = prepareBook([pos('EEE', 10, 100, { currency: 'EUR' })], 'USD', ref);
    const local = risk(book);
    expect(local.volatility).toBe(0);
    expect(local.notes.join(' ')).toContain('No EUR/USD history over the window: holdings in EUR count their local-currency returns only');
  });

  it('reads an index fund’s dollar stand-in in dollars: a pound investor sees the dollar’s move, a dollar investor none', () => {
    // VUSA.L (the S&P 500 in pounds) has no history here: it follows VOO, whose closes are in dollars.
    const gbpUsd = fromReturns(long, b);
    const inDollars = risk(prepareBook([pos('VUSA.L', 10, 80, { currency: 'GBP' })], 'USD', ref), { 'GBPUSD=X': gbpUsd });
    expect(inDollars.proxied).toEqual([{ symbol: 'VUSA.L', proxy: 'VOO', value: 800 * 1.25 }]);
    expect(inDollars.volatility).toBeCloseTo(volatilityOf(a), 10);
    const inPounds = risk(prepareBook([pos('VUSA.L', 10, 80, { currency: 'GBP' })], 'GBP', ref), { 'GBPUSD=X': gbpUsd });
    // Dollars per pound move by b: a dollar moves by 1 / (1 + b) − 1 in pounds.
    const expected = a.map((r, t) => (1 + r) / (1 + b[t]) - 1);
    expect(inPounds.daily.returns.map((r) => r.toFixed(12))).toEqual(expected.map((r) => r.toFixed(12)));
  });
});

describe('risk pictures', () => {
  it('follows the value down from its running peak and back to 0 at a new high', () => {
    const path = drawdownPath(['d0', 'd1', 'd2', 'd3', 'd4'], [0.1, -0.2, 0.1, 0.25]);
    expect(path.map((p) => p.date)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    // 1 → 1.1 (peak) → 0.88 (−20%) → 0.968 (−12%) → 1.21 (new peak).
    expect(path.map((p) => Math.round(p.drawdown * 1e6) / 1e6)).toEqual([0, 0, -0.2, -0.12, 0]);
  });

  it('counts every day once into equal buckets from the worst day to the best', () => {
    const buckets = returnHistogram([-0.03, -0.015, 0, 0.005, 0.03], 3);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 1]);
    expect(buckets[0].from).toBe(-0.03);
    expect(buckets[2].to).toBeCloseTo(0.03, 12);
    expect(returnHistogram([0.01, 0.01])).toEqual([{ from: 0.01, to: 1.01, count: 2 }]);
    expect(returnHistogram([])).toEqual([]);
  });
});
