import { describe, expect, it } from 'vitest';
import type { FxRate, Position } from '../../../shared/domain/types';
import { fxRate, localValue, valueCurrencySums, valuePositions } from '../../../shared/domain/valuation';

const rate = (currency: string, quote: string, value: number): FxRate => ({
  currency,
  quote,
  rate: value,
  asOf: '2025-02-21',
  source: 'test',
});
const position = (over: Partial<Position>): Position => ({
  id: 1,
  accountId: 1,
  accountName: 'A',
  symbol: 'X',
  name: '',
  assetClass: 'equity',
  quantity: 1,
  price: 1,
  marketValue: null,
  costBasis: null,
  currency: 'USD',
  asOf: null,
  isShortIntended: false,
  ...over,
});

describe('FX rates', () => {
  const rates = [rate('EUR', 'USD', 1.0465), rate('USD', 'JPY', 150), rate('GBP', 'USD', 1.25)];
  it.each([
    ['USD', 'USD', 1],
    ['EUR', 'USD', 1.0465],
    ['USD', 'EUR', 1 / 1.0465],
    ['JPY', 'USD', 1 / 150],
    ['EUR', 'JPY', 1.0465 * 150],
    ['GBp', 'USD', 0.0125],
    ['GBP', 'EUR', 1.25 / 1.0465],
    ['CHF', 'USD', null],
  ])('%s → %s = %s', (from, to, expected) => {
    const got = fxRate(from, to, rates);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });
});

describe('FX rates quoted against the euro', () => {
  it('crosses through EUR when there is no USD quote', () => {
    const ecb = [rate('EUR', 'USD', 1.0465), rate('EUR', 'GBP', 0.82608), rate('EUR', 'JPY', 156.96)];
    expect(fxRate('GBP', 'USD', ecb)).toBeCloseTo(1.0465 / 0.82608, 12);
    expect(fxRate('JPY', 'GBP', ecb)).toBeCloseTo(0.82608 / 156.96, 12);
    expect(fxRate('GBp', 'EUR', ecb)).toBeCloseTo(0.01 / 0.82608, 12);
  });
});

describe('valuing a portfolio', () => {
  it('values quantity × price × FX and weights by base value', () => {
    const result = valuePositions(
      [
        position({ id: 1, symbol: 'NVDA', quantity: 400, price: 138.79 }),
        position({ id: 2, symbol: 'LDO.MI', quantity: 300, price: 31.68, currency: 'EUR' }),
        position({ id: 3, symbol: 'TSLA', quantity: -10, price: 300 }),
      ],
      'USD',
      [rate('EUR', 'USD', 1.0465)],
    );
    expect(result.positions.map((p) => p.baseValue)).toEqual([55516, 300 * 31.68 * 1.0465, -3000]);
    const total = 55516 + 300 * 31.68 * 1.0465 - 3000;
    expect(result.totalBaseValue).toBeCloseTo(total, 9);
    expect(result.positions[0].weight).toBeCloseTo(55516 / total, 12);
    expect(result.positions.reduce((s, p) => s + (p.weight ?? 0), 0)).toBeCloseTo(1, 12);
    expect(result.missingFx).toEqual([]);
  });

  it('uses the market value when there is no price, and leaves out currencies it cannot convert', () => {
    expect(localValue({ quantity: 10, price: null, marketValue: 1234.5 })).toBe(1234.5);
    const result = valuePositions(
      [position({ id: 1, quantity: 10, price: null, marketValue: 1000 }), position({ id: 2, currency: 'CHF', price: 50, quantity: 2 })],
      'USD',
      [],
    );
    expect(result.totalBaseValue).toBe(1000);
    expect(result.positions[1]).toMatchObject({ localValue: 100, baseValue: null, weight: null });
    expect(result.missingFx).toEqual(['CHF']);
  });
});

describe('totalling sums per currency (the client list)', () => {
  it('converts each currency once, counts every position and lists the currencies it cannot convert', () => {
    const sums = [
      { currency: 'USD', positions: 3, localValue: 55516 },
      { currency: 'EUR', positions: 1, localValue: 9504 },
      { currency: 'CHF', positions: 2, localValue: 100 },
      { currency: 'AUD', positions: 1, localValue: 5 },
    ];
    expect(valueCurrencySums(sums, 'USD', [rate('EUR', 'USD', 1.0465)])).toEqual({
      totalValue: 55516 + 9504 * 1.0465,
      positionCount: 7,
      missingFx: ['AUD', 'CHF'],
    });
    expect(valueCurrencySums([], 'EUR', [])).toEqual({ totalValue: 0, positionCount: 0, missingFx: [] });
  });
});
