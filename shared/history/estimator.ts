import { failure, type Failure } from '../failure';
import { cholesky, choleskySolve, quadraticInverse } from './linalg';

/** 1.96: the two-sided 95% normal quantile used for the low/high band. */
export const BAND_Z = 1.959963984540054;

/**
 * How a propagated move is estimated from history (docs/stress-semantics.md §7). Every choice is a field so the backtest
 * (shared/history/backtest.ts) can measure it; PROPAGATION_MODEL is the one the product uses.
 */
export interface PropagationModel {
  /** Trading days of returns before the as-of date the regression may use. */
  estimationDays: number;
  /** Fewer days than this alongside the proxies and no move is estimated. */
  minObservations: number;
  /** Half-life in trading days of exponentially decaying observation weights; null for equal weights. */
  halfLife: number | null;
  /**
   * Gram–Schmidt the proxies in the order given (market first, then narrower groups): each later proxy stands for what
   * it adds beyond the earlier ones, and its shock for the part of its shock the earlier shocks do not explain.
   */
  orthogonalise: boolean;
  /** Shrinkage of the first (market) slope toward 1, as a multiple of its own precision: β = (β̂ + λ·1)/(1 + λ). */
  marketShrink: number;
  /** Shrinkage of every other slope toward 0, likewise: β = β̂/(1 + λ). */
  factorShrink: number;
  /** Huber tuning constant in residual standard deviations for robust (IRLS) slopes; null for least squares. */
  huber: number | null;
  /**
   * Extra weight on large days: each day's weight is multiplied by 1 + tailWeight × (mean squared standardised proxy
   * move), so the slopes lean toward how the target moved when the proxies moved a lot. 0 for none.
   */
  tailWeight: number;
  /** 'estimation': ±1.96 se of Σβs only; 'prediction': also the residual (idiosyncratic) variance of the day. */
  band: 'estimation' | 'prediction';
  /** Half-life of the weights the residual variance is measured with (recent volatility); null for the fit's weights. */
  residualHalfLife: number | null;
  /** Multiplies the residual standard deviation (stress days are more volatile than the window's average day). */
  residualScale: number;
}

/** The estimator as it shipped before the backtest: equal-weight OLS on three years, band from estimation error only. */
export const OLS_MODEL: PropagationModel = {
  estimationDays: 756,
  minObservations: 500,
  halfLife: null,
  orthogonalise: false,
  marketShrink: 0,
  factorShrink: 0,
  huber: null,
  tailWeight: 0,
  band: 'estimation',
  residualHalfLife: null,
  residualScale: 1,
};

/**
 * The product's model, chosen by the backtest on the bundled history (stress days from 2021 to April 2025, every
 * bundled ticker; figures are mean absolute errors in points, the same pairs for each line unless said):
 * - A minimum of 120 days instead of 500: 27 Jan 2025 with SMH, SPY, VST, CEG, TLN and GEV shocked went from 2.21 to
 *   2.05 (equal weights) because TLN and GEV (listed 2024) now count as proxies, and 4,095 pairs are tested, not 2,022.
 * - Exponential weights with a 120-day half-life: 1.14 against 1.15 for equal weights over all stress days, and 1.94
 *   against 2.05 on 27 Jan; 250 days did as well overall (1.135) but only 2.00 on 27 Jan, 60–90 days 1.16 overall.
 * - No shrinkage: toward 1 for the market (Vasicek) or toward 0 for the other orthogonalised proxies it raised the
 *   error (1.14–1.30 on the 2021–2025 days with equal weights); Huber weights and extra weight on large days did not help.
 * - A prediction band: estimation error alone covered 30–36% of the actual moves; adding the residual variance ×1.1
 *   (stress days are more volatile than the window's average day) covers 94%.
 */
export const PROPAGATION_MODEL: PropagationModel = {
  ...OLS_MODEL,
  minObservations: 120,
  halfLife: 120,
  band: 'prediction',
  residualScale: 1.1,
};

export interface MoveFit {
  /** Sensitivity to each proxy as given (not orthogonalised): the move is Σ betas × shocks. */
  betas: number[];
  mid: number;
  low: number;
  high: number;
  /** Standard deviation of the move's error: estimation, plus residual for a prediction band. */
  sd: number;
  /** Residual standard deviation of one day (before residualScale). */
  residualSd: number;
  /** The residual of each day of the target's series (NaN on days the fit did not use), for correlating holdings. */
  residuals: Float64Array;
  observations: number;
}

