import { describe, expect, it } from 'vitest';
import { prepareBook, type StressResult } from '../../../shared/engine';
import { defaultProxies, runReplay } from '../../../shared/history';
import { pos, reference } from '../engine/book-builder';
import { history, ok, series } from './history-builder';

// VOO (the S&P 500 in dollars) −10%; the pound −10% against the dollar (dollars per pound 1.25 → 1.125).
const dates = ['2022-01-03', '2022-01-04', '2022-01-05'];
const prices = history({ VOO: series(dates, [100, 95, 90]), SPY: series(dates, [400, 380, 360]) });
const gbpusd = series(dates, [1.25, 1.2, 1.125]);
const ref = reference([], [], [{ currency: 'GBP', quote: 'USD', rate: 1.125, asOf: '2022-01-05', source: 'test' }]);
const window = { from: '2022-01-03', to: '2022-01-05' };
const moveOf = (result: StressResult, symbol: string) => result.positions.find((p) => p.symbol === symbol)!;

describe('story: S&P 500 UCITS ETFs without history of their own, replayed through VOO in the currency they trade in', () => {
  // VUSA.L trades in pounds, CSPX.L in dollars; both hold the S&P 500.
  const positions = [pos('VUSA.L', 10, 100, { currency: 'GBP' }), pos('CSPX.L', 2, 500)];

  it('for a pound investor: the S&P’s −10% in dollars is 0% in pounds when the pound fell 10% (VOO × pounds per dollar)', () => {
    const book = prepareBook(positions, 'GBP', ref);
    const result = ok(runReplay(book, prices, defaultProxies(), { ...window, fx: history({ 'GBPUSD=X': gbpusd }) }));
    expect(moveOf(result, 'VUSA.L').return).toBeCloseTo(0, 12);
    expect(moveOf(result, 'VUSA.L').applied).toBe(
      'Proxy: no price history of its own, moved as VOO (VUSA.L follows the S&P 500, as VOO does) in GBP 0%',
    );
    // The dollar listing moves −10% in dollars, then by the dollar's +11.1% against the pound: 0% too.
    expect(moveOf(result, 'CSPX.L').return).toBeCloseTo(0, 12);
  });

  it('for a dollar investor: the pound listing falls as the S&P in dollars (its move in pounds, then the pound’s)', () => {
    const book = prepareBook(positions, 'USD', ref);
    const result = ok(runReplay(book, prices, defaultProxies(), { ...window, fx: history({ 'GBPUSD=X': gbpusd }) }));
    expect(moveOf(result, 'VUSA.L').return).toBeCloseTo(-0.1, 12);
    expect(moveOf(result, 'CSPX.L').return).toBeCloseTo(-0.1, 12);
    // Day by day too: the worst day is the 5th (VOO −5.26% in dollars), not a day of the pound's own path.
    expect(result.history!.worstDay).toEqual({ date: '2022-01-05', change: expect.closeTo(90 / 95 - 1, 12) });
  });

  it('without dollar–pound closes over the window, moves it by VOO’s dollar move and says that the pound’s is missing', () => {
    const book = prepareBook(positions, 'GBP', ref);
    const result = ok(runReplay(book, prices, defaultProxies(), { ...window, fx: history({}) }));
    expect(moveOf(result, 'VUSA.L').return).toBeCloseTo(-0.1, 12);
    expect(moveOf(result, 'VUSA.L').applied).toBe(
      'Proxy: no price history of its own, moved as VOO (VUSA.L follows the S&P 500, as VOO does) (in US dollars: no USD/GBP history over the window to express it in GBP, refresh market data) −10%',
    );
  });
});
