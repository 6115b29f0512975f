import { describe, expect, it } from 'vitest';
import { explainPosition, prepareBook, type StressResult } from '../../../shared/engine';
import { currencySentence, defaultProxies, replayedScenario, replayScenario, runReplay } from '../../../shared/history';
import { pos, reference, sec } from '../engine/book-builder';
import { history, ok, series } from './history-builder';

const dates = ['2025-01-21', '2025-01-22', '2025-01-23', '2025-01-24'];
const prices = history({
  SAP: series(dates, [100, 104, 106, 110]),
  ALFA: series(dates, [100, 101, 99, 102]),
});
// Dollars per euro: down 10% on the 22nd, +5% over the window.
const eurusd = series(dates, [1, 0.9, 1.02, 1.05]);
const eurRate = { currency: 'EUR', quote: 'USD', rate: 1.1, asOf: '2025-01-24', source: 'test' };
const ref = reference(
  [sec('SAP', { sector: 'Information Technology', currency: 'EUR', country: 'DE' }), sec('ALFA', { sector: 'Information Technology' })],
  [],
  [eurRate],
);
// SAP €1,000 = $1,100; euro cash €500 = $550; ALFA $1,000.
const positions = [
  pos('SAP', 10, 100, { currency: 'EUR' }),
  pos('EUR', 500, 1, { currency: 'EUR', assetClass: 'cash' }),
  pos('ALFA', 10, 100),
];
const window = { from: '2025-01-21', to: '2025-01-24' };
const moveOf = (result: StressResult, symbol: string) => result.positions.find((p) => p.symbol === symbol)!;

describe('story: a dollar investor replays 21 → 24 Jan with a German stock and euro cash', () => {
  const book = prepareBook(positions, 'USD', ref);
  const result = ok(runReplay(book, prices, defaultProxies(), { ...window, fx: history({ 'EURUSD=X': eurusd }) }));

  it('composes the stock’s +10% with the euro’s +5%: +15.5%; euro cash moves +5%; the dollar stock by its own +2%', () => {
    expect(moveOf(result, 'SAP').return).toBeCloseTo(0.155, 12);
    expect(moveOf(result, 'SAP').applied).toBe('Own total return 2025-01-21 → 2025-01-24: +10%; currency EUR +5%');
    expect(moveOf(result, 'EUR').return).toBeCloseTo(0.05, 12);
    expect(moveOf(result, 'EUR').pnl).toBeCloseTo(27.5, 9);
    expect(moveOf(result, 'ALFA').return).toBeCloseTo(0.02, 12);
    expect(result.valueBefore).toBeCloseTo(2650, 9);
    expect(result.pnl).toBeCloseTo(1100 * 0.155 + 550 * 0.05 + 1000 * 0.02, 9);
  });

  it('states each currency’s move with its rates', () => {
    expect(result.history!.currencies).toEqual([
      { currency: 'EUR', pair: 'EUR/USD', change: expect.closeTo(0.05, 12), reason: 'EUR/USD 1.0000 → 1.0500: +5%' },
    ]);
    expect(result.history!.notes.slice(0, 2)).toEqual([
      "Total returns from adjusted closes in each holding's currency, composed with that currency's move against USD where exchange-rate history covers the window.",
      'EUR/USD 1.0000 → 1.0500: +5%, applied to EUR holdings and cash.',
    ]);
  });

  it('follows the euro day by day: the worst day is the euro’s fall on the 22nd', () => {
    // 2,650 → 1,029.6 + 495 + 1,010 = 2,534.6 on the 22nd (2,704 without the euro's −10%).
    expect(result.history!.worstDay).toEqual({ date: '2025-01-22', change: expect.closeTo(2534.6 / 2650 - 1, 12) });
    expect(result.history!.drawdown).toEqual({ change: expect.closeTo(2534.6 / 2650 - 1, 12), peak: '2025-01-21', trough: '2025-01-22' });
  });

  it('explains a position with the same currency move as the run (the scenario the engine ran)', () => {
    const overrides = new Map(Object.entries(result.history!.moves!));
    const [slice] = explainPosition(
      book,
      replayedScenario(replayScenario(window.from, window.to), result.history),
      moveOf(result, 'SAP').id,
      { overrides },
    );
    expect(slice.return).toBeCloseTo(0.155, 12);
    expect(slice.fx).toMatchObject({ change: expect.closeTo(0.05, 12), reason: 'currency EUR +5%' });
  });

  it('without exchange-rate history over the window, replays euro holdings in local currency and says so', () => {
    for (const fx of [history({}), history({ 'EURUSD=X': series(dates.slice(1), [0.9, 1.02, 1.05]) })]) {
      const r = ok(runReplay(book, prices, defaultProxies(), { ...window, fx }));
      expect(moveOf(r, 'SAP').return).toBeCloseTo(0.1, 12);
      expect(moveOf(r, 'EUR').return).toBe(0);
      expect(r.history!.currencies).toEqual([
        {
          currency: 'EUR',
          pair: 'EUR/USD',
          change: null,
          reason: 'EUR/USD: no exchange-rate history over the window, refresh market data; EUR holdings replayed in local currency.',
        },
      ]);
      expect(r.history!.notes).toContain(
        'EUR/USD: no exchange-rate history over the window, refresh market data; EUR holdings replayed in local currency.',
      );
    }
  });
});

