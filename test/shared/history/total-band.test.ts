import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { defaultProxies, propagationMoves, runPropagated } from '../../../shared/history';
import { pos, reference, scenario, sec } from '../engine/book-builder';
import { fromReturns, history, weekdays } from './history-builder';

// SPY ±1% (+ + − −); an idiosyncratic ±0.5% (+ − − +) orthogonal to it. UP moves with it, DOWN against it, TWIN as UP.
const n = 200;
const dates = weekdays('2023-01-02', n + 1);
const spy = Array.from({ length: n }, (_, t) => 0.01 * [1, 1, -1, -1][t % 4]);
const idio = Array.from({ length: n }, (_, t) => 0.005 * [1, -1, -1, 1][t % 4]);
const h = history({
  SPY: fromReturns(dates, spy),
  UP: fromReturns(
    dates,
    spy.map((m, t) => m + idio[t]),
  ),
  DOWN: fromReturns(
    dates,
    spy.map((m, t) => m - idio[t]),
  ),
  TWIN: fromReturns(
    dates,
    spy.map((m, t) => 1.2 * m + idio[t]),
  ),
});
const ref = reference([sec('UP'), sec('DOWN'), sec('TWIN')]);
const crash = scenario([{ target: 'market', change: -0.05 }]);
const asOf = dates[n];

/** The band that adds every position's band end to end (perfect correlation). */
function endToEnd(book: ReturnType<typeof prepareBook>) {
  const { overrides, use } = propagationMoves(book, crash, h, defaultProxies(), { asOf });
  return runScenario(book, crash, { overrides, history: use }).band!;
}

describe("the total's band counts the correlation of the holdings' own moves", () => {
  it('narrows to nothing when two holdings’ own moves offset exactly', () => {
    const book = prepareBook([pos('UP', 100, 100), pos('DOWN', 100, 100)], 'USD', ref);
    const result = runPropagated(book, crash, h, defaultProxies(), { asOf });
    const wide = endToEnd(book);
    expect(wide.high - wide.low).toBeGreaterThan(100);
    expect(result.band!.high - result.band!.low).toBeCloseTo(0, 6);
    expect((result.band!.high + result.band!.low) / 2).toBeCloseTo(result.pnl, 9);
    // Each holding still shows its own band.
    for (const p of result.positions) expect(p.band!.high - p.band!.low).toBeGreaterThan(0.01);
  });

  it('equals the end-to-end band when their own moves go together', () => {
    const book = prepareBook([pos('UP', 100, 100), pos('TWIN', 50, 100)], 'USD', ref);
    const result = runPropagated(book, crash, h, defaultProxies(), { asOf });
    const wide = endToEnd(book);
    expect(result.band!.low).toBeCloseTo(wide.low, 6);
    expect(result.band!.high).toBeCloseTo(wide.high, 6);
  });

  it('leaves positions out when the caller asks for none, and keeps the band', () => {
    const book = prepareBook([pos('UP', 100, 100), pos('DOWN', 100, 100)], 'USD', ref);
    const result = runPropagated(book, crash, h, defaultProxies(), { asOf, positions: false });
    expect(result.positions).toEqual([]);
    expect(result.band!.high - result.band!.low).toBeCloseTo(0, 6);
  });
});