/** Observation weights on the rows (oldest first), normalised to sum to the effective sample size. */
function weightsFor(rows: number, halfLife: number | null): Float64Array {
  const w = new Float64Array(rows).fill(1);
  if (halfLife === null) return w;
  const decay = Math.pow(0.5, 1 / halfLife);
  let sum = 0;
  let sum2 = 0;
  for (let t = rows - 1, f = 1; t >= 0; t--, f *= decay) {
    w[t] = f;
    sum += f;
    sum2 += f * f;
  }
  const scale = sum / sum2; // Σw = (Σw)²/Σw² after scaling
  for (let t = 0; t < rows; t++) w[t] *= scale;
  return w;
}

/**
 * Fits a target's daily returns on the proxies' over the rows where all have a return and returns the move the
 * shocks imply, with a 95% band. Proxies are taken in the order given: with `orthogonalise`, the first is the market.
 */
export function fitMove(
  target: Float64Array,
  proxies: readonly Float64Array[],
  shocks: readonly number[],
  model: PropagationModel,
): MoveFit | Failure {
  const k = proxies.length;
  const rows: number[] = [];
  for (let t = 0; t < target.length; t++) {
    if (Number.isNaN(target[t])) continue;
    let ok = true;
    for (let j = 0; j < k && ok; j++) ok = !Number.isNaN(proxies[j][t]);
    if (ok) rows.push(t);
  }
  const n = rows.length;
  if (n < model.minObservations || n <= k + 1)
    return failure(`only ${n} days of returns alongside the proxies (needs ${model.minObservations})`);
  const base = weightsFor(n, model.halfLife);
  const y = Float64Array.from(rows, (t) => target[t]);
  const x = proxies.map((p) => Float64Array.from(rows, (t) => p[t]));
  const weighted = (w: Float64Array, v: Float64Array) => {
    let s = 0;
    let m = 0;
    for (let t = 0; t < n; t++) {
      s += w[t] * v[t];
      m += w[t];
    }
    return s / m;
  };
  if (model.tailWeight > 0) {
    const sd = x.map((v) => Math.sqrt(v.reduce((acc, u) => acc + u * u, 0) / n));
    for (let t = 0; t < n; t++) {
      let z = 0;
      for (let j = 0; j < k; j++) z += (x[j][t] / sd[j]) ** 2;
      base[t] *= 1 + (model.tailWeight * z) / k;
    }
  }
  let w = base;
  let fit = solve(y, x, shocks, w, model, weighted);
  if ('error' in fit) return fit;
  if (model.huber !== null) {
    for (let iteration = 0; iteration < 5 && !('error' in fit); iteration++) {
      const cut = model.huber * fit.sigma;
      const current = fit;
      w = Float64Array.from(base, (b, t) => {
        const e = Math.abs(current.residuals[t]);
        return e <= cut ? b : (b * cut) / e;
      });
      fit = solve(y, x, shocks, w, model, weighted);
    }
    if ('error' in fit) return fit;
  }
  // Residual variance: the weighted mean square of the residuals, on the fit's weights or on recent ones.
  const rw = model.residualHalfLife === null ? base : weightsFor(n, model.residualHalfLife);
  let sse = 0;
  let sw = 0;
  for (let t = 0; t < n; t++) {
    sse += rw[t] * fit.residuals[t] ** 2;
    sw += rw[t];
  }
  const residualVar = (sse / sw) * (n / Math.max(1, n - k - 1));
  const residualSd = Math.sqrt(residualVar);
  const estimationVar = fit.sigma ** 2 * fit.leverage;
  const sd = Math.sqrt(estimationVar + (model.band === 'prediction' ? (model.residualScale * residualSd) ** 2 : 0));
  const residuals = new Float64Array(target.length).fill(NaN);
  rows.forEach((t, i) => (residuals[t] = fit.residuals[i]));
  return {
    betas: fit.betas,
    mid: fit.mid,
    low: fit.mid - BAND_Z * sd,
    high: fit.mid + BAND_Z * sd,
    sd,
    residualSd,
    residuals,
    observations: n,
  };
}