describe('exchange-rate routes', () => {
  it('reads a euro investor’s dollar holding from the inverse pair', () => {
    const book = prepareBook([pos('ALFA', 10, 100)], 'EUR', ref);
    const r = ok(runReplay(book, prices, defaultProxies(), { ...window, fx: history({ 'EURUSD=X': eurusd }) }));
    expect(r.positions[0].return).toBeCloseTo(1.02 / 1.05 - 1, 12);
    expect(r.history!.currencies![0].reason).toBe('USD/EUR 1.0000 → 0.95238: −4.76%');
  });

  it('crosses through the dollar when neither the pair nor its inverse is stored', () => {
    const gbp = { currency: 'GBP', quote: 'EUR', rate: 1.2, asOf: '2025-01-24', source: 'test' };
    const book = prepareBook([pos('VOD', 10, 100, { currency: 'GBp' })], 'EUR', reference([sec('VOD', { currency: 'GBp' })], [], [gbp]));
    const fx = history({ 'GBPUSD=X': series(dates, [1.25, 1.25, 1.25, 1.3]), 'EURUSD=X': eurusd });
    const r = ok(runReplay(book, history({ VOD: series(dates, [100, 100, 100, 100]) }), defaultProxies(), { ...window, fx }));
    // Euros per pound: 1.25 → 1.3 / 1.05.
    expect(r.positions[0].return).toBeCloseTo(1.3 / 1.05 / 1.25 - 1, 12);
    expect(r.history!.currencies![0]).toMatchObject({ currency: 'GBp', pair: 'GBP/EUR' });
    expect(r.history!.currencies![0].reason).toMatch(/^GBP\/EUR \(through USD\) 1\.2500 → 1\.2381: −0\.95%$/);
  });

  it('leaves a book all in the base currency as before, saying no currency moves apply', () => {
    const r = ok(
      runReplay(prepareBook([pos('ALFA', 10, 100)], 'USD', ref), prices, defaultProxies(), {
        ...window,
        fx: history({ 'EURUSD=X': eurusd }),
      }),
    );
    expect(r.history!.currencies).toBeUndefined();
    expect(r.history!.notes[0]).toBe('Total returns from adjusted closes; every holding is in USD, so no currency moves apply.');
    expect(r.shockValue).toEqual([]);
  });
});

describe('a report’s sentence on a replay’s currencies', () => {
  it('gives each move, or says which holdings stayed in local currency', () => {
    const moves = [
      { currency: 'EUR', pair: 'EUR/USD', change: 0.0385, reason: 'EUR/USD 1.0400 → 1.0800: +3.85%' },
      {
        currency: 'GBp',
        pair: 'GBP/USD',
        change: null,
        reason: 'GBP/USD: no exchange-rate history over the window, refresh market data; GBp holdings replayed in local currency.',
      },
    ];
    expect(currencySentence('USD', moves)).toBe(
      'Currencies against USD: EUR/USD 1.0400 → 1.0800: +3.85%; GBp holdings in local currency (no GBP/USD history over the window).',
    );
  });
});
