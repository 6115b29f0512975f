import { describe, expect, it } from 'vitest';
import { BAND_Z } from '../../../shared/history';
import { fitMove, OLS_MODEL, PROPAGATION_MODEL } from '../../../shared/history/estimator';

// Period-4 patterns over 40 days: the market ±1% (+ + − −), a second proxy ±2% (+ − + −), own noise ±0.5% (+ − − +);
// zero-mean and mutually orthogonal, so every slope can be worked by hand.
const days = 40;
const market = Float64Array.from({ length: days }, (_, t) => 0.01 * [1, 1, -1, -1][t % 4]);
const other = Float64Array.from({ length: days }, (_, t) => 0.02 * [1, -1, 1, -1][t % 4]);
const noise = Float64Array.from({ length: days }, (_, t) => 0.005 * [1, -1, -1, 1][t % 4]);
const target = Float64Array.from(market, (m, t) => 1.6 * m + 0.5 * other[t] + noise[t]);
const model = { ...OLS_MODEL, minObservations: 20 };
const fit = (over: Partial<typeof model>, shocks = [-0.05, -0.1]) => {
  const result = fitMove(target, [market, other], shocks, { ...model, ...over });
  if ('error' in result) throw new Error(result.error);
  return result;
};

describe('the propagation estimator', () => {
  it('finds the slopes by least squares and leaves exact slopes alone under exponential weights', () => {
    expect(fit({}).betas[0]).toBeCloseTo(1.6, 10);
    expect(fit({}).betas[1]).toBeCloseTo(0.5, 10);
    const exact = Float64Array.from(market, (m, t) => 1.6 * m + 0.5 * other[t]);
    const weighted = fitMove(exact, [market, other], [-0.05, -0.1], { ...model, halfLife: 10 });
    if ('error' in weighted) throw new Error(weighted.error);
    expect(weighted.betas[0]).toBeCloseTo(1.6, 10);
    expect(weighted.mid).toBeCloseTo(1.6 * -0.05 + 0.5 * -0.1, 10);
  });

  it('shrinks the market slope toward 1 and the others toward 0 by the stated fractions', () => {
    const shrunk = fit({ orthogonalise: true, marketShrink: 1, factorShrink: 4 });
    expect(shrunk.betas[0]).toBeCloseTo((1.6 + 1) / 2, 10);
    expect(shrunk.betas[1]).toBeCloseTo(0.5 / 5, 10);
    expect(shrunk.mid).toBeCloseTo(1.3 * -0.05 + 0.1 * -0.1, 10);
  });

  it('widens an estimation band into a prediction band by the residual variance, times the stated scale', () => {
    // σ² = 40 × 0.005² / (40 − 3); estimation variance σ² (0.05²/Sxx₁ + 0.1²/Sxx₂) with Sxx₁ = 0.004, Sxx₂ = 0.016.
    const sigma2 = (40 * 0.005 ** 2) / 37;
    const estimation = sigma2 * (0.0025 / 0.004 + 0.01 / 0.016);
    expect(fit({}).sd).toBeCloseTo(Math.sqrt(estimation), 12);
    const band = fit({ band: 'prediction', residualScale: 1.1 });
    expect(band.sd).toBeCloseTo(Math.sqrt(estimation + 1.21 * sigma2), 12);
    expect(band.high - band.mid).toBeCloseTo(BAND_Z * band.sd, 12);
    expect(band.residualSd).toBeCloseTo(Math.sqrt(sigma2), 12);
  });

  it('is what the product uses: exponential weights, a prediction band, a six-month minimum', () => {
    expect(PROPAGATION_MODEL).toMatchObject({ halfLife: 120, band: 'prediction', minObservations: 120, marketShrink: 0, factorShrink: 0 });
  });
});

describe('a plain least-squares fit worked by hand', () => {
  const handModel = { ...OLS_MODEL, minObservations: 4 };
  it('gives β, the band from its standard error, and the residuals on a four-day sample', () => {
    // x̄ = ȳ = 0; Sxx = 0.001, Sxy = 0.0017 → β = 1.7; residuals 0.003, 0.007, −0.004, −0.006 → SSE 110e-6, σ² = 55e-6,
    // se(β) = √(σ²/Sxx) = √0.055; a −10% shock moves −17% ± 1.96 × 0.1 × √0.055.
    const x = Float64Array.from([0.01, -0.01, 0.02, -0.02]);
    const y = Float64Array.from([0.02, -0.01, 0.03, -0.04]);
    const answer = fitMove(y, [x], [-0.1], handModel);
    if ('error' in answer) throw new Error(answer.error);
    expect(answer.betas[0]).toBeCloseTo(1.7, 12);
    expect(answer.mid).toBeCloseTo(-0.17, 12);
    expect(answer.sd).toBeCloseTo(0.1 * Math.sqrt(0.055), 12);
    expect(answer.low).toBeCloseTo(-0.17 - BAND_Z * 0.1 * Math.sqrt(0.055), 12);
    expect(answer.high).toBeCloseTo(-0.17 + BAND_Z * 0.1 * Math.sqrt(0.055), 12);
    expect(answer.observations).toBe(4);
  });

  it('refuses too short a history and collinear proxies with a reason', () => {
    const x = Float64Array.from([0.01, -0.01, 0.02, -0.02]);
    expect(fitMove(x, [x], [-0.1], { ...handModel, minObservations: 5 })).toEqual({
      ok: false,
      error: 'only 4 days of returns alongside the proxies (needs 5)',
    });
    expect(fitMove(x, [x, x.map((v) => 2 * v)], [-0.1, -0.2], handModel)).toEqual({
      ok: false,
      error: 'the proxy series move together too closely to separate their effects',
    });
  });
});
