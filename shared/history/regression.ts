import { failure, type Failure } from '../failure';
import { cholesky, choleskySolve, quadraticInverse } from './linalg';

/** 1.96: the two-sided 95% normal quantile used for the low/high band. */
export const BAND_Z = 1.959963984540054;

export interface ConditionalMove {
  /** Sensitivity of the target to each proxy (multivariate regression slopes). */
  betas: number[];
  /** Standard error of each slope. */
  standardErrors: number[];
  /** E[r | proxies = shocks] without the daily drift: Σ β_j s_j. */
  mid: number;
  low: number;
  high: number;
  observations: number;
}

/**
 * Regresses a target's daily returns on the proxies' (ordinary least squares with an intercept, on the days where all
 * have a return) and returns the move implied by the proxy shocks with a 95% band from the slopes' standard errors.
 * The slopes equal Σ_iP Σ_PP⁻¹ of the sample covariances, so `mid` is the conditional expectation of a jointly
 * normal return given the proxies; the intercept (a daily drift of a few basis points) is left out because a
 * scenario has no horizon. Returns a one-sentence reason instead when there are too few days or the proxies are
 * collinear.
 */
export function conditionalMove(
  target: Float64Array,
  proxies: readonly Float64Array[],
  shocks: readonly number[],
  minObservations: number,
): ConditionalMove | Failure {
  const k = proxies.length;
  const rows: number[] = [];
  for (let t = 0; t < target.length; t++) {
    if (Number.isNaN(target[t])) continue;
    let ok = true;
    for (let j = 0; j < k && ok; j++) ok = !Number.isNaN(proxies[j][t]);
    if (ok) rows.push(t);
  }
  const n = rows.length;
  if (n < minObservations || n <= k + 1) return failure(`only ${n} days of returns alongside the proxies (needs ${minObservations})`);
  const meanY = rows.reduce((s, t) => s + target[t], 0) / n;
  const meanX = proxies.map((p) => rows.reduce((s, t) => s + p[t], 0) / n);
  const sxx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const sxy = new Array<number>(k).fill(0);
  for (const t of rows) {
    const y = target[t] - meanY;
    for (let i = 0; i < k; i++) {
      const xi = proxies[i][t] - meanX[i];
      sxy[i] += xi * y;
      for (let j = 0; j <= i; j++) sxx[i][j] += xi * (proxies[j][t] - meanX[j]);
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) sxx[j][i] = sxx[i][j];
  const l = cholesky(sxx);
  if (!l) return failure('the proxy series move together too closely to separate their effects');
  const betas = choleskySolve(l, sxy);
  let sse = 0;
  for (const t of rows) {
    let e = target[t] - meanY;
    for (let j = 0; j < k; j++) e -= betas[j] * (proxies[j][t] - meanX[j]);
    sse += e * e;
  }
  const sigma2 = sse / (n - k - 1);
  const unit = (j: number) => Array.from({ length: k }, (_, i) => (i === j ? 1 : 0));
  const standardErrors = betas.map((_, j) => Math.sqrt(sigma2 * quadraticInverse(l, unit(j))));
  const mid = betas.reduce((s, b, j) => s + b * shocks[j], 0);
  const se = Math.sqrt(sigma2 * quadraticInverse(l, shocks));
  return { betas, standardErrors, mid, low: mid - BAND_Z * se, high: mid + BAND_Z * se, observations: n };
}
