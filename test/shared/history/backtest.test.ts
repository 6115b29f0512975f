import { describe, expect, it } from 'vitest';
import { largestDays, runBacktest, stressDays } from '../../../shared/history/backtest';
import { OLS_MODEL } from '../../../shared/history/estimator';
import { BAND_Z } from '../../../shared/history';
import { fromReturns, history, weekdays } from './history-builder';

// Period-4 patterns, zero-mean and mutually orthogonal over any 40 consecutive days:
// SPY ±1% (+ + − −), SMH ±2% (+ − + −), an idiosyncratic ±0.5% (+ − − +).
const n = 70;
const STRESS = 60; // return index of the stress day
const EVENT = 50;
const spy = Array.from({ length: n }, (_, t) => (t === STRESS ? -0.03 : 0.01 * [1, 1, -1, -1][t % 4]));
const smh = Array.from({ length: n }, (_, t) => (t === STRESS ? -0.06 : 0.02 * [1, -1, 1, -1][t % 4]));
const idio = Array.from({ length: n }, (_, t) => (t === STRESS ? 0.01 : 0.005 * [1, -1, -1, 1][t % 4]));
const dates = weekdays('2024-01-01', n + 1);
const h = history({
  SPY: fromReturns(dates, spy),
  SMH: fromReturns(dates, smh),
  // EXACT moves 1.5 × SMH + 0.5 × SPY every day; NOISY moves with SPY plus its own ±0.5% (+1% on the stress day).
  EXACT: fromReturns(
    dates,
    smh.map((s, t) => 1.5 * s + 0.5 * spy[t]),
  ),
  NOISY: fromReturns(
    dates,
    spy.map((m, t) => m + idio[t]),
  ),
  // Ten days of history only: never predicted.
  SHORT: fromReturns(dates.slice(n - 10), spy.slice(n - 10)),
});
const model = { ...OLS_MODEL, estimationDays: 40, minObservations: 20 };
const stressDate = dates[STRESS + 1];
const eventDate = dates[EVENT + 1];

describe('stress days', () => {
  it('are the days SPY moved 2% or SMH 4% either way, plus dated events on the calendar', () => {
    const days = stressDays(h, {
      calendar: 'SPY',
      events: [
        { date: eventDate, name: 'An event' },
        { date: '2023-01-01', name: 'Before the data' },
      ],
    });
    expect(days).toEqual([
      { date: eventDate, why: ['An event'] },
      { date: stressDate, why: ['SPY −3.0%', 'SMH −6.0%'] },
    ]);
    expect(stressDays(h, { calendar: 'SPY', from: dates[EVENT + 2] })).toEqual([{ date: stressDate, why: ['SPY −3.0%', 'SMH −6.0%'] }]);
  });
});