/** One weighted, possibly orthogonalised and shrunk least-squares fit. */
function solve(
  y: Float64Array,
  x: readonly Float64Array[],
  shocks: readonly number[],
  w: Float64Array,
  model: PropagationModel,
  weighted: (w: Float64Array, v: Float64Array) => number,
): { betas: number[]; mid: number; sigma: number; leverage: number; residuals: Float64Array } | Failure {
  const k = x.length;
  const n = y.length;
  const my = weighted(w, y);
  const yc = Float64Array.from(y, (v) => v - my);
  const xc = x.map((v) => {
    const m = weighted(w, v);
    return Float64Array.from(v, (u) => u - m);
  });
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let t = 0; t < n; t++) s += w[t] * a[t] * b[t];
    return s;
  };
  // Basis: the proxies themselves, or their Gram–Schmidt residuals f_j = X u_j (u unit upper triangular).
  const f: Float64Array[] = [];
  const u: number[][] = [];
  for (let j = 0; j < k; j++) {
    const uj = Array.from({ length: k }, (_, i) => (i === j ? 1 : 0));
    const fj = Float64Array.from(xc[j]);
    if (model.orthogonalise) {
      for (let m = 0; m < j; m++) {
        const norm = dot(f[m], f[m]);
        if (!(norm > 0)) continue;
        const g = dot(xc[j], f[m]) / norm;
        for (let t = 0; t < n; t++) fj[t] -= g * f[m][t];
        for (let i = 0; i < k; i++) uj[i] -= g * u[m][i];
      }
    }
    f.push(fj);
    u.push(uj);
  }
  // Shocks in the basis: s'_j = Σ_i u_j[i] s_i.
  const s = u.map((uj) => uj.reduce((acc, c, i) => acc + c * shocks[i], 0));
  const sff = f.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) sff[i][j] = sff[j][i] = dot(f[i], f[j]);
  const sfy = f.map((a) => dot(a, yc));
  const prior = f.map((_, j) => (j === 0 && model.orthogonalise ? 1 : 0));
  const lambda = f.map((_, j) => (j === 0 && model.orthogonalise ? model.marketShrink : model.factorShrink));
  const a = sff.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda[i]) : v)));
  const l = cholesky(a);
  if (!l || f.some((fj, j) => !(sff[j][j] > 1e-12 * dot(xc[j], xc[j]))))
    return failure('the proxy series move together too closely to separate their effects');
  const b = choleskySolve(
    l,
    sfy.map((v, j) => v + lambda[j] * sff[j][j] * prior[j]),
  );
  const residuals = new Float64Array(n);
  let sse = 0;
  let sw = 0;
  for (let t = 0; t < n; t++) {
    let e = yc[t];
    for (let j = 0; j < k; j++) e -= b[j] * f[j][t];
    residuals[t] = e;
    sse += w[t] * e * e;
    sw += w[t];
  }
  const sigma = Math.sqrt((sse / sw) * (n / Math.max(1, n - k - 1)));
  const betas = Array.from({ length: k }, (_, i) => u.reduce((acc, uj, j) => acc + uj[i] * b[j], 0));
  const mid = b.reduce((acc, bj, j) => acc + bj * s[j], 0);
  // Estimation variance of Σβs: σ² s'ᵀ A⁻¹ s', the weights summing to the effective sample size.
  return { betas, mid, sigma, leverage: quadraticInverse(l, s), residuals };
}

/** Residuals divided by their root mean square, a missing day as 0: Σ_t z_i z_j / n is then their correlation. */
export function standardised(residuals: Float64Array): Float64Array {
  let sum = 0;
  let n = 0;
  for (const e of residuals) {
    if (Number.isNaN(e)) continue;
    sum += e * e;
    n++;
  }
  const rms = Math.sqrt(sum / Math.max(1, n));
  return Float64Array.from(residuals, (e) => (Number.isNaN(e) || rms === 0 ? 0 : e / rms));
}

/**
 * The standard deviation of Σ_i scale_i × ε_i when each ε_i has unit deviation and the ε's correlate as the
 * standardised residual series z_i do: the root mean square of Σ_i scale_i z_i(t) over the days any is non-zero.
 */
export function correlatedSd(terms: readonly { scale: number; z: Float64Array }[]): number {
  let length = 0;
  for (const term of terms) length = Math.max(length, term.z.length);
  const total = new Float64Array(length);
  for (const { scale, z } of terms) for (let t = 0; t < z.length; t++) total[t] += scale * z[t];
  let sum = 0;
  let days = 0;
  for (let t = 0; t < length; t++) {
    if (total[t] === 0) continue;
    sum += total[t] ** 2;
    days++;
  }
  return Math.sqrt(days ? sum / days : 0);
}