describe('backtest of propagation on a hand-made history', () => {
  const days = stressDays(h, { calendar: 'SPY', events: [{ date: eventDate, name: 'An event' }] });
  const result = runBacktest(h, {
    market: 'SPY',
    proxies: [
      { label: 'SPY', symbols: ['SPY'] },
      { label: 'SMH', symbols: ['SMH'] },
    ],
    targets: ['SPY', 'SMH', 'EXACT', 'NOISY', 'SHORT'],
    days,
    model,
  });
  const stress = result.days.find((d) => d.date === stressDate)!;
  const byStress = Object.fromEntries(stress.pairs.map((p) => [p.symbol, p]));

  it('predicts only tickers that are not proxies and have enough history before the day', () => {
    expect(result.days.map((d) => d.pairs.map((p) => p.symbol))).toEqual([
      ['EXACT', 'NOISY'],
      ['EXACT', 'NOISY'],
    ]);
    expect(stress.market).toBeCloseTo(-0.03, 12);
  });

  it('gets the exact linear ticker right and scores the one-factor beta and zero models by hand', () => {
    // EXACT: 1.5 × −6% + 0.5 × −3% = −10.5%; its beta to SPY alone is 0.5 (SMH is orthogonal to SPY), so −1.5%.
    expect(byStress.EXACT.actual).toBeCloseTo(-0.105, 12);
    expect(byStress.EXACT.predicted).toBeCloseTo(-0.105, 10);
    expect(byStress.EXACT.beta).toBeCloseTo(-0.015, 10);
    // NOISY: β 1 to SPY, 0 to SMH → −3%, actual −2%.
    expect(byStress.NOISY.predicted).toBeCloseTo(-0.03, 10);
    expect(byStress.NOISY.actual).toBeCloseTo(-0.02, 12);
    expect(stress.mae).toBeCloseTo((0 + 0.01) / 2, 10);
    expect(stress.maeZero).toBeCloseTo((0.105 + 0.02) / 2, 10);
    expect(stress.maeBeta).toBeCloseTo((0.09 + 0.01) / 2, 10);
  });

  it('has an estimation-only band that misses the idiosyncratic move', () => {
    // σ² = 40 × 0.005² / (40 − 3); se² = σ² (s₁²/Sxx₁ + s₂²/Sxx₂) = σ² (0.0009/0.004 + 0.0036/0.016).
    const sigma2 = (40 * 0.005 ** 2) / 37;
    const se = Math.sqrt(sigma2 * 0.45);
    expect(byStress.NOISY.high).toBeCloseTo(-0.03 + BAND_Z * se, 10);
    expect(stress.coverage).toBe(0.5); // EXACT's zero-width band holds its exact move; NOISY's misses
    // The equal-weight book of both: off by half of NOISY's 1%; its band is half of NOISY's (EXACT adds no width).
    expect(stress.book.actual).toBeCloseTo((-0.105 - 0.02) / 2, 12);
    expect(stress.book.predicted).toBeCloseTo((-0.105 - 0.03) / 2, 10);
    expect(stress.book.half).toBeCloseTo(BAND_Z * 0.5 * se, 10);
    expect(stress.book.halfEndToEnd).toBeCloseTo(BAND_Z * 0.5 * se, 10);
  });

  it('sums up over all (ticker, day) pairs', () => {
    // Event day: EXACT exact, NOISY off by its own 0.5%.
    expect(result.overall).toMatchObject({ days: 2, pairs: 4 });
    expect(result.overall.mae).toBeCloseTo((0 + 0.005 + 0 + 0.01) / 4, 10);
    expect(largestDays(result.days, 1).map((d) => d.date)).toEqual([stressDate]);
  });

  it('with a prediction band includes the residual variance and covers the move', () => {
    const wide = runBacktest(h, {
      market: 'SPY',
      proxies: [
        { label: 'SPY', symbols: ['SPY'] },
        { label: 'SMH', symbols: ['SMH'] },
      ],
      targets: ['NOISY'],
      days: [{ date: stressDate, why: [] }],
      model: { ...model, band: 'prediction' },
    });
    const pair = wide.days[0].pairs[0];
    const sigma2 = (40 * 0.005 ** 2) / 37;
    expect(pair.high - pair.predicted).toBeCloseTo(BAND_Z * Math.sqrt(sigma2 * 0.45 + sigma2), 10);
    expect(wide.overall.coverage).toBe(1);
  });

  it('predicts a basket member from the basket without it, and skips a day it cannot test', () => {
    const basket = runBacktest(h, {
      market: 'SPY',
      proxies: [
        { label: 'SPY', symbols: ['SPY'] },
        { label: 'mix', symbols: ['SMH', 'EXACT'] },
      ],
      targets: ['EXACT'],
      days: [
        { date: stressDate, why: [] },
        { date: dates[0], why: [] },
      ],
      model,
    });
    // Without EXACT the basket is SMH alone, so EXACT is again 1.5 × SMH + 0.5 × SPY.
    expect(basket.days[0].pairs[0].predicted).toBeCloseTo(-0.105, 10);
    expect(basket.skipped).toEqual([{ date: dates[0], why: 'not a SPY trading day with a previous close' }]);
  });
});
